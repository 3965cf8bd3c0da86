import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A scored 企业答辩 records the experts' 答辩得分 (0–100, one decimal) beside the aggregate; the
 * ranking's 综合得分 adds it in, so the ranking index follows the new sum.
 */
export class DefenseScore1795562890000 implements MigrationInterface {
  name = 'DefenseScore1795562890000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE application_scores ADD COLUMN defense_score numeric(4, 1) NULL CONSTRAINT ck_application_scores_defense_score CHECK (defense_score BETWEEN 0 AND 100)`);
    await q.query(`DROP INDEX ix_application_scores_cycle_rank`);
    await q.query(`CREATE INDEX ix_application_scores_cycle_rank ON application_scores (cycle_id, (aggregated + onsite_adjustment + COALESCE(defense_score, 0)) DESC, results_subtotal DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_application_scores_cycle_rank`);
    await q.query(`CREATE INDEX ix_application_scores_cycle_rank ON application_scores (cycle_id, (aggregated + onsite_adjustment) DESC, results_subtotal DESC)`);
    await q.query(`ALTER TABLE application_scores DROP COLUMN defense_score`);
  }
}
