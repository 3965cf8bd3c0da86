import { EntityManager } from 'typeorm';
import { SqlRunner, sqlRows } from '@awardflow/platform';

export type Vote = 'approve' | 'reject' | 'abstain';

export async function panelMemberIds(runner: SqlRunner, cycleId: string): Promise<string[]> {
  const rows = await sqlRows<{ userId: string }>(runner, `SELECT user_id AS "userId" FROM panel_members WHERE cycle_id = $1 ORDER BY user_id`, [cycleId]);
  return rows.map((r) => r.userId);
}

export async function replacePanel(manager: EntityManager, cycleId: string, memberIds: string[]): Promise<void> {
  await sqlRows(manager, `DELETE FROM panel_members WHERE cycle_id = $1`, [cycleId]);
  await sqlRows(manager, `INSERT INTO panel_members (cycle_id, user_id) SELECT $1, u FROM unnest($2::uuid[]) u`, [cycleId, [...new Set(memberIds)]]);
}

export async function isPanelMember(runner: SqlRunner, cycleId: string, userId: string): Promise<boolean> {
  return (await sqlRows(runner, `SELECT 1 FROM panel_members WHERE cycle_id = $1 AND user_id = $2`, [cycleId, userId])).length > 0;
}

/** A member's vote, replacing the one cast before. */
export async function castVote(runner: SqlRunner, applicationId: string, memberId: string, vote: Vote, comment: string | null): Promise<void> {
  await sqlRows(
    runner,
    `INSERT INTO panel_votes (application_id, member_id, vote, comment) VALUES ($1, $2, $3, $4)
     ON CONFLICT (application_id, member_id) DO UPDATE SET vote = EXCLUDED.vote, comment = EXCLUDED.comment, voted_at = now()`,
    [applicationId, memberId, vote, comment],
  );
}

/** The votes on an application of those who sit on the cycle's panel now. */
export async function memberVotes(runner: SqlRunner, applicationId: string, cycleId: string): Promise<Vote[]> {
  const rows = await sqlRows<{ vote: Vote }>(
    runner,
    `SELECT v.vote FROM panel_votes v JOIN panel_members p ON p.user_id = v.member_id AND p.cycle_id = $2 WHERE v.application_id = $1`,
    [applicationId, cycleId],
  );
  return rows.map((r) => r.vote);
}

/** The member's votes on these applications, in one statement. */
export async function votesOf(runner: SqlRunner, memberId: string, applicationIds: readonly string[]): Promise<Array<{ applicationId: string; vote: Vote }>> {
  if (!applicationIds.length) return [];
  return sqlRows(runner, `SELECT application_id AS "applicationId", vote FROM panel_votes WHERE member_id = $1 AND application_id = ANY($2::uuid[])`, [memberId, [...new Set(applicationIds)]]);
}

/** The member's own vote on an application, with the comment and when it was cast (null when none). */
export async function ownVote(runner: SqlRunner, applicationId: string, memberId: string): Promise<{ vote: Vote; comment: string | null; votedAt: Date } | null> {
  const [row] = await sqlRows<{ vote: Vote; comment: string | null; votedAt: Date }>(
    runner,
    `SELECT vote, comment, voted_at AS "votedAt" FROM panel_votes WHERE application_id = $1 AND member_id = $2`,
    [applicationId, memberId],
  );
  return row ?? null;
}

/** The application's aggregate as the ranking has it (null before expert review was aggregated). */
export async function aggregateOf(runner: SqlRunner, applicationId: string): Promise<{ rule: string; aggregated: number; resultsSubtotal: number; reviewerCount: number; onsiteAdjustment: number; defenseScore: number | null } | null> {
  const [row] = await sqlRows<{ rule: string; aggregated: number; resultsSubtotal: number; reviewerCount: number; onsiteAdjustment: number; defenseScore: number | null }>(
    runner,
    `SELECT rule, aggregated::float8 AS aggregated, results_subtotal::float8 AS "resultsSubtotal", reviewer_count AS "reviewerCount",
            onsite_adjustment::float8 AS "onsiteAdjustment", defense_score::float8 AS "defenseScore"
       FROM application_scores WHERE application_id = $1`,
    [applicationId],
  );
  return row ?? null;
}
