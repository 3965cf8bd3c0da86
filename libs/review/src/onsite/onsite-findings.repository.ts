import { EntityManager } from 'typeorm';
import { SqlRunner, sqlRows } from '@awardflow/platform';

/** What a 现场评审 found (onsite_findings), by whom, with the score adjustment it made. */
export interface OnsiteFindingRow {
  id: string;
  outcome: 'pass' | 'fail';
  findings: string;
  scoreAdjustment: number;
  recordedBy: string;
  createdAt: Date;
}

export function findingsOf(runner: SqlRunner, applicationId: string): Promise<OnsiteFindingRow[]> {
  return sqlRows<OnsiteFindingRow>(
    runner,
    `SELECT id, outcome, findings, score_adjustment::float8 AS "scoreAdjustment", recorded_by AS "recordedBy", created_at AS "createdAt"
       FROM onsite_findings WHERE application_id = $1 ORDER BY created_at`,
    [applicationId],
  );
}

export async function insertFinding(manager: EntityManager, row: { applicationId: string; recordedBy: string; outcome: 'pass' | 'fail'; findings: string; scoreAdjustment: number }): Promise<void> {
  await sqlRows(manager, `INSERT INTO onsite_findings (application_id, recorded_by, outcome, findings, score_adjustment) VALUES ($1, $2, $3, $4, $5)`, [
    row.applicationId,
    row.recordedBy,
    row.outcome,
    row.findings,
    row.scoreAdjustment,
  ]);
}
