import { EntityManager } from 'typeorm';
import { SqlRunner, sqlRows } from '@awardflow/platform';

export type AssignmentStatus = 'assigned' | 'scored' | 'conflict' | 'replaced';

/** One expert's assignment to one application (review_assignments). */
export interface AssignmentRow {
  id: string;
  applicationId: string;
  cycleId: string;
  reviewerId: string;
  stage: 'expert' | 'onsite';
  status: AssignmentStatus;
  dueAt: Date;
  assignedBy: string | null;
  createdAt: Date;
  scoredAt: Date | null;
}

/** An assignment with its score's total, if scored (null otherwise). */
export interface ScoredAssignmentRow extends AssignmentRow {
  total: number | null;
}

export interface FlagRow {
  id: string;
  applicationId: string;
  reason: string;
  createdAt: Date;
}

const COLUMNS = `ra.id, ra.application_id AS "applicationId", ra.cycle_id AS "cycleId", ra.reviewer_id AS "reviewerId", ra.stage, ra.status,
  ra.due_at AS "dueAt", ra.assigned_by AS "assignedBy", ra.created_at AS "createdAt", ra.scored_at AS "scoredAt"`;
const WITH_TOTAL = `SELECT ${COLUMNS}, rs.total::float8 AS total FROM review_assignments ra LEFT JOIN review_scores rs ON rs.assignment_id = ra.id`;

/** The assignment, locked; only the given reviewer's when one is named. */
export async function lockAssignment(manager: EntityManager, id: string, reviewerId?: string): Promise<AssignmentRow | undefined> {
  const [row] = await sqlRows<AssignmentRow>(manager, `SELECT ${COLUMNS} FROM review_assignments ra WHERE ra.id = $1 AND ($2::uuid IS NULL OR ra.reviewer_id = $2) FOR UPDATE`, [
    id,
    reviewerId ?? null,
  ]);
  return row;
}

export async function assignmentById(runner: SqlRunner, id: string): Promise<AssignmentRow | undefined> {
  const [row] = await sqlRows<AssignmentRow>(runner, `SELECT ${COLUMNS} FROM review_assignments ra WHERE ra.id = $1`, [id]);
  return row;
}

/** The reviewer's live (assigned or scored) assignment. */
export async function liveAssignmentOf(runner: SqlRunner, id: string, reviewerId: string): Promise<AssignmentRow | undefined> {
  const [row] = await sqlRows<AssignmentRow>(runner, `SELECT ${COLUMNS} FROM review_assignments ra WHERE ra.id = $1 AND ra.reviewer_id = $2 AND ra.status IN ('assigned', 'scored')`, [id, reviewerId]);
  return row;
}

/** One page of the reviewer's live assignments by due date (ties by id, so pages fit together), and how many there are. */
export async function liveAssignmentPageOfReviewer(runner: SqlRunner, reviewerId: string, window: { limit: number; offset: number }): Promise<{ rows: ScoredAssignmentRow[]; total: number }> {
  const rows = await sqlRows<ScoredAssignmentRow & { totalCount: number }>(
    runner,
    `${WITH_TOTAL.replace('SELECT ', 'SELECT count(*) OVER ()::int AS "totalCount", ')} WHERE ra.reviewer_id = $1 AND ra.status IN ('assigned', 'scored') ORDER BY ra.due_at, ra.id LIMIT $2 OFFSET $3`,
    [reviewerId, window.limit, window.offset],
  );
  // A page past the end has no row to carry the count: count apart then.
  const total = rows[0]?.totalCount ?? (window.offset === 0 ? 0 : (await sqlRows<{ n: number }>(runner, `SELECT count(*)::int AS n FROM review_assignments WHERE reviewer_id = $1 AND status IN ('assigned', 'scored')`, [reviewerId]))[0].n);
  return { rows: rows.map(({ totalCount: _, ...r }) => r), total };
}

/** Every assignment of an application, current and ended, oldest first, with totals. */
export function assignmentsOfApplication(runner: SqlRunner, applicationId: string): Promise<ScoredAssignmentRow[]> {
  return sqlRows<ScoredAssignmentRow>(runner, `${WITH_TOTAL} WHERE ra.application_id = $1 ORDER BY ra.created_at`, [applicationId]);
}

/** The experts reviewing an application now or having scored it, at any stage, each once. */
export async function reviewerIdsOf(runner: SqlRunner, applicationId: string): Promise<string[]> {
  const rows = await sqlRows<{ reviewerId: string }>(runner, `SELECT DISTINCT reviewer_id AS "reviewerId" FROM review_assignments WHERE application_id = $1 AND status IN ('assigned', 'scored')`, [applicationId]);
  return rows.map((r) => r.reviewerId);
}

export function expertAssignmentsOf(runner: SqlRunner, applicationId: string): Promise<Array<Pick<AssignmentRow, 'reviewerId' | 'status'>>> {
  return sqlRows(runner, `SELECT reviewer_id AS "reviewerId", status FROM review_assignments WHERE application_id = $1 AND stage = 'expert'`, [applicationId]);
}

export async function expertCounts(runner: SqlRunner, applicationId: string): Promise<{ open: number; scored: number }> {
  const [counts] = await sqlRows<{ open: number; scored: number }>(
    runner,
    `SELECT count(*) FILTER (WHERE status = 'assigned')::int AS open, count(*) FILTER (WHERE status = 'scored')::int AS scored
       FROM review_assignments WHERE application_id = $1 AND stage = 'expert'`,
    [applicationId],
  );
  return counts;
}

export async function insertExpertAssignment(manager: EntityManager, row: { applicationId: string; cycleId: string; reviewerId: string; dueAt: Date; assignedBy: string | null }): Promise<string> {
  const [{ id }] = await sqlRows<{ id: string }>(
    manager,
    `INSERT INTO review_assignments (application_id, cycle_id, reviewer_id, stage, due_at, assigned_by) VALUES ($1, $2, $3, 'expert', $4, $5) RETURNING id`,
    [row.applicationId, row.cycleId, row.reviewerId, row.dueAt, row.assignedBy],
  );
  return id;
}

export async function setAssignmentStatus(manager: EntityManager, id: string, status: 'conflict' | 'replaced'): Promise<void> {
  await sqlRows(manager, `UPDATE review_assignments SET status = $2 WHERE id = $1`, [id, status]);
}

export async function markScored(manager: EntityManager, id: string): Promise<void> {
  await sqlRows(manager, `UPDATE review_assignments SET status = 'scored', scored_at = coalesce(scored_at, now()) WHERE id = $1`, [id]);
}

export async function conflictedReviewers(runner: SqlRunner, organizationId: string): Promise<string[]> {
  const rows = await sqlRows<{ reviewerId: string }>(runner, `SELECT reviewer_id AS "reviewerId" FROM review_conflicts WHERE organization_id = $1`, [organizationId]);
  return rows.map((r) => r.reviewerId);
}

export async function recordConflict(manager: EntityManager, reviewerId: string, organizationId: string, reason: string): Promise<void> {
  await sqlRows(manager, `INSERT INTO review_conflicts (reviewer_id, organization_id, reason) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [reviewerId, organizationId, reason]);
}

/** Whether the expert may still be put on the application: pool ties, declared conflicts, already on it. */
export async function candidateStanding(runner: SqlRunner, reviewerId: string, organizationId: string, applicationId: string): Promise<{ ties: string[]; conflicted: boolean; already: boolean } | undefined> {
  const [row] = await sqlRows<{ ties: string[]; conflicted: boolean; already: boolean }>(
    runner,
    `SELECT r.ties, EXISTS (SELECT 1 FROM review_conflicts rc WHERE rc.reviewer_id = r.user_id AND rc.organization_id = $2) AS conflicted,
            EXISTS (SELECT 1 FROM review_assignments x WHERE x.application_id = $3 AND x.reviewer_id = r.user_id AND x.status IN ('assigned', 'scored')) AS already
       FROM reviewers r WHERE r.user_id = $1 AND r.active`,
    [reviewerId, organizationId, applicationId],
  );
  return row;
}

/** Raises a flag unless one is open already; whether it raised one. */
export async function raiseFlag(manager: EntityManager, applicationId: string, reason: string): Promise<boolean> {
  const open = await sqlRows(manager, `SELECT 1 FROM review_flags WHERE application_id = $1 AND resolved_at IS NULL`, [applicationId]);
  if (open.length) return false;
  await sqlRows(manager, `INSERT INTO review_flags (application_id, reason) VALUES ($1, $2)`, [applicationId, reason]);
  return true;
}

export async function resolveFlags(manager: EntityManager, applicationId: string): Promise<void> {
  await sqlRows(manager, `UPDATE review_flags SET resolved_at = now() WHERE application_id = $1 AND resolved_at IS NULL`, [applicationId]);
}

/** Every open flag, oldest first (few: each waits for an office to act). */
export function openFlags(runner: SqlRunner): Promise<FlagRow[]> {
  return sqlRows<FlagRow>(runner, `SELECT id, application_id AS "applicationId", reason, created_at AS "createdAt" FROM review_flags WHERE resolved_at IS NULL ORDER BY created_at`);
}

/**
 * Loads are read to choose the least busy expert: two applications staffed at once from the
 * same pool would read the same loads and pile onto the same people, so an office's pool is
 * staffed one application at a time (assignment is rare; the lock is held for milliseconds).
 */
export async function lockPool(manager: EntityManager, officeId: string): Promise<void> {
  await sqlRows(manager, `SELECT pg_advisory_xact_lock(hashtext('review-pool:' || $1::text))`, [officeId]);
}
