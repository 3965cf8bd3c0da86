import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An expert's score sheet keeps, per rubric category, 优势 and 改进机会 (GB/Z 19579-2012: the
 * basis of the feedback report): `[{ category, strengths?, opportunities? }]`, empty when none.
 */
export class ScoreFeedback1795562910000 implements MigrationInterface {
  name = 'ScoreFeedback1795562910000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE review_scores ADD COLUMN feedback jsonb NOT NULL DEFAULT '[]'::jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE review_scores DROP COLUMN feedback`);
  }
}
