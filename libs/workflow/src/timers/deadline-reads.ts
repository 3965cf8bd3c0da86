import { orderBySql, SqlRunner, sqlRows } from '@awardflow/platform';
import { INSTANCE_CONTEXTS_RELATION } from '../reads/instance-contexts';
import { DeadlineColumns, toDeadlineRecord } from './deadline-columns';
import { DeadlineOffices, DeadlineRecord } from './deadline-record';

export interface DeadlineFilter {
  instanceId?: string;
  kind?: string;
  status?: string;
  /** The row of the offices' relation the deadline belongs to (its cycle): its id. */
  contextId?: string;
  /** Only pending deadlines already past their due time. */
  overdue?: boolean;
}

/**
 * A page of the deadlines an office may see (its own, and those of no office), by the filter, soonest
 * due first (or by `sort`, a key of DEADLINE_SORT_COLUMNS), with how many match in all.
 */
/** The columns a deadline list sorts on (`?sort=`, `-` first: descending); the default is soonest due first. */
export const DEADLINE_SORT_COLUMNS = { dueAt: 'd.due_at', kind: 'd.kind' } as const;

export async function listDeadlines(
  runner: SqlRunner,
  filter: DeadlineFilter,
  visibleTo: { offices: DeadlineOffices; officeIds: readonly string[] },
  window: { limit: number; offset: number; sort?: string },
): Promise<{ rows: Array<DeadlineRecord & { contextId: string | null }>; total: number }> {
  const from = `FROM deadlines d
       LEFT JOIN ${INSTANCE_CONTEXTS_RELATION} i ON i.id = d.instance_id
       LEFT JOIN ${visibleTo.offices.relation} c ON c.id::text = i.context->>$5::text
      WHERE (c.office_id IS NULL OR c.office_id = ANY($1::uuid[]))
        AND ($2::uuid IS NULL OR d.instance_id = $2) AND ($3::text IS NULL OR d.kind = $3) AND ($4::text IS NULL OR d.status = $4)
        AND ($6::uuid IS NULL OR c.id = $6) AND (NOT $7::boolean OR (d.status = 'pending' AND d.due_at < now()))`;
  const params = [visibleTo.officeIds, filter.instanceId ?? null, filter.kind ?? null, filter.status ?? null, visibleTo.offices.contextKey, filter.contextId ?? null, filter.overdue ?? false];
  const order = orderBySql(window.sort, DEADLINE_SORT_COLUMNS, 'd.id', 'd.due_at ASC, d.id ASC');
  const rows = await sqlRows<DeadlineColumns & { total_count: string; context_id: string | null }>(
    runner,
    `SELECT d.*, c.id AS context_id, count(*) OVER () AS total_count ${from} ORDER BY ${order} LIMIT $8 OFFSET $9`,
    [...params, window.limit, window.offset],
  );
  const total = rows.length ? Number(rows[0].total_count) : Number((await sqlRows<{ n: string }>(runner, `SELECT count(*) AS n ${from}`, params))[0].n);
  return { rows: rows.map((r) => ({ ...toDeadlineRecord(r), contextId: r.context_id })), total };
}

/** The instance's own pending deadlines (those that fire an action, not reminders), soonest first. */
export async function pendingActionDeadlines(runner: SqlRunner, instanceId: string): Promise<DeadlineRecord[]> {
  const rows = await sqlRows<DeadlineColumns>(runner, `SELECT * FROM deadlines WHERE instance_id = $1 AND status = 'pending' AND action IS NOT NULL ORDER BY due_at`, [instanceId]);
  return rows.map(toDeadlineRecord);
}

/** When the instance's next pending deadline of this kind falls due (null: none is pending). */
export async function nextPendingDeadlineDue(runner: SqlRunner, instanceId: string, kind: string): Promise<Date | null> {
  const [row] = await sqlRows<{ dueAt: Date }>(
    runner,
    `SELECT due_at AS "dueAt" FROM deadlines WHERE instance_id = $1 AND kind = $2 AND status = 'pending' ORDER BY due_at LIMIT 1`,
    [instanceId, kind],
  );
  return row ? new Date(row.dueAt) : null;
}

export interface DeadlineBacklog {
  pending: number;
  /** Seconds the most overdue pending deadline is late; 0 when none is. */
  overdueLagSeconds: number;
}

/** The pending deadlines and how late the firing runs, for the operators' metrics. */
export async function readDeadlineBacklog(runner: SqlRunner): Promise<DeadlineBacklog> {
  const [row] = await sqlRows<{ pending: number; overdue_lag: number | null }>(
    runner,
    `SELECT count(*)::int AS pending, extract(epoch FROM now() - min(due_at) FILTER (WHERE due_at < now()))::float8 AS overdue_lag
       FROM deadlines WHERE status = 'pending'`,
  );
  return { pending: Number(row.pending), overdueLagSeconds: Math.max(0, Number(row.overdue_lag ?? 0)) };
}
