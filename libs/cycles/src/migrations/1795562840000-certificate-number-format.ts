import { MigrationInterface, QueryRunner } from 'typeorm';

/** A cycle's own certificate number format (NULL: the award's default from the catalog). */
export class CertificateNumberFormat1795562840000 implements MigrationInterface {
  name = 'CertificateNumberFormat1795562840000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cycles ADD COLUMN certificate_number_format varchar(80)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cycles DROP COLUMN certificate_number_format`);
  }
}
