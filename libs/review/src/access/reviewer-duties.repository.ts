import { SqlRunner, sqlRows } from '@awardflow/platform';

/** A stage an expert acts on in a cycle: named for 形式审查 / 现场评审 (for one application or all), or sitting on its panel. */
export interface StageDuty {
  cycleId: string;
  stage: 'formal_review' | 'onsite_review' | 'panel';
  applicationId: string | null;
}

/** What ties an expert to one application, read in one statement. */
export interface DutiesOnApplication {
  assigned: boolean;
  panelMember: boolean;
  voted: boolean;
  /** The stages the expert was named for in this application's cycle (for it or for all). */
  namedStages: Array<'formal_review' | 'onsite_review'>;
}

/** Every stage duty of the expert, across cycles. */
export function dutiesOf(runner: SqlRunner, userId: string): Promise<StageDuty[]> {
  return sqlRows<StageDuty>(
    runner,
    `SELECT cycle_id AS "cycleId", stage, application_id AS "applicationId" FROM stage_reviewers WHERE user_id = $1
     UNION ALL SELECT cycle_id, 'panel', NULL FROM panel_members WHERE user_id = $1`,
    [userId],
  );
}

export async function dutiesOn(runner: SqlRunner, userId: string, applicationId: string, cycleId: string): Promise<DutiesOnApplication> {
  const [row] = await sqlRows<DutiesOnApplication>(
    runner,
    `SELECT EXISTS (SELECT 1 FROM review_assignments WHERE application_id = $1 AND reviewer_id = $2 AND status IN ('assigned', 'scored')) AS assigned,
            EXISTS (SELECT 1 FROM panel_members WHERE cycle_id = $3 AND user_id = $2) AS "panelMember",
            EXISTS (SELECT 1 FROM panel_votes WHERE application_id = $1 AND member_id = $2) AS voted,
            array(SELECT DISTINCT stage FROM stage_reviewers WHERE cycle_id = $3 AND user_id = $2 AND (application_id IS NULL OR application_id = $1))::text[] AS "namedStages"`,
    [applicationId, userId, cycleId],
  );
  return row;
}
