import { SqlRunner, sqlRows } from '@awardflow/platform';
import { CategoryFeedback, ScoreItem } from '../scoring/score.repository';

export interface FeedbackRelease {
  cycleId: string;
  releasedAt: Date;
}

export async function releaseOf(runner: SqlRunner, cycleId: string): Promise<FeedbackRelease | undefined> {
  const [row] = await sqlRows<FeedbackRelease>(runner, `SELECT cycle_id AS "cycleId", released_at AS "releasedAt" FROM feedback_report_releases WHERE cycle_id = $1`, [cycleId]);
  return row;
}

/** Records the release once; answers whether this call made it (a second release changes nothing). */
export async function recordRelease(runner: SqlRunner, cycleId: string, releasedBy: string): Promise<boolean> {
  const rows = await sqlRows<{ cycleId: string }>(
    runner,
    `INSERT INTO feedback_report_releases (cycle_id, released_by) VALUES ($1, $2) ON CONFLICT (cycle_id) DO NOTHING RETURNING cycle_id AS "cycleId"`,
    [cycleId, releasedBy],
  );
  return rows.length > 0;
}

/**
 * The experts' scored sheets of one application (expert stage only), without who scored: the
 * report never learns the experts, so it cannot name them. In assignment order, which says nothing.
 */
export function expertSheetsOf(runner: SqlRunner, applicationId: string): Promise<Array<{ items: ScoreItem[]; feedback: CategoryFeedback[] }>> {
  return sqlRows(
    runner,
    `SELECT rs.items, rs.feedback FROM review_scores rs JOIN review_assignments ra ON ra.id = rs.assignment_id
      WHERE ra.application_id = $1 AND ra.stage = 'expert' AND ra.status = 'scored'
      ORDER BY ra.id`,
    [applicationId],
  );
}
