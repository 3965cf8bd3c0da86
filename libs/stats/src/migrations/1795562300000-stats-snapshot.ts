import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The statistics' snapshot, rebuilt as a whole by the worker (and on demand) from the relations the
 * owning contexts export, already aggregated so GET /stats sums a few thousand rows whatever the
 * number of applications:
 * - stats_application_counts: applications per office, award, year, the organisation's division
 *   (GB/T 2260) and GB/T 4754 section, state and submitted or not;
 * - stats_stage_durations: stays in a stage that ended, per office, award, year, stage, outcome
 *   (passed, failed, neither) and length in days to a tenth of a day (medians are read from these
 *   counts, exact to that tenth).
 * Derived data, so no foreign keys into other contexts' tables: a rebuild replaces every row.
 */
export class StatsSnapshot1795562300000 implements MigrationInterface {
  name = 'StatsSnapshot1795562300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE stats_application_counts (
        office_id uuid NOT NULL,
        award_code varchar(64) NOT NULL,
        year integer NOT NULL,
        region_code varchar(12) NOT NULL,
        industry_section char(1) NOT NULL,
        state varchar(64) NOT NULL,
        submitted boolean NOT NULL,
        applications integer NOT NULL
      )`);
    await q.query(`CREATE INDEX ix_stats_application_counts_office ON stats_application_counts (office_id, year, award_code)`);
    await q.query(`
      CREATE TABLE stats_stage_durations (
        office_id uuid NOT NULL,
        award_code varchar(64) NOT NULL,
        year integer NOT NULL,
        stage varchar(64) NOT NULL,
        outcome char(1) CONSTRAINT ck_stats_stage_durations_outcome CHECK (outcome IN ('p', 'f')),
        days numeric(8, 1) NOT NULL,
        stays integer NOT NULL
      )`);
    await q.query(`CREATE INDEX ix_stats_stage_durations_office ON stats_stage_durations (office_id, year, award_code)`);
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
    await q.query(`DROP TABLE stats_stage_durations`);
    await q.query(`DROP TABLE stats_application_counts`);
  }
}
