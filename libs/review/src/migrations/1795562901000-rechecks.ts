import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 老字号 复核: a round an office runs over every recognised 老字号 of one award, and one item per
 * recognition with its outcome (通过, 限期整改, 撤销认定). 《中华老字号示范创建管理办法》(商流通规发〔2023〕6号).
 */
export class Rechecks1795562901000 implements MigrationInterface {
  name = 'Rechecks1795562901000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE recheck_rounds (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      office_id uuid NOT NULL,
      award_code varchar(64) NOT NULL,
      title varchar(200) NOT NULL,
      started_on date NOT NULL,
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX ix_recheck_rounds_office ON recheck_rounds (office_id, award_code, started_on DESC)`);
    await q.query(`CREATE TABLE recheck_items (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      round_id uuid NOT NULL REFERENCES recheck_rounds(id) ON DELETE CASCADE,
      application_id uuid NOT NULL,
      organization_name varchar(200) NOT NULL,
      outcome varchar(16),
      comment text,
      rectification_due_on date,
      rectification_ordered_at timestamptz,
      decided_by uuid,
      decided_at timestamptz,
      CONSTRAINT uq_recheck_items_round_application UNIQUE (round_id, application_id),
      CONSTRAINT ck_recheck_items_outcome CHECK (outcome IS NULL OR outcome IN ('passed', 'rectification', 'revoked')),
      CONSTRAINT ck_recheck_items_rectification CHECK (outcome IS DISTINCT FROM 'rectification' OR rectification_due_on IS NOT NULL)
    )`);
    await q.query(`CREATE INDEX ix_recheck_items_application ON recheck_items (application_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE recheck_items`);
    await q.query(`DROP TABLE recheck_rounds`);
  }
}
