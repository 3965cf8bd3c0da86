import { EntityManager } from 'typeorm';
import { SqlRunner, sqlRows } from '@awardflow/platform';

/** An expert's entry in the pool (reviewers) with how many assignments are open on them now. */
export interface ReviewerRow {
  userId: string;
  expertise: string[];
  ties: string[];
  maxLoad: number;
  active: boolean;
  openAssignments: number;
}

/** What the audit compares of an entry. */
export type ReviewerEntry = Pick<ReviewerRow, 'expertise' | 'ties' | 'maxLoad' | 'active'>;

const ENTRY = `expertise, ties, max_load AS "maxLoad", active`;

export async function lockReviewerEntry(manager: EntityManager, userId: string): Promise<ReviewerEntry | undefined> {
  const [row] = await sqlRows<ReviewerEntry>(manager, `SELECT ${ENTRY} FROM reviewers WHERE user_id = $1 FOR UPDATE`, [userId]);
  return row;
}

/** Enters (or re-enters, active again) an expert in the pool. */
export async function upsertReviewer(manager: EntityManager, input: { userId: string; expertise: string[]; ties: string[]; maxLoad: number }): Promise<ReviewerEntry> {
  const [row] = await sqlRows<ReviewerEntry>(
    manager,
    `INSERT INTO reviewers (user_id, expertise, ties, max_load) VALUES ($1, $2, $3, $4)
     ON CONFLICT (user_id) DO UPDATE SET expertise = EXCLUDED.expertise, ties = EXCLUDED.ties, max_load = EXCLUDED.max_load, active = true
     RETURNING ${ENTRY}`,
    [input.userId, input.expertise, input.ties, input.maxLoad],
  );
  return row;
}

/** The pool entries of these users (active or not), with their open assignments, in one statement. */
export async function reviewersAmong(runner: SqlRunner, userIds: readonly string[], only: { active?: boolean } = {}): Promise<ReviewerRow[]> {
  if (!userIds.length) return [];
  return sqlRows<ReviewerRow>(
    runner,
    `SELECT r.user_id AS "userId", ${ENTRY},
            (SELECT count(*)::int FROM review_assignments a WHERE a.reviewer_id = r.user_id AND a.status = 'assigned') AS "openAssignments"
       FROM reviewers r WHERE r.user_id = ANY($1::uuid[]) AND (NOT $2::boolean OR r.active)`,
    [[...new Set(userIds)], only.active ?? false],
  );
}
