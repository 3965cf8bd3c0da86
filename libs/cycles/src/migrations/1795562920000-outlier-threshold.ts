import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How many points an expert's total may stand off the mean of the other experts' before the ranking
 * flags it (离群); NULL: 15% of the rubric's maximum.
 */
export class OutlierThreshold1795562920000 implements MigrationInterface {
  name = 'OutlierThreshold1795562920000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cycles ADD COLUMN outlier_threshold numeric(6, 1) CONSTRAINT ck_cycles_outlier_threshold CHECK (outlier_threshold > 0)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cycles DROP COLUMN outlier_threshold`);
  }
}
