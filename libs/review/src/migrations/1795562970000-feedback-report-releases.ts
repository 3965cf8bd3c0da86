import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The office releases the experts' 反馈报告 to a cycle's enterprises once, when it decides to
 * (after the scores are final): until then an enterprise is refused its report.
 */
export class FeedbackReportReleases1795562970000 implements MigrationInterface {
  name = 'FeedbackReportReleases1795562970000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE feedback_report_releases (
        cycle_id uuid PRIMARY KEY,
        released_by uuid NOT NULL CONSTRAINT fk_feedback_report_releases_user REFERENCES users (id),
        released_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE feedback_report_releases`);
  }
}
