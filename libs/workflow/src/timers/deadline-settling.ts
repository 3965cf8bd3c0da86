import { SqlRunner, sqlAffected, sqlRows } from '@awardflow/platform';
import { EntityManager } from 'typeorm';
import { DeadlineRecord } from './deadline-record';

/** What firing a deadline reads of it. */
export type DeadlineToFire = Pick<DeadlineRecord, 'id' | 'instanceId' | 'kind' | 'action' | 'event' | 'payload' | 'setInState' | 'status' | 'generation'>;

/** The deadline, locked until the caller's transaction ends, so a second firing waits and then sees it settled; null when there is none. */
export async function lockDeadlineToFire(manager: EntityManager, id: string): Promise<DeadlineToFire | null> {
  const [row] = await sqlRows<DeadlineToFire>(
    manager,
    `SELECT id, instance_id AS "instanceId", kind, action, event, payload, set_in_state AS "setInState", status, generation FROM deadlines WHERE id = $1 FOR UPDATE`,
    [id],
  );
  return row ?? null;
}

/** Marks the deadline fired or cancelled (by its own firing), with why. */
export async function settleDeadline(manager: EntityManager, id: string, status: 'fired' | 'cancelled', outcome: string): Promise<void> {
  await sqlAffected(
    manager,
    `UPDATE deadlines SET status = $2::text, outcome = $3::text, fired_at = CASE WHEN $2::text = 'fired' THEN now() END,
            cancelled_at = CASE WHEN $2::text = 'cancelled' THEN now() END WHERE id = $1`,
    [id, status, outcome],
  );
}

/**
 * Cancels the pending deadlines of these kinds whose payload holds the given fields (e.g. an
 * assignment's due date and reminders once it is scored or ended), with the reason as outcome.
 */
export async function cancelDeadlinesMatching(runner: SqlRunner, where: { kinds: readonly string[]; payload: Record<string, string>; outcome: string }): Promise<number> {
  return sqlAffected(
    runner,
    `UPDATE deadlines SET status = 'cancelled', cancelled_at = now(), outcome = $3
      WHERE status = 'pending' AND kind = ANY($1::text[]) AND payload @> $2::jsonb`,
    [[...where.kinds], JSON.stringify(where.payload), where.outcome],
  );
}
