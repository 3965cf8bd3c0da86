import { EntityManager } from 'typeorm';
import { SqlRunner, sqlAffected, sqlRows } from '@awardflow/platform';

export type CertificateTier = 'award' | 'second';

/** A certificate as the results context reads it. */
export interface CertificateRow {
  applicationId: string;
  cycleId: string;
  number: string;
  tier: CertificateTier;
  issuedAt: Date;
  revokedAt: Date | null;
  revocationReason: string | null;
  pdfSha256: string | null;
  pdfGeneratedAt: Date | null;
  pdfSource: string | null;
}

const COLUMNS = `application_id AS "applicationId", cycle_id AS "cycleId", number, tier, issued_at AS "issuedAt", revoked_at AS "revokedAt",
  revocation_reason AS "revocationReason", pdf_sha256 AS "pdfSha256", pdf_generated_at AS "pdfGeneratedAt", pdf_source AS "pdfSource"`;

/** Certificates issued in the cycle's tier so far (the caller holds the cycle's lock). */
export async function issuedCount(manager: EntityManager, cycleId: string, tier: CertificateTier): Promise<number> {
  const [{ issued }] = await sqlRows<{ issued: number }>(manager, `SELECT count(*)::int AS issued FROM certificates WHERE cycle_id = $1 AND tier = $2`, [cycleId, tier]);
  return issued;
}

/** The numbers among these that a certificate already has (numbers are unique across the product). */
export async function takenNumbers(manager: EntityManager, numbers: string[]): Promise<string[]> {
  if (!numbers.length) return [];
  const rows = await sqlRows<{ number: string }>(manager, `SELECT number FROM certificates WHERE number = ANY($1::text[])`, [numbers]);
  return rows.map((r) => r.number);
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

/** A revoked award keeps its certificate and its number: the certificate is marked revoked, with when and why. */
export async function markCertificateRevoked(manager: EntityManager, applicationId: string, reason: string | null): Promise<void> {
  await sqlAffected(manager, `UPDATE certificates SET revoked_at = now(), revocation_reason = $2 WHERE application_id = $1 AND revoked_at IS NULL`, [applicationId, reason]);
}

export async function certificateOf(runner: SqlRunner, applicationId: string): Promise<CertificateRow | undefined> {
  const [row] = await sqlRows<CertificateRow>(runner, `SELECT ${COLUMNS} FROM certificates WHERE application_id = $1`, [applicationId]);
  return row;
}

export async function certificateByNumber(runner: SqlRunner, number: string): Promise<CertificateRow | undefined> {
  const [row] = await sqlRows<CertificateRow>(runner, `SELECT ${COLUMNS} FROM certificates WHERE number = $1`, [number]);
  return row;
}

export async function certificatesOfCycles(runner: SqlRunner, cycleIds: string[]): Promise<CertificateRow[]> {
  if (!cycleIds.length) return [];
  return sqlRows<CertificateRow>(runner, `SELECT ${COLUMNS} FROM certificates WHERE cycle_id = ANY($1::uuid[]) ORDER BY cycle_id, tier, issued_at, number`, [cycleIds]);
}

/**
 * Records the PDF made from `source` (a hash of the facts printed on it), unless one made from the
 * same facts is recorded already: the second of two runs of one event changes nothing.
 */
export async function recordCertificatePdf(runner: SqlRunner, applicationId: string, sha256: string, source: string): Promise<boolean> {
  return (
    (await sqlAffected(
      runner,
      `UPDATE certificates SET pdf_sha256 = $2, pdf_source = $3, pdf_generated_at = now() WHERE application_id = $1 AND pdf_source IS DISTINCT FROM $3`,
      [applicationId, sha256, source],
    )) > 0
  );
}
