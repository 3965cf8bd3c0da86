import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Years of the holiday calendar that admins enter once the State Council publishes their notice
 * (2024–2026 ship as data in libs/calendar). One row per year, replaced as a whole: a notice is
 * read and entered as one document.
 */
export class WorkCalendar1795561800000 implements MigrationInterface {
  name = 'WorkCalendar1795561800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE work_calendar_years (
        year integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2099),
        notice text NOT NULL,
        holidays jsonb NOT NULL,
        make_up_workdays jsonb NOT NULL,
        replaces_shipped boolean NOT NULL DEFAULT false,
        updated_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE work_calendar_years`);
  }
}
