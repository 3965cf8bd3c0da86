import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Results as offices publish them: the 表彰决定 (one per cycle, with its 文号, date and PDF), and
 * certificates a verifier looks up by number across the whole product.
 *
 * Certificates: the number is unique everywhere (it was unique per cycle only; the numbers issued
 * so far were `2026DMQ-J001` in every office). A later duplicate of an earlier number keeps it with
 * its cycle's first eight characters appended, the only way to make old rows verifiable at all.
 * A revocation is a date and a reason beside the number, not a suffix on it: numbers a revocation
 * rewrote (`…（已撤销）`) get their number back and a revocation date (unknown, so the migration's).
 * The PDF the worker generates is stored by content hash, with the facts it was made from.
 */
export class ResultsAndCertificates1795562830000 implements MigrationInterface {
  name = 'ResultsAndCertificates1795562830000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE award_decisions (
        cycle_id uuid PRIMARY KEY CONSTRAINT fk_award_decisions_cycle REFERENCES cycles (id),
        title varchar(200) NOT NULL,
        document_number varchar(64) NOT NULL,
        decided_on date NOT NULL,
        file_sha256 char(64) NOT NULL,
        file_name varchar(255) NOT NULL,
        file_size integer NOT NULL CONSTRAINT ck_award_decisions_file_size CHECK (file_size > 0),
        recorded_by uuid NOT NULL CONSTRAINT fk_award_decisions_recorded_by REFERENCES users (id),
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`ALTER TABLE certificates ALTER COLUMN number TYPE varchar(64)`);
    await q.query(`
      ALTER TABLE certificates
        ADD COLUMN revoked_at timestamptz,
        ADD COLUMN revocation_reason text,
        ADD COLUMN pdf_sha256 char(64),
        ADD COLUMN pdf_generated_at timestamptz,
        ADD COLUMN pdf_source char(64)`);
    await q.query(`UPDATE certificates SET number = left(number, length(number) - length('（已撤销）')), revoked_at = now() WHERE number LIKE '%（已撤销）'`);
    await q.query(`
      UPDATE certificates c SET number = c.number || '-' || left(c.cycle_id::text, 8)
        FROM (SELECT application_id, row_number() OVER (PARTITION BY number ORDER BY issued_at, application_id) AS nth FROM certificates) d
       WHERE d.application_id = c.application_id AND d.nth > 1`);
    await q.query(`ALTER TABLE certificates DROP CONSTRAINT uq_certificates_number`);
    await q.query(`ALTER TABLE certificates ADD CONSTRAINT uq_certificates_number UNIQUE (number)`);
    await q.query(`CREATE INDEX ix_certificates_cycle ON certificates (cycle_id, tier)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_certificates_cycle`);
    await q.query(`ALTER TABLE certificates DROP CONSTRAINT uq_certificates_number`);
    await q.query(`ALTER TABLE certificates ADD CONSTRAINT uq_certificates_number UNIQUE (cycle_id, number)`);
    await q.query(`UPDATE certificates SET number = number || '（已撤销）' WHERE revoked_at IS NOT NULL`);
    await q.query(`ALTER TABLE certificates DROP COLUMN revoked_at, DROP COLUMN revocation_reason, DROP COLUMN pdf_sha256, DROP COLUMN pdf_generated_at, DROP COLUMN pdf_source`);
    await q.query(`DROP TABLE award_decisions`);
  }
}
