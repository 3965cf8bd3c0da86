import { EntityManager } from 'typeorm';
import { sqlRows } from '@awardflow/platform';

export type CertificateTier = 'award' | 'second';

/** Certificates issued in the cycle's tier so far (the caller holds the cycle's lock). */
export async function issuedCount(manager: EntityManager, cycleId: string, tier: CertificateTier): Promise<number> {
  const [{ issued }] = await sqlRows<{ issued: number }>(manager, `SELECT count(*)::int AS issued FROM certificates WHERE cycle_id = $1 AND tier = $2`, [cycleId, tier]);
  return issued;
}

export async function insertCertificate(manager: EntityManager, row: { applicationId: string; cycleId: string; number: string; tier: CertificateTier }): Promise<void> {
  await sqlRows(manager, `INSERT INTO certificates (application_id, cycle_id, number, tier) VALUES ($1, $2, $3, $4)`, [row.applicationId, row.cycleId, row.number, row.tier]);
}

/** Many certificates in one statement (a bulk 审定; the caller holds the cycle's lock). */
export async function insertCertificates(manager: EntityManager, cycleId: string, tier: CertificateTier, rows: Array<{ applicationId: string; number: string }>): Promise<void> {
  if (!rows.length) return;
  await sqlRows(
    manager,
    `INSERT INTO certificates (application_id, cycle_id, number, tier) SELECT a, $3, n, $4 FROM unnest($1::uuid[], $2::text[]) AS c(a, n)`,
    [rows.map((r) => r.applicationId), rows.map((r) => r.number), cycleId, tier],
  );
}

/** A revoked award keeps its certificate row, its number marked as revoked. */
export async function markCertificateRevoked(manager: EntityManager, applicationId: string): Promise<void> {
  await sqlRows(manager, `UPDATE certificates SET number = number || '（已撤销）' WHERE application_id = $1`, [applicationId]);
}
