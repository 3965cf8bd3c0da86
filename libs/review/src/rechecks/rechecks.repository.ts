import { APPLICATION_SUMMARIES_RELATION, ORGANIZATION_PROFILES_RELATION } from '@awardflow/applications';
import { CYCLE_EDITIONS_RELATION } from '@awardflow/cycles';
import { SqlRunner, sqlRows } from '@awardflow/platform';
import { INSTANCE_STATES_RELATION } from '@awardflow/workflow';
import { EntityManager } from 'typeorm';

export type RecheckOutcome = 'passed' | 'rectification' | 'revoked';

export interface RecheckRoundRow {
  id: string;
  officeId: string;
  awardCode: string;
  title: string;
  /** YYYY-MM-DD. */
  startedOn: string;
  createdBy: string;
  createdAt: Date;
}

export interface RecheckItemRow {
  id: string;
  roundId: string;
  applicationId: string;
  organizationName: string;
  outcome: RecheckOutcome | null;
  comment: string | null;
  rectificationDueOn: string | null;
  rectificationOrderedAt: Date | null;
  decidedBy: string | null;
  decidedAt: Date | null;
}

const ROUND_COLUMNS = `id, office_id AS "officeId", award_code AS "awardCode", title, to_char(started_on, 'YYYY-MM-DD') AS "startedOn", created_by AS "createdBy", created_at AS "createdAt"`;
const itemColumns = (t: string) => `${t}.id, ${t}.round_id AS "roundId", ${t}.application_id AS "applicationId", ${t}.organization_name AS "organizationName", ${t}.outcome, ${t}.comment,
  to_char(${t}.rectification_due_on, 'YYYY-MM-DD') AS "rectificationDueOn", ${t}.rectification_ordered_at AS "rectificationOrderedAt", ${t}.decided_by AS "decidedBy", ${t}.decided_at AS "decidedAt"`;
const ITEM_COLUMNS = itemColumns('recheck_items');

/** The recognitions a round lists: every application of the office's cycles of the award in one of `states`. */
export async function recognitionsOf(runner: SqlRunner, officeId: string, awardCode: string, states: readonly string[]): Promise<Array<{ applicationId: string; organizationName: string }>> {
  return sqlRows(
    runner,
    `SELECT a.id AS "applicationId", o.name AS "organizationName"
       FROM ${APPLICATION_SUMMARIES_RELATION} a
       JOIN ${CYCLE_EDITIONS_RELATION} c ON c.id = a.cycle_id
       JOIN ${INSTANCE_STATES_RELATION} i ON i.id = a.instance_id
       JOIN ${ORGANIZATION_PROFILES_RELATION} o ON o.id = a.organization_id
      WHERE c.office_id = $1 AND c.award_code = $2 AND i.state = ANY($3::text[])
      ORDER BY c.year, o.name`,
    [officeId, awardCode, [...states]],
  );
}

export async function insertRound(manager: EntityManager, round: Omit<RecheckRoundRow, 'id' | 'createdAt'>, items: Array<{ applicationId: string; organizationName: string }>): Promise<string> {
  const [{ id }] = await sqlRows<{ id: string }>(
    manager,
    `INSERT INTO recheck_rounds (office_id, award_code, title, started_on, created_by) VALUES ($1, $2, $3, $4::date, $5) RETURNING id`,
    [round.officeId, round.awardCode, round.title, round.startedOn, round.createdBy],
  );
  await sqlRows(
    manager,
    `INSERT INTO recheck_items (round_id, application_id, organization_name)
     SELECT $1, r.application_id, r.organization_name FROM jsonb_to_recordset($2::jsonb) AS r(application_id uuid, organization_name text)`,
    [id, JSON.stringify(items.map((i) => ({ application_id: i.applicationId, organization_name: i.organizationName })))],
  );
  return id;
}

export async function roundById(runner: SqlRunner, id: string): Promise<RecheckRoundRow | undefined> {
  const [row] = await sqlRows<RecheckRoundRow>(runner, `SELECT ${ROUND_COLUMNS} FROM recheck_rounds WHERE id = $1`, [id]);
  return row;
}

export async function roundsOfOffices(runner: SqlRunner, officeIds: readonly string[]): Promise<RecheckRoundRow[]> {
  if (!officeIds.length) return [];
  return sqlRows<RecheckRoundRow>(runner, `SELECT ${ROUND_COLUMNS} FROM recheck_rounds WHERE office_id = ANY($1::uuid[]) ORDER BY started_on DESC, created_at DESC`, [[...officeIds]]);
}

export async function itemsOf(runner: SqlRunner, roundIds: readonly string[]): Promise<RecheckItemRow[]> {
  if (!roundIds.length) return [];
  return sqlRows<RecheckItemRow>(runner, `SELECT ${ITEM_COLUMNS} FROM recheck_items WHERE round_id = ANY($1::uuid[]) ORDER BY organization_name, id`, [[...roundIds]]);
}

/** The item, locked: one decision at a time on it. */
export async function lockItem(manager: EntityManager, roundId: string, itemId: string): Promise<RecheckItemRow | undefined> {
  const [row] = await sqlRows<RecheckItemRow>(manager, `SELECT ${ITEM_COLUMNS} FROM recheck_items WHERE id = $1 AND round_id = $2 FOR UPDATE`, [itemId, roundId]);
  return row;
}

export async function recordOutcome(
  manager: EntityManager,
  itemId: string,
  decision: { outcome: RecheckOutcome; comment: string | null; rectificationDueOn: string | null; decidedBy: string },
): Promise<void> {
  await sqlRows(
    manager,
    `UPDATE recheck_items SET outcome = $2::text, comment = $3,
        rectification_due_on = CASE WHEN $2::text = 'rectification' THEN $4::date ELSE rectification_due_on END,
        rectification_ordered_at = CASE WHEN $2::text = 'rectification' THEN now() ELSE rectification_ordered_at END,
        decided_by = $5, decided_at = now()
      WHERE id = $1`,
    [itemId, decision.outcome, decision.comment, decision.rectificationDueOn, decision.decidedBy],
  );
}

/** The latest 复核 of an application (its enterprise and office read it). */
export async function latestItemOf(runner: SqlRunner, applicationId: string): Promise<(RecheckItemRow & { roundTitle: string; startedOn: string }) | undefined> {
  const [row] = await sqlRows<RecheckItemRow & { roundTitle: string; startedOn: string }>(
    runner,
    `SELECT ${itemColumns('i')}, r.title AS "roundTitle", to_char(r.started_on, 'YYYY-MM-DD') AS "startedOn"
       FROM recheck_items i JOIN recheck_rounds r ON r.id = i.round_id
      WHERE i.application_id = $1 ORDER BY r.started_on DESC, r.created_at DESC LIMIT 1`,
    [applicationId],
  );
  return row;
}
