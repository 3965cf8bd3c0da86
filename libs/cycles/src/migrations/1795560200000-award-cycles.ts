import { MigrationInterface, QueryRunner } from 'typeorm';

/** Award cycles an office configures; each pins the workflow definition it was opened with. */
export class AwardCycles1795560200000 implements MigrationInterface {
  name = 'AwardCycles1795560200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE cycles (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        office_id uuid NOT NULL CONSTRAINT fk_cycles_office REFERENCES offices (id),
        award_code varchar(64) NOT NULL,
        year integer NOT NULL CONSTRAINT ck_cycles_year CHECK (year BETWEEN 2000 AND 2100),
        title varchar(200) NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'draft' CONSTRAINT ck_cycles_status CHECK (status IN ('draft', 'open', 'closed', 'archived')),
        application_opens_at timestamptz NOT NULL,
        application_closes_at timestamptz NOT NULL,
        stage_plan jsonb NOT NULL,
        quota jsonb NOT NULL,
        reviewers_per_application integer NOT NULL CONSTRAINT ck_cycles_reviewers CHECK (reviewers_per_application >= 1),
        score_aggregation varchar(16) NOT NULL DEFAULT 'trimmed_mean'
          CONSTRAINT ck_cycles_aggregation CHECK (score_aggregation IN ('trimmed_mean', 'mean', 'median', 'zscore')),
        publicity_days integer NOT NULL CONSTRAINT ck_cycles_publicity CHECK (publicity_days >= 1),
        supplement_days integer NOT NULL CONSTRAINT ck_cycles_supplement CHECK (supplement_days >= 1),
        review_due_days integer NOT NULL CONSTRAINT ck_cycles_review_due CHECK (review_due_days >= 1),
        reminder_days_before integer[] NOT NULL DEFAULT '{3,1}',
        panel jsonb NOT NULL,
        eligibility jsonb NOT NULL,
        blind_review boolean NOT NULL DEFAULT false,
        reassign_overdue boolean NOT NULL DEFAULT false,
        recognition_validity_years integer,
        duration_overrides jsonb NOT NULL DEFAULT '{}',
        definition_code varchar(100),
        definition_version integer,
        opened_at timestamptz,
        closed_at timestamptz,
        created_by uuid CONSTRAINT fk_cycles_created_by REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_cycles_office_award_year UNIQUE (office_id, award_code, year),
        CONSTRAINT ck_cycles_window CHECK (application_opens_at < application_closes_at),
        CONSTRAINT ck_cycles_pinned_when_open CHECK (status = 'draft' OR (definition_code IS NOT NULL AND definition_version IS NOT NULL)),
        CONSTRAINT fk_cycles_definition FOREIGN KEY (definition_code, definition_version) REFERENCES workflow_definitions (code, version)
      )`);
    await q.query(`CREATE INDEX ix_cycles_award_year ON cycles (award_code, year)`);
    await q.query(`CREATE INDEX ix_cycles_open ON cycles (application_closes_at) WHERE status = 'open'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE cycles');
  }
}
