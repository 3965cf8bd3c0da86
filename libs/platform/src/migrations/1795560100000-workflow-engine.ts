import { MigrationInterface, QueryRunner } from 'typeorm';

/** The generic engine: definitions, instances, hash-chained history, outbox, deadlines. */
export class WorkflowEngine1795560100000 implements MigrationInterface {
  name = 'WorkflowEngine1795560100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE workflow_definitions (
        code varchar(100) NOT NULL,
        version integer NOT NULL CONSTRAINT ck_workflow_definitions_version CHECK (version > 0),
        label varchar(200) NOT NULL,
        content jsonb NOT NULL,
        content_hash char(64) NOT NULL,
        registered_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_workflow_definitions PRIMARY KEY (code, version)
      )`);
    await q.query(`
      CREATE TABLE workflow_instances (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        definition_code varchar(100) NOT NULL,
        definition_version integer NOT NULL,
        subject_type varchar(50) NOT NULL,
        subject_id uuid NOT NULL,
        state varchar(64) NOT NULL,
        version integer NOT NULL DEFAULT 1,
        context jsonb NOT NULL DEFAULT '{}',
        history_seq integer NOT NULL DEFAULT 0,
        history_head char(64) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT fk_workflow_instances_definition FOREIGN KEY (definition_code, definition_version)
          REFERENCES workflow_definitions (code, version)
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_workflow_instances_subject ON workflow_instances (subject_type, subject_id)`);
    await q.query(`CREATE INDEX ix_workflow_instances_state ON workflow_instances (definition_code, state)`);
    await q.query(`
      CREATE TABLE workflow_history (
        instance_id uuid NOT NULL CONSTRAINT fk_workflow_history_instance REFERENCES workflow_instances (id) ON DELETE CASCADE,
        seq integer NOT NULL,
        actor_id uuid,
        actor_role varchar(32) NOT NULL,
        action varchar(64) NOT NULL,
        from_state varchar(64),
        to_state varchar(64) NOT NULL,
        comment text,
        payload jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL,
        prev_hash char(64) NOT NULL,
        hash char(64) NOT NULL,
        CONSTRAINT pk_workflow_history PRIMARY KEY (instance_id, seq)
      )`);
    // Undelivered rows are found through a small partial index; delivered rows stay for audit.
    await q.query(`
      CREATE TABLE outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event varchar(100) NOT NULL,
        instance_id uuid,
        payload jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        dispatched_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text
      )`);
    await q.query(`CREATE INDEX ix_outbox_undispatched ON outbox (created_at) WHERE dispatched_at IS NULL`);
    await q.query(`
      CREATE TABLE deadlines (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        instance_id uuid CONSTRAINT fk_deadlines_instance REFERENCES workflow_instances (id) ON DELETE CASCADE,
        kind varchar(50) NOT NULL,
        action varchar(64),
        event varchar(100),
        payload jsonb NOT NULL DEFAULT '{}',
        set_in_state varchar(64),
        due_at timestamptz NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'pending'
          CONSTRAINT ck_deadlines_status CHECK (status IN ('pending', 'fired', 'cancelled')),
        generation integer NOT NULL DEFAULT 0,
        fired_at timestamptz,
        cancelled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_deadlines_fires_something CHECK (action IS NOT NULL OR event IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX ix_deadlines_pending_due ON deadlines (due_at) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX ix_deadlines_pending_instance ON deadlines (instance_id) WHERE status = 'pending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE deadlines');
    await q.query('DROP TABLE outbox');
    await q.query('DROP TABLE workflow_history');
    await q.query('DROP TABLE workflow_instances');
    await q.query('DROP TABLE workflow_definitions');
  }
}
