import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reviewers an office names for a stage: 形式审查 / 初审 of a cycle, 现场评审 of a cycle or of
 * one application. Only they (and the office's admins) see and act on that stage's work.
 */
export class StageReviewers1795560800000 implements MigrationInterface {
  name = 'StageReviewers1795560800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE stage_reviewers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cycle_id uuid NOT NULL CONSTRAINT fk_stage_reviewers_cycle REFERENCES cycles (id),
        stage varchar(16) NOT NULL CONSTRAINT ck_stage_reviewers_stage CHECK (stage IN ('formal_review', 'onsite_review')),
        application_id uuid CONSTRAINT fk_stage_reviewers_application REFERENCES applications (id),
        user_id uuid NOT NULL CONSTRAINT fk_stage_reviewers_user REFERENCES users (id),
        named_by uuid CONSTRAINT fk_stage_reviewers_named_by REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        -- 形式审查 is named per cycle; 现场评审 per cycle or per application.
        CONSTRAINT ck_stage_reviewers_application CHECK (application_id IS NULL OR stage = 'onsite_review')
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_stage_reviewers_cycle ON stage_reviewers (cycle_id, stage, user_id) WHERE application_id IS NULL`);
    await q.query(`CREATE UNIQUE INDEX uq_stage_reviewers_application ON stage_reviewers (application_id, stage, user_id) WHERE application_id IS NOT NULL`);
    await q.query(`CREATE INDEX ix_stage_reviewers_user ON stage_reviewers (user_id, cycle_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE stage_reviewers`);
  }
}
