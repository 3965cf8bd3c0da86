import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A half-filled score sheet kept on the server, one per assignment, so it follows the expert to
 * another computer; it is the expert's own working copy (never read by aggregation or the office).
 */
export class ScoreDrafts1795562911000 implements MigrationInterface {
  name = 'ScoreDrafts1795562911000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE review_score_drafts (
        assignment_id uuid PRIMARY KEY CONSTRAINT fk_review_score_drafts_assignment REFERENCES review_assignments (id) ON DELETE CASCADE,
        content jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE review_score_drafts`);
  }
}
