import { SqlRunner, sqlAffected, sqlRows } from '@awardflow/platform';
import { EntityManager } from 'typeorm';

/** A deadline generation that needs a BullMQ job. */
export interface UnscheduledDeadline {
  id: string;
  generation: number;
  dueAt: Date;
}

/** A deadline generation marked as having its job in BullMQ. */
export interface ScheduledDeadline {
  id: string;
  generation: number;
}

/**
 * Pending deadlines whose current generation has no job yet, soonest first, locked in the
 * caller's transaction; rows another scheduler holds are skipped, so several share the work.
 */
export function claimUnscheduledDeadlines(manager: EntityManager, limit: number): Promise<UnscheduledDeadline[]> {
  return sqlRows<UnscheduledDeadline>(
    manager,
    `SELECT id, generation, due_at AS "dueAt" FROM deadlines
      WHERE status = 'pending' AND (scheduled_generation IS NULL OR scheduled_generation <> generation)
      ORDER BY due_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
    [limit],
  );
}

/** Records the generations whose jobs Redis accepted, in the transaction that claimed them. */
export function markDeadlinesScheduled(manager: EntityManager, scheduled: readonly ScheduledDeadline[]): Promise<number> {
  return sqlAffected(
    manager,
    `UPDATE deadlines d SET scheduled_generation = r.generation
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, generation int) WHERE d.id = r.id`,
    [JSON.stringify(scheduled.map((r) => ({ id: r.id, generation: r.generation })))],
  );
}

/** One page (up to 2000, by id after `afterId`) of the pending deadlines marked scheduled, to check their jobs still exist. */
export function scheduledPendingDeadlines(runner: SqlRunner, afterId: string): Promise<ScheduledDeadline[]> {
  return sqlRows<ScheduledDeadline>(
    runner,
    `SELECT id, generation FROM deadlines WHERE status = 'pending' AND scheduled_generation = generation AND id > $1 ORDER BY id LIMIT 2000`,
    [afterId],
  );
}

/** Hands pending deadlines whose jobs Redis lost back to the scheduler. */
export function markDeadlinesUnscheduled(runner: SqlRunner, ids: readonly string[]): Promise<number> {
  return sqlAffected(runner, `UPDATE deadlines SET scheduled_generation = NULL WHERE id = ANY($1::uuid[]) AND status = 'pending'`, [ids]);
}

/** Pending deadlines more than `graceSeconds` past due (their job was lost or is stuck), most overdue first, up to 1000. */
export async function overdueDeadlineIds(runner: SqlRunner, graceSeconds: number): Promise<string[]> {
  const rows = await sqlRows<{ id: string }>(
    runner,
    `SELECT id FROM deadlines WHERE status = 'pending' AND due_at < now() - make_interval(secs => $1) ORDER BY due_at LIMIT 1000`,
    [graceSeconds],
  );
  return rows.map((r) => r.id);
}
