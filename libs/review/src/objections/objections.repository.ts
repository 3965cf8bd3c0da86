import { EntityManager } from 'typeorm';
import { ObjectionRecord } from '@awardflow/applications';
import { SqlRunner, sqlRows } from '@awardflow/platform';

export type ObjectionStatus = 'open' | 'upheld' | 'dismissed';

/** A 公示 objection as filed and decided (objections): the record the applications context's redaction reads. */
export interface ObjectionRow extends ObjectionRecord {
  status: ObjectionStatus;
}

export interface ObjectionInput {
  objectorName: string;
  objectorOrganization?: string;
  contactPhone: string;
  contactEmail?: string;
  content: string;
  evidence: string;
}

const COLUMNS = `id, application_id AS "applicationId", objector_name AS "objectorName", objector_organization AS "objectorOrganization",
  contact_phone AS "contactPhone", contact_email AS "contactEmail", content, evidence, status, resolution, created_at AS "createdAt", resolved_at AS "resolvedAt"`;

export async function insertObjection(manager: EntityManager, applicationId: string, filedBy: string, input: ObjectionInput): Promise<string> {
  const [{ id }] = await sqlRows<{ id: string }>(
    manager,
    `INSERT INTO objections (application_id, filed_by, objector_name, objector_organization, contact_phone, contact_email, content, evidence)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [applicationId, filedBy, input.objectorName, input.objectorOrganization ?? null, input.contactPhone, input.contactEmail ?? null, input.content, input.evidence],
  );
  return id;
}

export async function lockObjection(manager: EntityManager, id: string): Promise<ObjectionRow | undefined> {
  const [row] = await sqlRows<ObjectionRow>(manager, `SELECT ${COLUMNS} FROM objections WHERE id = $1 FOR UPDATE`, [id]);
  return row;
}

export async function decideObjection(manager: EntityManager, id: string, status: 'upheld' | 'dismissed', resolution: string, resolvedBy: string): Promise<void> {
  await sqlRows(manager, `UPDATE objections SET status = $2, resolution = $3, resolved_by = $4, resolved_at = now() WHERE id = $1`, [id, status, resolution, resolvedBy]);
}

/** The objections to these applications, oldest first, in one statement. */
export async function objectionsTo(runner: SqlRunner, applicationIds: readonly string[]): Promise<ObjectionRow[]> {
  if (!applicationIds.length) return [];
  return sqlRows<ObjectionRow>(runner, `SELECT ${COLUMNS} FROM objections WHERE application_id = ANY($1::uuid[]) ORDER BY created_at`, [[...new Set(applicationIds)]]);
}
