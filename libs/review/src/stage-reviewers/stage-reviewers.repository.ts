import { EntityManager } from 'typeorm';
import { SqlRunner, sqlRows } from '@awardflow/platform';

/** 形式审查 / 初审 (named per cycle) and 现场评审 (per cycle or per application). */
export type ReviewStage = 'formal_review' | 'onsite_review';

/** The experts named for a stage of a cycle (applicationId null) or of one application. */
export async function namedUserIds(runner: SqlRunner, cycleId: string, stage: ReviewStage, applicationId: string | null): Promise<string[]> {
  const rows = await sqlRows<{ userId: string }>(
    runner,
    `SELECT user_id AS "userId" FROM stage_reviewers WHERE cycle_id = $1 AND stage = $2 AND application_id IS NOT DISTINCT FROM $3::uuid ORDER BY user_id`,
    [cycleId, stage, applicationId],
  );
  return rows.map((r) => r.userId);
}

/** Replaces the experts named for the stage of the cycle (applicationId null) or of one application. */
export async function replaceNamed(manager: EntityManager, cycleId: string, stage: ReviewStage, applicationId: string | null, userIds: string[], namedBy: string): Promise<void> {
  await sqlRows(manager, `DELETE FROM stage_reviewers WHERE cycle_id = $1 AND stage = $2 AND application_id IS NOT DISTINCT FROM $3::uuid`, [cycleId, stage, applicationId]);
  await sqlRows(
    manager,
    `INSERT INTO stage_reviewers (cycle_id, stage, application_id, user_id, named_by) SELECT $1, $2, $3, u, $4 FROM unnest($5::uuid[]) u`,
    [cycleId, stage, applicationId, namedBy, [...new Set(userIds)]],
  );
}

/** Whether the user was named for the stage of this application (for it, or for its whole cycle). */
export async function isNamedFor(runner: SqlRunner, cycleId: string, userId: string, stage: ReviewStage, applicationId: string): Promise<boolean> {
  const rows = await sqlRows(
    runner,
    `SELECT 1 FROM stage_reviewers WHERE cycle_id = $1 AND user_id = $2 AND stage = $3 AND (application_id IS NULL OR application_id = $4) LIMIT 1`,
    [cycleId, userId, stage, applicationId],
  );
  return rows.length > 0;
}
