import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A 名牌 batch's validity period, the same for every recognition of the cycle (e.g. 2024-10-01 to
 * 2027-09-30), and how many days before its end the expiry notice goes out (NULL: 90).
 */
export class RecognitionValidity1795562900000 implements MigrationInterface {
  name = 'RecognitionValidity1795562900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cycles ADD COLUMN recognition_valid_from date, ADD COLUMN recognition_valid_until date, ADD COLUMN expiry_notice_days int`);
    await q.query(`ALTER TABLE cycles ADD CONSTRAINT ck_cycles_recognition_validity CHECK (
      (recognition_valid_from IS NULL) = (recognition_valid_until IS NULL) AND (recognition_valid_until IS NULL OR recognition_valid_until >= recognition_valid_from))`);
    await q.query(`ALTER TABLE cycles ADD CONSTRAINT ck_cycles_expiry_notice_days CHECK (expiry_notice_days IS NULL OR expiry_notice_days BETWEEN 1 AND 365)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cycles DROP CONSTRAINT ck_cycles_expiry_notice_days`);
    await q.query(`ALTER TABLE cycles DROP CONSTRAINT ck_cycles_recognition_validity`);
    await q.query(`ALTER TABLE cycles DROP COLUMN recognition_valid_from, DROP COLUMN recognition_valid_until, DROP COLUMN expiry_notice_days`);
  }
}
