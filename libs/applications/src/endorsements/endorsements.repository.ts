import { SqlRunner, sqlRows } from '@awardflow/platform';

export interface StoredLetter {
  id: string;
  applicationId: string;
  sha256: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  createdAt: Date;
}

export interface EndorsementRow {
  applicationId: string;
  cycleId: string;
  endorsedBy: string;
  endorsedByRole: string;
  recommenderKey: string;
  opinion: string | null;
  letterId: string | null;
  createdAt: Date;
}

const LETTER_COLUMNS = `id, application_id AS "applicationId", sha256, file_name AS "fileName", content_type AS "contentType", size_bytes AS "sizeBytes", created_at AS "createdAt"`;

export async function insertLetter(runner: SqlRunner, applicationId: string, uploadedBy: string, file: Omit<StoredLetter, 'id' | 'applicationId' | 'createdAt'>): Promise<StoredLetter> {
  const [row] = await sqlRows<StoredLetter>(
    runner,
    `INSERT INTO endorsement_letters (application_id, uploaded_by, sha256, file_name, content_type, size_bytes) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${LETTER_COLUMNS}`,
    [applicationId, uploadedBy, file.sha256, file.fileName, file.contentType, file.sizeBytes],
  );
  return row;
}

export async function letterOf(runner: SqlRunner, applicationId: string, letterId: string): Promise<StoredLetter | undefined> {
  const [row] = await sqlRows<StoredLetter>(runner, `SELECT ${LETTER_COLUMNS} FROM endorsement_letters WHERE id = $1 AND application_id = $2`, [letterId, applicationId]);
  return row;
}

/**
 * The body's endorsements in the cycle other than this application's, under a transaction-scoped
 * lock on (cycle, body): two endorsements racing for the last place are counted one after the other.
 */
export async function lockAndCountEndorsements(runner: SqlRunner, cycleId: string, recommenderKey: string, applicationId: string): Promise<number> {
  await sqlRows(runner, `SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`endorsements:${cycleId}:${recommenderKey}`]);
  const [row] = await sqlRows<{ n: number }>(
    runner,
    `SELECT count(*)::int AS n FROM endorsements WHERE cycle_id = $1 AND recommender_key = $2 AND application_id <> $3`,
    [cycleId, recommenderKey, applicationId],
  );
  return row.n;
}

export async function upsertEndorsement(runner: SqlRunner, e: Omit<EndorsementRow, 'createdAt'>): Promise<void> {
  await sqlRows(
    runner,
    `INSERT INTO endorsements (application_id, cycle_id, endorsed_by, endorsed_by_role, recommender_key, opinion, letter_id) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (application_id) DO UPDATE SET endorsed_by = EXCLUDED.endorsed_by, endorsed_by_role = EXCLUDED.endorsed_by_role,
       recommender_key = EXCLUDED.recommender_key, opinion = EXCLUDED.opinion, letter_id = EXCLUDED.letter_id, created_at = now()`,
    [e.applicationId, e.cycleId, e.endorsedBy, e.endorsedByRole, e.recommenderKey, e.opinion, e.letterId],
  );
}

export async function endorsementOf(runner: SqlRunner, applicationId: string): Promise<EndorsementRow | undefined> {
  const [row] = await sqlRows<EndorsementRow>(
    runner,
    `SELECT application_id AS "applicationId", cycle_id AS "cycleId", endorsed_by AS "endorsedBy", endorsed_by_role AS "endorsedByRole",
            recommender_key AS "recommenderKey", opinion, letter_id AS "letterId", created_at AS "createdAt"
       FROM endorsements WHERE application_id = $1`,
    [applicationId],
  );
  return row;
}
