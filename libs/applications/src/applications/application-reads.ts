import { EntityManager } from 'typeorm';
import { SqlRunner, sqlRows } from '@awardflow/platform';

/** An application as other contexts list it: who applied, in which cycle, under which receipt (no form). */
export interface ApplicationSummary {
  id: string;
  cycleId: string;
  organizationId: string;
  instanceId: string;
  receiptNumber: string | null;
  submittedAt: Date | null;
  organizationName: string;
  organizationUscc: string;
  organizationIndustry: string;
  /** The workflow state, as the engine mirrors it on the application row. */
  state: string;
  /** The project or product, where the award is given to one (null: the organisation). */
  subjectName: string | null;
}

const SUMMARY = `SELECT a.id, a.cycle_id AS "cycleId", a.organization_id AS "organizationId", a.instance_id AS "instanceId",
       a.receipt_number AS "receiptNumber", a.submitted_at AS "submittedAt", a.state, a.subject_name AS "subjectName",
       o.name AS "organizationName", o.uscc AS "organizationUscc", o.industry AS "organizationIndustry"
  FROM applications a JOIN organizations o ON o.id = a.organization_id`;

/** Applications by id, in one statement whatever the number of ids (order not kept). */
export async function applicationSummaries(runner: SqlRunner, ids: readonly string[]): Promise<ApplicationSummary[]> {
  const unique = [...new Set(ids)];
  if (!unique.length) return [];
  return sqlRows<ApplicationSummary>(runner, `${SUMMARY} WHERE a.id = ANY($1::uuid[])`, [unique]);
}

/** The applications of these cycles, in one statement. */
export async function applicationSummariesInCycles(runner: SqlRunner, cycleIds: readonly string[]): Promise<ApplicationSummary[]> {
  const unique = [...new Set(cycleIds)];
  if (!unique.length) return [];
  return sqlRows<ApplicationSummary>(runner, `${SUMMARY} WHERE a.cycle_id = ANY($1::uuid[])`, [unique]);
}

/** A cycle's applications in one state (the engine's mirror on the row), oldest first. */
export async function applicationSummariesInState(runner: SqlRunner, cycleId: string, state: string): Promise<ApplicationSummary[]> {
  return sqlRows<ApplicationSummary>(runner, `${SUMMARY} WHERE a.cycle_id = $1 AND a.state = $2 ORDER BY a.submitted_at NULLS LAST, a.id`, [cycleId, state]);
}

/**
 * The application row locked for the caller's transaction: work on one application (staffing
 * it, closing its expert stage) is serialised on it.
 */
export async function lockApplication(manager: EntityManager, id: string): Promise<ApplicationSummary | undefined> {
  const [row] = await sqlRows<ApplicationSummary>(manager, `${SUMMARY} WHERE a.id = $1 FOR UPDATE OF a`, [id]);
  return row;
}
