import { MigrationInterface, QueryRunner } from 'typeorm';

/** 现场评审 findings with their score adjustment, and the district → city recommendation link. */
export class OnsiteFindingsAndRecommendations1795560700000 implements MigrationInterface {
  name = 'OnsiteFindingsAndRecommendations1795560700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE onsite_findings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL CONSTRAINT fk_onsite_findings_application REFERENCES applications (id),
        recorded_by uuid NOT NULL CONSTRAINT fk_onsite_findings_user REFERENCES users (id),
        outcome varchar(8) NOT NULL CONSTRAINT ck_onsite_findings_outcome CHECK (outcome IN ('pass', 'fail')),
        findings text NOT NULL,
        score_adjustment numeric(5, 1) NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_onsite_findings_application ON onsite_findings (application_id)`);
    // Kept apart from the expert aggregate so a recompute never loses it.
    await q.query(`ALTER TABLE application_scores ADD COLUMN onsite_adjustment numeric(5, 1) NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE applications ADD COLUMN recommended_from_id uuid CONSTRAINT fk_applications_recommended_from REFERENCES applications (id)`);
    await q.query(`CREATE UNIQUE INDEX uq_applications_recommended_from ON applications (recommended_from_id) WHERE recommended_from_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX uq_applications_recommended_from`);
    await q.query(`ALTER TABLE applications DROP COLUMN recommended_from_id`);
    await q.query(`ALTER TABLE application_scores DROP COLUMN onsite_adjustment`);
    await q.query(`DROP TABLE onsite_findings`);
  }
}
