import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 公示 as offices publish it: one dated list per cycle (or per later batch) that every application
 * in it shares, and objections as they really arrive — several per application, from the public
 * page without an account or recorded by the office from post, phone and mail, with evidence files
 * and the enterprise's 申辩.
 *
 * An entry's public_id is what the public page names an application by: it says nothing about the
 * application's id, so a visitor cannot walk from the 公示 list to anything that is not published.
 */
export class PublicityBatches1795562820000 implements MigrationInterface {
  name = 'PublicityBatches1795562820000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE publicity_batches (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cycle_id uuid NOT NULL CONSTRAINT fk_publicity_batches_cycle REFERENCES cycles (id),
        seq integer NOT NULL CONSTRAINT ck_publicity_batches_seq CHECK (seq >= 1),
        title varchar(200) NOT NULL,
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        ends_at timestamptz NOT NULL,
        duration varchar(20) NOT NULL,
        contact_unit varchar(200) NOT NULL,
        contact_phone varchar(40) NOT NULL,
        contact_address varchar(300) NOT NULL,
        contact_email varchar(254) NOT NULL,
        published_by uuid NOT NULL CONSTRAINT fk_publicity_batches_published_by REFERENCES users (id),
        published_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_publicity_batches_seq UNIQUE (cycle_id, seq),
        CONSTRAINT ck_publicity_batches_dates CHECK (ends_on > starts_on)
      )`);
    await q.query(`
      CREATE TABLE publicity_entries (
        batch_id uuid NOT NULL CONSTRAINT fk_publicity_entries_batch REFERENCES publicity_batches (id),
        application_id uuid NOT NULL CONSTRAINT fk_publicity_entries_application REFERENCES applications (id),
        public_id uuid NOT NULL DEFAULT gen_random_uuid() CONSTRAINT uq_publicity_entries_public_id UNIQUE,
        position integer NOT NULL,
        PRIMARY KEY (batch_id, application_id),
        CONSTRAINT uq_publicity_entries_application UNIQUE (application_id)
      )`);
    // Several objections may be open on one application at once; each is decided on its own.
    await q.query(`DROP INDEX uq_objections_open`);
    await q.query(`CREATE INDEX ix_objections_application ON objections (application_id, status)`);
    await q.query(`ALTER TABLE objections ALTER COLUMN filed_by DROP NOT NULL`);
    await q.query(`ALTER TABLE objections DROP CONSTRAINT ck_objections_status`);
    await q.query(`ALTER TABLE objections ADD CONSTRAINT ck_objections_status CHECK (status IN ('open', 'upheld', 'dismissed', 'superseded'))`);
    await q.query(`
      ALTER TABLE objections
        ADD COLUMN channel varchar(10) NOT NULL DEFAULT 'online' CONSTRAINT ck_objections_channel CHECK (channel IN ('online', 'public', 'post', 'phone', 'mail')),
        ADD COLUMN objector_id_number varchar(18),
        ADD COLUMN received_on date,
        ADD COLUMN batch_id uuid CONSTRAINT fk_objections_batch REFERENCES publicity_batches (id)`);
    await q.query(`
      CREATE TABLE objection_responses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        objection_id uuid NOT NULL CONSTRAINT fk_objection_responses_objection REFERENCES objections (id),
        content text NOT NULL,
        responded_by uuid NOT NULL CONSTRAINT fk_objection_responses_by REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_objection_responses_objection ON objection_responses (objection_id)`);
    await q.query(`
      CREATE TABLE objection_files (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        objection_id uuid NOT NULL CONSTRAINT fk_objection_files_objection REFERENCES objections (id),
        response_id uuid CONSTRAINT fk_objection_files_response REFERENCES objection_responses (id),
        sha256 char(64) NOT NULL,
        file_name varchar(255) NOT NULL,
        content_type varchar(100) NOT NULL,
        size_bytes integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_objection_files_objection ON objection_files (objection_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE objection_files`);
    await q.query(`DROP TABLE objection_responses`);
    await q.query(`ALTER TABLE objections DROP COLUMN channel, DROP COLUMN objector_id_number, DROP COLUMN received_on, DROP COLUMN batch_id`);
    await q.query(`ALTER TABLE objections DROP CONSTRAINT ck_objections_status`);
    await q.query(`ALTER TABLE objections ADD CONSTRAINT ck_objections_status CHECK (status IN ('open', 'upheld', 'dismissed'))`);
    await q.query(`DROP INDEX ix_objections_application`);
    await q.query(`CREATE UNIQUE INDEX uq_objections_open ON objections (application_id) WHERE status = 'open'`);
    await q.query(`DROP TABLE publicity_entries`);
    await q.query(`DROP TABLE publicity_batches`);
  }
}
