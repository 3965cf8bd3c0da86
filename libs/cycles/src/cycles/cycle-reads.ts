import { EntityManager } from 'typeorm';
import { SqlRunner, sqlRows } from '@awardflow/platform';

/** What lists spanning cycles need of each: whose it is, what it is called, how it is reviewed. */
export interface CycleSummary {
  id: string;
  officeId: string;
  title: string;
  awardCode: string;
  year: number;
  blindReview: boolean;
  reassignOverdue: boolean;
}

/** Cycles by id, in one statement whatever the number of ids (order not kept). */
export async function cycleSummaries(runner: SqlRunner, ids: readonly string[]): Promise<CycleSummary[]> {
  const unique = [...new Set(ids)];
  if (!unique.length) return [];
  return sqlRows<CycleSummary>(
    runner,
    `SELECT id, office_id AS "officeId", title, award_code AS "awardCode", year, blind_review AS "blindReview", reassign_overdue AS "reassignOverdue"
       FROM cycles WHERE id = ANY($1::uuid[])`,
    [unique],
  );
}

/** Locks the cycle row for the caller's transaction (e.g. 审定 counts its quota under it). */
export async function lockCycle(manager: EntityManager, id: string): Promise<void> {
  await sqlRows(manager, `SELECT 1 FROM cycles WHERE id = $1 FOR UPDATE`, [id]);
}

/** The ids of an office's cycles (the public pages list what they published). */
export async function cycleIdsOfOffice(runner: SqlRunner, officeId: string): Promise<string[]> {
  const rows = await sqlRows<{ id: string }>(runner, `SELECT id FROM cycles WHERE office_id = $1`, [officeId]);
  return rows.map((r) => r.id);
}
