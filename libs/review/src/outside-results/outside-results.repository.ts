import { SqlRunner, sqlRows } from '@awardflow/platform';

export type OutsideOutcome = 'pending' | 'awarded' | 'not_awarded';

export interface OutsideResultRow {
  applicationId: string;
  cycleId: string;
  recommendedTo: string;
  recommendedOn: string;
  outcome: OutsideOutcome;
  documentNumber: string | null;
  decidedOn: string | null;
  note: string | null;
  recordedBy: string;
  revision: number;
  updatedAt: Date;
}

const COLUMNS = `application_id AS "applicationId", cycle_id AS "cycleId", recommended_to AS "recommendedTo", to_char(recommended_on, 'YYYY-MM-DD') AS "recommendedOn",
  outcome, document_number AS "documentNumber", to_char(decided_on, 'YYYY-MM-DD') AS "decidedOn", note, recorded_by AS "recordedBy", revision, updated_at AS "updatedAt"`;

export async function outsideResultOf(runner: SqlRunner, applicationId: string, forUpdate = false): Promise<OutsideResultRow | undefined> {
  const [row] = await sqlRows<OutsideResultRow>(runner, `SELECT ${COLUMNS} FROM outside_results WHERE application_id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [applicationId]);
  return row;
}

export async function upsertOutsideResult(runner: SqlRunner, r: Omit<OutsideResultRow, 'revision' | 'updatedAt'>): Promise<OutsideResultRow> {
  const [row] = await sqlRows<OutsideResultRow>(
    runner,
    `INSERT INTO outside_results (application_id, cycle_id, recommended_to, recommended_on, outcome, document_number, decided_on, note, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (application_id) DO UPDATE SET recommended_to = EXCLUDED.recommended_to, recommended_on = EXCLUDED.recommended_on, outcome = EXCLUDED.outcome,
       document_number = EXCLUDED.document_number, decided_on = EXCLUDED.decided_on, note = EXCLUDED.note, recorded_by = EXCLUDED.recorded_by,
       revision = outside_results.revision + 1, updated_at = now()
     RETURNING ${COLUMNS}`,
    [r.applicationId, r.cycleId, r.recommendedTo, r.recommendedOn, r.outcome, r.documentNumber, r.decidedOn, r.note, r.recordedBy],
  );
  return row;
}

/** Per cycle: how many of its applications were recommended above, and how many were conferred there. */
export async function outsideCounts(runner: SqlRunner, cycleIds: readonly string[]): Promise<Map<string, { recommended: number; awarded: number }>> {
  if (!cycleIds.length) return new Map();
  const rows = await sqlRows<{ cycleId: string; recommended: number; awarded: number }>(
    runner,
    `SELECT cycle_id AS "cycleId", count(*)::int AS recommended, count(*) FILTER (WHERE outcome = 'awarded')::int AS awarded
       FROM outside_results WHERE cycle_id = ANY($1::uuid[]) GROUP BY cycle_id`,
    [cycleIds],
  );
  return new Map(rows.map((r) => [r.cycleId, { recommended: r.recommended, awarded: r.awarded }]));
}
