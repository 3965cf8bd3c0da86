import { SqlRunner, sqlRows } from '@awardflow/platform';
import { EntityManager } from 'typeorm';

/** A cycle's 表彰决定 as stored: the document and the file it was published as. */
export interface AwardDecisionRow {
  cycleId: string;
  title: string;
  documentNumber: string;
  /** YYYY-MM-DD. */
  decidedOn: string;
  fileSha256: string;
  fileName: string;
  fileSize: number;
  recordedBy: string;
  recordedAt: Date;
}

const COLUMNS = `cycle_id AS "cycleId", title, document_number AS "documentNumber", to_char(decided_on, 'YYYY-MM-DD') AS "decidedOn",
  file_sha256 AS "fileSha256", file_name AS "fileName", file_size AS "fileSize", recorded_by AS "recordedBy", recorded_at AS "recordedAt"`;

/** Records the cycle's decision, replacing an earlier one (a corrected 文号 or a re-issued PDF). */
export async function upsertAwardDecision(manager: EntityManager, row: Omit<AwardDecisionRow, 'recordedAt'>): Promise<AwardDecisionRow> {
  const [saved] = await sqlRows<AwardDecisionRow>(
    manager,
    `INSERT INTO award_decisions (cycle_id, title, document_number, decided_on, file_sha256, file_name, file_size, recorded_by)
     VALUES ($1, $2, $3, $4::date, $5, $6, $7, $8)
     ON CONFLICT (cycle_id) DO UPDATE SET title = EXCLUDED.title, document_number = EXCLUDED.document_number, decided_on = EXCLUDED.decided_on,
       file_sha256 = EXCLUDED.file_sha256, file_name = EXCLUDED.file_name, file_size = EXCLUDED.file_size, recorded_by = EXCLUDED.recorded_by, recorded_at = now()
     RETURNING ${COLUMNS}`,
    [row.cycleId, row.title, row.documentNumber, row.decidedOn, row.fileSha256, row.fileName, row.fileSize, row.recordedBy],
  );
  return saved;
}

export async function awardDecisionOf(runner: SqlRunner, cycleId: string): Promise<AwardDecisionRow | undefined> {
  const [row] = await sqlRows<AwardDecisionRow>(runner, `SELECT ${COLUMNS} FROM award_decisions WHERE cycle_id = $1`, [cycleId]);
  return row;
}

export async function awardDecisionsOf(runner: SqlRunner, cycleIds: readonly string[]): Promise<AwardDecisionRow[]> {
  if (!cycleIds.length) return [];
  return sqlRows<AwardDecisionRow>(runner, `SELECT ${COLUMNS} FROM award_decisions WHERE cycle_id = ANY($1::uuid[])`, [[...cycleIds]]);
}
