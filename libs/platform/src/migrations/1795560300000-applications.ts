import { MigrationInterface, QueryRunner } from 'typeorm';

/** Organisations, their compliance records, applications, materials and the audit trail. */
export class Applications1795560300000 implements MigrationInterface {
  name = 'Applications1795560300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organizations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(200) NOT NULL,
        uscc char(18) NOT NULL,
        uscc_override_reason text,
        region_code varchar(12) NOT NULL,
        address varchar(300) NOT NULL,
        legal_representative varchar(50) NOT NULL,
        contact jsonb NOT NULL,
        founded_at date NOT NULL,
        industry varchar(5) NOT NULL CONSTRAINT ck_organizations_industry CHECK (industry ~ '^[A-T][0-9]{0,4}$'),
        credit_grade char(1) CONSTRAINT ck_organizations_credit_grade CHECK (credit_grade IN ('A', 'B', 'C', 'D')),
        credit_grade_updated_at timestamptz,
        created_by uuid CONSTRAINT fk_organizations_created_by REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_organizations_uscc UNIQUE (uscc)
      )`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT fk_users_organization FOREIGN KEY (organization_id) REFERENCES organizations (id)`);
    await q.query(`
      CREATE TABLE organization_records (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL CONSTRAINT fk_organization_records_organization REFERENCES organizations (id) ON DELETE CASCADE,
        kind varchar(32) NOT NULL CONSTRAINT ck_organization_records_kind
          CHECK (kind IN ('blacklist', 'abnormal_operation', 'major_accident', 'sampling_failure', 'penalty', 'reapplication_ban')),
        reason text NOT NULL,
        occurred_at date,
        from_date date,
        until_date date,
        award_code varchar(64),
        created_by uuid CONSTRAINT fk_organization_records_created_by REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_organization_records_period CHECK (from_date IS NULL OR until_date IS NULL OR from_date <= until_date)
      )`);
    await q.query(`CREATE INDEX ix_organization_records_organization ON organization_records (organization_id, kind)`);
    await q.query(`
      CREATE TABLE audit_events (
        id bigserial PRIMARY KEY,
        actor_id uuid,
        actor_role varchar(32) NOT NULL,
        action varchar(64) NOT NULL,
        entity_type varchar(50) NOT NULL,
        entity_id uuid NOT NULL,
        details jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_audit_events_entity ON audit_events (entity_type, entity_id, created_at)`);
    await q.query(`
      CREATE TABLE applications (
        id uuid PRIMARY KEY,
        cycle_id uuid NOT NULL CONSTRAINT fk_applications_cycle REFERENCES cycles (id),
        organization_id uuid NOT NULL CONSTRAINT fk_applications_organization REFERENCES organizations (id),
        instance_id uuid NOT NULL CONSTRAINT fk_applications_instance REFERENCES workflow_instances (id),
        form jsonb NOT NULL DEFAULT '{}',
        receipt_number varchar(32),
        submitted_at timestamptz,
        created_by uuid CONSTRAINT fk_applications_created_by REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_applications_instance UNIQUE (instance_id),
        CONSTRAINT uq_applications_receipt UNIQUE (cycle_id, receipt_number)
      )`);
    await q.query(`CREATE INDEX ix_applications_cycle ON applications (cycle_id, submitted_at DESC)`);
    await q.query(`CREATE INDEX ix_applications_organization ON applications (organization_id, cycle_id)`);
    // Gap-free receipt numbers: the counter row is bumped inside the submit transaction.
    await q.query(`
      CREATE TABLE cycle_receipt_counters (
        cycle_id uuid PRIMARY KEY CONSTRAINT fk_cycle_receipt_counters_cycle REFERENCES cycles (id),
        last_number integer NOT NULL
      )`);
    await q.query(`
      CREATE TABLE attachments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL CONSTRAINT fk_attachments_application REFERENCES applications (id),
        document_type varchar(64) NOT NULL,
        original_name varchar(255) NOT NULL,
        media_type varchar(100) NOT NULL,
        size bigint NOT NULL CONSTRAINT ck_attachments_size CHECK (size > 0),
        sha256 char(64) NOT NULL,
        uploaded_by uuid CONSTRAINT fk_attachments_uploaded_by REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz
      )`);
    await q.query(`CREATE INDEX ix_attachments_application ON attachments (application_id) WHERE deleted_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE attachments');
    await q.query('DROP TABLE cycle_receipt_counters');
    await q.query('DROP TABLE applications');
    await q.query('DROP TABLE audit_events');
    await q.query('DROP TABLE organization_records');
    await q.query('ALTER TABLE users DROP CONSTRAINT fk_users_organization');
    await q.query('DROP TABLE organizations');
  }
}
