import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log becomes append-only and office-scoped: who (and from which address) changed which
 * fields, readable by the offices the record belongs to. Every version of an expert's score is kept.
 * Triggers refuse UPDATE, DELETE and TRUNCATE, so not even the application can rewrite the past.
 */
export class AppendOnlyAudit1795561100000 implements MigrationInterface {
  name = 'AppendOnlyAudit1795561100000';

  async up(q: QueryRunner): Promise<void> {
    // Failed jobs are addressed as `<queue>:<jobId>`, not by a UUID.
    await q.query(`ALTER TABLE audit_events ALTER COLUMN entity_id TYPE varchar(200)`);
    await q.query(`
      ALTER TABLE audit_events
        ADD COLUMN office_ids uuid[] NOT NULL DEFAULT '{}',
        ADD COLUMN changes jsonb NOT NULL DEFAULT '{}',
        ADD COLUMN client_ip varchar(100)`);
    // Earlier records: an application's belong to its cycle's office, the others to the actor's offices.
    await q.query(`
      UPDATE audit_events e SET office_ids = ARRAY[c.office_id]
        FROM applications a JOIN cycles c ON c.id = a.cycle_id
       WHERE e.entity_type = 'application' AND a.id::text = e.entity_id`);
    await q.query(`
      UPDATE audit_events e SET office_ids = coalesce((SELECT array_agg(uo.office_id) FROM user_offices uo WHERE uo.user_id = e.actor_id), '{}')
       WHERE e.office_ids = '{}'`);
    await q.query(`CREATE INDEX ix_audit_events_offices ON audit_events USING gin (office_ids)`);
    await q.query(`CREATE INDEX ix_audit_events_actor ON audit_events (actor_id, created_at)`);

    await q.query(`
      CREATE FUNCTION refuse_append_only_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    // Statement-level: refused even when no row matches, and TRUNCATE has no rows to fire on.
    await q.query(`
      CREATE TRIGGER trg_audit_events_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_events
        FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change()`);

    // review_scores stays the current score (ranking reads it); every write to it is kept here.
    await q.query(`
      CREATE TABLE review_score_versions (
        assignment_id uuid NOT NULL CONSTRAINT fk_review_score_versions_assignment REFERENCES review_assignments (id),
        version integer NOT NULL,
        items jsonb NOT NULL,
        total numeric(6, 1) NOT NULL,
        comment text NOT NULL,
        recorded_at timestamptz NOT NULL,
        CONSTRAINT pk_review_score_versions PRIMARY KEY (assignment_id, version)
      )`);
    await q.query(`
      INSERT INTO review_score_versions (assignment_id, version, items, total, comment, recorded_at)
      SELECT assignment_id, 1, items, total, comment, updated_at FROM review_scores`);
    // A trigger rather than application code: no write path to review_scores can skip a version.
    await q.query(`
      CREATE FUNCTION keep_review_score_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO review_score_versions (assignment_id, version, items, total, comment, recorded_at)
        SELECT NEW.assignment_id, coalesce(max(v.version), 0) + 1, NEW.items, NEW.total, NEW.comment, clock_timestamp()
          FROM review_score_versions v WHERE v.assignment_id = NEW.assignment_id;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER trg_review_scores_keep_version AFTER INSERT OR UPDATE ON review_scores
        FOR EACH ROW EXECUTE FUNCTION keep_review_score_version()`);
    await q.query(`
      CREATE TRIGGER trg_review_score_versions_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON review_score_versions
        FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER trg_review_score_versions_append_only ON review_score_versions`);
    await q.query(`DROP TRIGGER trg_review_scores_keep_version ON review_scores`);
    await q.query(`DROP FUNCTION keep_review_score_version()`);
    await q.query(`DROP TABLE review_score_versions`);
    await q.query(`DROP TRIGGER trg_audit_events_append_only ON audit_events`);
    await q.query(`DROP FUNCTION refuse_append_only_change()`);
    await q.query(`DROP INDEX ix_audit_events_actor`);
    await q.query(`DROP INDEX ix_audit_events_offices`);
    await q.query(`ALTER TABLE audit_events DROP COLUMN client_ip, DROP COLUMN changes, DROP COLUMN office_ids`);
    // The old column holds UUIDs only: records of failed jobs cannot go back.
    await q.query(`DELETE FROM audit_events WHERE entity_id !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'`);
    await q.query(`ALTER TABLE audit_events ALTER COLUMN entity_id TYPE uuid USING entity_id::uuid`);
  }
}
