import { SqlRunner, sqlAffected } from '@awardflow/platform';

/** A failed e-mail's job is retried by hand: its delivery row, the truth, goes back to pending with it. */
export async function reopenFailedDelivery(db: SqlRunner, deliveryId: string): Promise<void> {
  await sqlAffected(db, `UPDATE notification_deliveries SET status = 'pending' WHERE id = $1 AND status = 'failed'`, [deliveryId]);
}
