import { EntityManager } from 'typeorm';
import { ObjectionRecord } from '@awardflow/applications';
import { SqlRunner, sqlRows } from '@awardflow/platform';

export type ObjectionStatus = 'open' | 'upheld' | 'dismissed' | 'superseded';
/** online: signed in; public: the public page; post, phone, mail: recorded by the office. */
export type ObjectionChannel = 'online' | 'public' | 'post' | 'phone' | 'mail';

/** A 公示 objection as filed and decided (objections): the record the applications context's redaction reads. */
export interface ObjectionRow extends ObjectionRecord {
  status: ObjectionStatus;
  batchId: string | null;
}

export interface ObjectionInput {
  objectorName: string;
  objectorIdNumber?: string;
  objectorOrganization?: string;
  contactPhone: string;
  contactEmail?: string;
  content: string;
  evidence: string;
  channel: ObjectionChannel;
  receivedOn?: string;
}

export interface StoredFile {
  sha256: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
}

export interface ObjectionFileRow extends StoredFile {
  id: string;
  objectionId: string;
  responseId: string | null;
}

const COLUMNS = `id, application_id AS "applicationId", batch_id AS "batchId", channel, objector_name AS "objectorName", objector_id_number AS "objectorIdNumber",
  objector_organization AS "objectorOrganization", contact_phone AS "contactPhone", contact_email AS "contactEmail", to_char(received_on, 'YYYY-MM-DD') AS "receivedOn",
  content, evidence, status, resolution, created_at AS "createdAt", resolved_at AS "resolvedAt"`;

export async function insertObjection(
  manager: EntityManager,
  applicationId: string,
  batchId: string | null,
  filedBy: string | null,
  input: ObjectionInput,
): Promise<{ id: string; createdAt: Date }> {
  const [row] = await sqlRows<{ id: string; createdAt: Date }>(
    manager,
    `INSERT INTO objections (application_id, batch_id, filed_by, channel, objector_name, objector_id_number, objector_organization, contact_phone, contact_email, received_on, content, evidence)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id, created_at AS "createdAt"`,
    [applicationId, batchId, filedBy, input.channel, input.objectorName, input.objectorIdNumber ?? null, input.objectorOrganization ?? null, input.contactPhone, input.contactEmail ?? null, input.receivedOn ?? null, input.content, input.evidence],
  );
  return row;
}

export async function insertObjectionFiles(manager: EntityManager, objectionId: string, responseId: string | null, files: readonly StoredFile[]): Promise<void> {
  if (!files.length) return;
  await sqlRows(
    manager,
    `INSERT INTO objection_files (objection_id, response_id, sha256, file_name, content_type, size_bytes)
     SELECT $1, $2, f.sha256, f.name, f.type, f.size FROM jsonb_to_recordset($3::jsonb) AS f(sha256 text, name text, type text, size int)`,
    [objectionId, responseId, JSON.stringify(files.map((f) => ({ sha256: f.sha256, name: f.fileName, type: f.contentType, size: f.sizeBytes })))],
  );
}

export async function insertResponse(manager: EntityManager, objectionId: string, content: string, respondedBy: string): Promise<string> {
  const [{ id }] = await sqlRows<{ id: string }>(manager, `INSERT INTO objection_responses (objection_id, content, responded_by) VALUES ($1, $2, $3) RETURNING id`, [objectionId, content, respondedBy]);
  return id;
}

export async function lockObjection(manager: EntityManager, id: string): Promise<ObjectionRow | undefined> {
  const [row] = await sqlRows<ObjectionRow>(manager, `SELECT ${COLUMNS} FROM objections WHERE id = $1 FOR UPDATE`, [id]);
  return row;
}

export async function objectionById(runner: SqlRunner, id: string): Promise<ObjectionRow | undefined> {
  const [row] = await sqlRows<ObjectionRow>(runner, `SELECT ${COLUMNS} FROM objections WHERE id = $1`, [id]);
  return row;
}

export async function decideObjection(manager: EntityManager, id: string, status: 'upheld' | 'dismissed', resolution: string, resolvedBy: string): Promise<void> {
  await sqlRows(manager, `UPDATE objections SET status = $2, resolution = $3, resolved_by = $4, resolved_at = now() WHERE id = $1`, [id, status, resolution, resolvedBy]);
}

/** The other open objections of an application, closed because one of them was upheld. */
export async function supersedeOpenObjections(manager: EntityManager, applicationId: string, resolution: string, resolvedBy: string): Promise<void> {
  await sqlRows(manager, `UPDATE objections SET status = 'superseded', resolution = $2, resolved_by = $3, resolved_at = now() WHERE application_id = $1 AND status = 'open'`, [
    applicationId,
    resolution,
    resolvedBy,
  ]);
}

/** Open objections per application (the ones that hold it). */
export async function openObjectionCounts(runner: SqlRunner, applicationIds: readonly string[]): Promise<Map<string, number>> {
  if (!applicationIds.length) return new Map();
  const rows = await sqlRows<{ applicationId: string; open: number }>(
    runner,
    `SELECT application_id AS "applicationId", count(*)::int AS open FROM objections WHERE application_id = ANY($1::uuid[]) AND status = 'open' GROUP BY application_id`,
    [[...new Set(applicationIds)]],
  );
  return new Map(rows.map((r) => [r.applicationId, r.open]));
}

/** The objections to these applications, oldest first, with their files and the enterprise's answers, in three statements. */
export async function objectionsTo(runner: SqlRunner, applicationIds: readonly string[]): Promise<ObjectionRow[]> {
  if (!applicationIds.length) return [];
  const rows = await sqlRows<ObjectionRow>(runner, `SELECT ${COLUMNS} FROM objections WHERE application_id = ANY($1::uuid[]) ORDER BY created_at`, [[...new Set(applicationIds)]]);
  if (!rows.length) return rows;
  const ids = rows.map((r) => r.id);
  const [files, responses] = await Promise.all([
    sqlRows<ObjectionFileRow>(
      runner,
      `SELECT id, objection_id AS "objectionId", response_id AS "responseId", sha256, file_name AS "fileName", content_type AS "contentType", size_bytes AS "sizeBytes"
       FROM objection_files WHERE objection_id = ANY($1::uuid[]) ORDER BY created_at`,
      [ids],
    ),
    sqlRows<{ id: string; objectionId: string; content: string; createdAt: Date }>(
      runner,
      `SELECT id, objection_id AS "objectionId", content, created_at AS "createdAt" FROM objection_responses WHERE objection_id = ANY($1::uuid[]) ORDER BY created_at`,
      [ids],
    ),
  ]);
  const fileView = (f: ObjectionFileRow) => ({ id: f.id, fileName: f.fileName, sizeBytes: f.sizeBytes });
  return rows.map((r) => ({
    ...r,
    files: files.filter((f) => f.objectionId === r.id && !f.responseId).map(fileView),
    responses: responses
      .filter((x) => x.objectionId === r.id)
      .map((x) => ({ id: x.id, content: x.content, createdAt: x.createdAt, files: files.filter((f) => f.responseId === x.id).map(fileView) })),
  }));
}

export async function objectionFile(runner: SqlRunner, objectionId: string, fileId: string): Promise<ObjectionFileRow | undefined> {
  const [row] = await sqlRows<ObjectionFileRow>(
    runner,
    `SELECT id, objection_id AS "objectionId", response_id AS "responseId", sha256, file_name AS "fileName", content_type AS "contentType", size_bytes AS "sizeBytes"
     FROM objection_files WHERE objection_id = $1 AND id = $2`,
    [objectionId, fileId],
  );
  return row;
}

/** Everything that names the objectors of an application (the mask for what others read of it). */
export async function objectorTermsOf(runner: SqlRunner, applicationId: string): Promise<Array<string | null>> {
  const rows = await sqlRows<{ terms: Array<string | null> }>(
    runner,
    `SELECT ARRAY[objector_name, objector_id_number, objector_organization, contact_phone, contact_email] AS terms FROM objections WHERE application_id = $1`,
    [applicationId],
  );
  return rows.flatMap((r) => r.terms);
}
