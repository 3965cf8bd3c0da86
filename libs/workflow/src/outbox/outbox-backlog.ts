import { SqlRunner, sqlRows } from '@awardflow/platform';

export interface OutboxBacklog {
  unrelayed: number;
  /** Seconds since the oldest unrelayed event was written; 0 when none waits. */
  oldestUnrelayedAgeSeconds: number;
}

/** How far the relay is behind, for the operators' metrics. */
export async function readOutboxBacklog(db: SqlRunner): Promise<OutboxBacklog> {
  const [row] = await sqlRows<{ unrelayed: number; oldest_age: number | null }>(
    db,
    `SELECT count(*)::int AS unrelayed, extract(epoch FROM now() - min(created_at))::float8 AS oldest_age FROM outbox WHERE dispatched_at IS NULL`,
  );
  return { unrelayed: Number(row.unrelayed), oldestUnrelayedAgeSeconds: Math.max(0, Number(row.oldest_age ?? 0)) };
}
