import { sqlRows } from '@awardflow/platform';
import { EntityManager } from 'typeorm';
import { INSTANCE_CONTEXTS_RELATION } from '../reads/instance-contexts';
import { DeadlineColumns, toDeadlineRecord } from './deadline-columns';
import { DeadlineOffices, DeadlineRecord } from './deadline-record';

/** A deadline with the office it is the business of (null: none, e.g. no cycle in its instance's context). */
export type DeadlineInOffice = DeadlineRecord & { officeId: string | null };

/** The deadline, locked until the caller's transaction ends, with its office; null when there is none. */
export async function lockDeadline(manager: EntityManager, id: string, offices: DeadlineOffices): Promise<DeadlineInOffice | null> {
  const [row] = await sqlRows<DeadlineColumns & { office_id: string | null }>(
    manager,
    `SELECT d.*, c.office_id FROM deadlines d
       LEFT JOIN ${INSTANCE_CONTEXTS_RELATION} i ON i.id = d.instance_id
       LEFT JOIN ${offices.relation} c ON c.id::text = i.context->>$2::text
      WHERE d.id = $1 FOR UPDATE OF d`,
    [id, offices.contextKey],
  );
  return row ? { ...toDeadlineRecord(row), officeId: row.office_id ?? null } : null;
}

/** The pending deadlines of a kind whose instance's context has `key` = `equals` (a cycle's 补正, say), by id, locked until the caller's transaction ends. */
export async function lockPendingDeadlines(manager: EntityManager, kind: string, where: { key: string; equals: string }): Promise<DeadlineRecord[]> {
  const rows = await sqlRows<DeadlineColumns>(
    manager,
    `SELECT d.* FROM deadlines d JOIN ${INSTANCE_CONTEXTS_RELATION} i ON i.id = d.instance_id
      WHERE i.context->>$3::text = $1 AND d.kind = $2 AND d.status = 'pending' ORDER BY d.id FOR UPDATE OF d`,
    [where.equals, kind, where.key],
  );
  return rows.map(toDeadlineRecord);
}

/** Moves the deadline to `dueAt` as a new generation (its old job then does nothing). */
export async function moveDeadline(manager: EntityManager, id: string, dueAt: Date): Promise<DeadlineRecord> {
  const [row] = await sqlRows<DeadlineColumns>(manager, `UPDATE deadlines SET due_at = $2, generation = generation + 1 WHERE id = $1 RETURNING *`, [id, dueAt]);
  return toDeadlineRecord(row);
}

/** Moves the pending reminders of a deadline by `byMs`, each as a new generation; returns the generations they had. */
export function shiftPendingReminders(manager: EntityManager, parentDeadlineId: string, byMs: number): Promise<Array<{ id: string; previousGeneration: number }>> {
  return sqlRows(
    manager,
    `UPDATE deadlines SET due_at = due_at + make_interval(secs => $2::double precision / 1000), generation = generation + 1
      WHERE payload->>'parentDeadlineId' = $1 AND status = 'pending' RETURNING id, generation - 1 AS "previousGeneration"`,
    [parentDeadlineId, byMs],
  );
}
