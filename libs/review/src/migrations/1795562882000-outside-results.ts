import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Results decided above the office (鲁班奖 by 中国建筑业协会, 中国质量奖 nationally, 中华老字号 by
 * 商务部), as the office records them for an application it selected: recommended to whom and
 * when, then conferred or not with the decision's 文号 and date. Not a workflow state: the local
 * workflow ended at 审定; this is what happened afterwards, elsewhere.
 */
export class OutsideResults1795562882000 implements MigrationInterface {
  name = 'OutsideResults1795562882000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outside_results (
        application_id uuid PRIMARY KEY CONSTRAINT fk_outside_results_application REFERENCES applications (id),
        cycle_id uuid NOT NULL,
        recommended_to varchar(200) NOT NULL,
        recommended_on date NOT NULL,
        outcome varchar(16) NOT NULL DEFAULT 'pending' CONSTRAINT ck_outside_results_outcome CHECK (outcome IN ('pending', 'awarded', 'not_awarded')),
        document_number varchar(64),
        decided_on date,
        note text,
        recorded_by uuid NOT NULL CONSTRAINT fk_outside_results_user REFERENCES users (id),
        revision integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_outside_results_decided CHECK ((outcome = 'pending') = (decided_on IS NULL)),
        CONSTRAINT ck_outside_results_document CHECK (outcome <> 'awarded' OR document_number IS NOT NULL),
        CONSTRAINT ck_outside_results_order CHECK (decided_on IS NULL OR decided_on >= recommended_on)
      )`);
    // Statistics count a cycle's results by outcome along this index.
    await q.query(`CREATE INDEX ix_outside_results_cycle ON outside_results (cycle_id, outcome)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE outside_results`);
  }
}
