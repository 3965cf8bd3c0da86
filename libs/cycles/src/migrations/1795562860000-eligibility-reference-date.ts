import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The date a cycle's eligibility counts years of operation and accident windows to (notices say
 * "截至申报截止日"); NULL: the application deadline's Beijing date.
 */
export class EligibilityReferenceDate1795562860000 implements MigrationInterface {
  name = 'EligibilityReferenceDate1795562860000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cycles ADD COLUMN eligibility_reference_date date`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cycles DROP COLUMN eligibility_reference_date`);
  }
}
