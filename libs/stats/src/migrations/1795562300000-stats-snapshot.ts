import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The statistics' snapshot, rebuilt as a whole by the worker (and on demand) from the relations the
 * owning contexts export: one narrow row per application (office, award, year, GB/T 4754 section,
 * state) and one per stage an application went through and left (days spent, passed or failed).
 * Derived data, so no foreign keys into other contexts' tables: a rebuild replaces every row.
 */
export class StatsSnapshot1795562300000 implements MigrationInterface {
  name = 'StatsSnapshot1795562300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE stats_application_facts (
        application_id uuid PRIMARY KEY,
        office_id uuid NOT NULL,
        award_code varchar(64) NOT NULL,
        year integer NOT NULL,
        industry_section char(1) NOT NULL,
        state varchar(64) NOT NULL,
        submitted boolean NOT NULL
      )`);
    await q.query(`CREATE INDEX ix_stats_application_facts_office ON stats_application_facts (office_id, year, award_code)`);
    await q.query(`
      CREATE TABLE stats_stage_spans (
        application_id uuid NOT NULL,
        office_id uuid NOT NULL,
        award_code varchar(64) NOT NULL,
        year integer NOT NULL,
        stage varchar(64) NOT NULL,
        days double precision NOT NULL,
        outcome char(1) CONSTRAINT ck_stats_stage_spans_outcome CHECK (outcome IN ('p', 'f'))
      )`);
    await q.query(`CREATE INDEX ix_stats_stage_spans_office ON stats_stage_spans (office_id, year, award_code)`);
    await q.query(`
      CREATE TABLE stats_snapshots (
        id smallint PRIMARY KEY CONSTRAINT ck_stats_snapshots_one CHECK (id = 1),
        as_of timestamptz NOT NULL,
        took_ms integer NOT NULL,
        applications integer NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE stats_snapshots`);
    await q.query(`DROP TABLE stats_stage_spans`);
    await q.query(`DROP TABLE stats_application_facts`);
  }
}
