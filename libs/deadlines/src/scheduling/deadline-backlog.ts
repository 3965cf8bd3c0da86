import type { SqlRunner } from '@awardflow/platform';

export interface DeadlineBacklog {
  pending: number;
  /** Seconds the most overdue pending deadline is late; 0 when none is. */
  overdueLagSeconds: number;
}

/** The pending deadlines and how late the firing runs, for the operators' metrics. */
export async function readDeadlineBacklog(db: SqlRunner): Promise<DeadlineBacklog> {
  const [row] = await db.query(
    `SELECT count(*)::int AS pending, extract(epoch FROM now() - min(due_at) FILTER (WHERE due_at < now()))::float8 AS overdue_lag
       FROM deadlines WHERE status = 'pending'`,
  );
  return { pending: Number(row.pending), overdueLagSeconds: Math.max(0, Number(row.overdue_lag ?? 0)) };
}
