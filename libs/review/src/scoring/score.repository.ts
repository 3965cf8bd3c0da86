import { EntityManager } from 'typeorm';
import { SqlRunner, sqlRows } from '@awardflow/platform';

export interface ScoreItem {
  criterion: string;
  score: number;
}

/** Per rubric category, the expert's 优势 and 改进机会 (GB/Z 19579-2012). */
export interface CategoryFeedback {
  category: string;
  strengths?: string;
  opportunities?: string;
}

/** An expert's current score of an assignment (review_scores). */
export interface ScoreRow {
  items: ScoreItem[];
  total: number;
  comment: string;
  feedback: CategoryFeedback[];
  updatedAt: Date;
}

/** What a score draft holds: any items scored so far (or only a band picked), the comment and feedback typed so far. */
export interface DraftContent {
  items: Array<{ criterion: string; score?: number; band?: number }>;
  comment?: string;
  categories?: CategoryFeedback[];
}

export interface DraftRow {
  content: DraftContent;
  updatedAt: Date;
}

/** One kept version of a score (review_score_versions, written by the database). */
export interface ScoreVersionRow {
  version: number;
  items: ScoreItem[];
  total: number;
  comment: string;
  recordedAt: Date;
}

/** A scored expert assignment, as aggregation reads it. */
export interface ExpertScoreRow {
  applicationId: string;
  reviewerId: string;
  total: number;
  items: ScoreItem[];
}

export async function scoreOf(runner: SqlRunner, assignmentId: string): Promise<ScoreRow | undefined> {
  const [row] = await sqlRows<ScoreRow>(runner, `SELECT items, total::float8 AS total, comment, feedback, updated_at AS "updatedAt" FROM review_scores WHERE assignment_id = $1`, [assignmentId]);
  return row;
}

export async function upsertScore(manager: EntityManager, assignmentId: string, score: { items: ScoreItem[]; total: number; comment: string; feedback: CategoryFeedback[] }): Promise<void> {
  await sqlRows(
    manager,
    `INSERT INTO review_scores (assignment_id, items, total, comment, feedback) VALUES ($1, $2::jsonb, $3, $4, $5::jsonb)
     ON CONFLICT (assignment_id) DO UPDATE SET items = EXCLUDED.items, total = EXCLUDED.total, comment = EXCLUDED.comment, feedback = EXCLUDED.feedback, updated_at = now()`,
    [assignmentId, JSON.stringify(score.items), score.total, score.comment, JSON.stringify(score.feedback)],
  );
}

export async function draftOf(runner: SqlRunner, assignmentId: string): Promise<DraftRow | undefined> {
  const [row] = await sqlRows<DraftRow>(runner, `SELECT content, updated_at AS "updatedAt" FROM review_score_drafts WHERE assignment_id = $1`, [assignmentId]);
  return row;
}

export async function saveDraft(runner: SqlRunner, assignmentId: string, content: DraftContent): Promise<Date> {
  const [row] = await sqlRows<{ updatedAt: Date }>(
    runner,
    `INSERT INTO review_score_drafts (assignment_id, content) VALUES ($1, $2::jsonb)
     ON CONFLICT (assignment_id) DO UPDATE SET content = EXCLUDED.content, updated_at = now()
     RETURNING updated_at AS "updatedAt"`,
    [assignmentId, JSON.stringify(content)],
  );
  return row.updatedAt;
}

/** A submitted score replaces the draft. */
export async function dropDraft(runner: SqlRunner, assignmentId: string): Promise<void> {
  await sqlRows(runner, `DELETE FROM review_score_drafts WHERE assignment_id = $1`, [assignmentId]);
}

export function scoreVersions(runner: SqlRunner, assignmentId: string): Promise<ScoreVersionRow[]> {
  return sqlRows<ScoreVersionRow>(
    runner,
    `SELECT version, items, total::float8 AS total, comment, recorded_at AS "recordedAt" FROM review_score_versions WHERE assignment_id = $1 ORDER BY version`,
    [assignmentId],
  );
}

/** The cycle's scored expert assignments, or one application's. */
export function expertScores(runner: SqlRunner, cycleId: string, applicationId: string | null): Promise<ExpertScoreRow[]> {
  return sqlRows<ExpertScoreRow>(
    runner,
    `SELECT ra.application_id AS "applicationId", ra.reviewer_id AS "reviewerId", rs.total::float8 AS total, rs.items
       FROM review_scores rs JOIN review_assignments ra ON ra.id = rs.assignment_id
      WHERE ra.cycle_id = $1 AND ra.stage = 'expert' AND ra.status = 'scored' AND ($2::uuid IS NULL OR ra.application_id = $2)`,
    [cycleId, applicationId],
  );
}

export async function upsertApplicationScore(
  manager: EntityManager,
  row: { applicationId: string; cycleId: string; rule: string; aggregated: number; resultsSubtotal: number; reviewerCount: number },
): Promise<void> {
  await sqlRows(
    manager,
    `INSERT INTO application_scores (application_id, cycle_id, rule, aggregated, results_subtotal, reviewer_count, computed_at)
     VALUES ($1, $2, $3, $4, $5, $6, now())
     ON CONFLICT (application_id) DO UPDATE SET rule = EXCLUDED.rule, aggregated = EXCLUDED.aggregated,
       results_subtotal = EXCLUDED.results_subtotal, reviewer_count = EXCLUDED.reviewer_count, computed_at = now()`,
    [row.applicationId, row.cycleId, row.rule, row.aggregated, row.resultsSubtotal, row.reviewerCount],
  );
}

export async function setOnsiteAdjustment(manager: EntityManager, applicationId: string, adjustment: number): Promise<void> {
  await sqlRows(manager, `UPDATE application_scores SET onsite_adjustment = $2 WHERE application_id = $1`, [applicationId, adjustment]);
}

/** Records a scored 答辩's 答辩得分; false when the application has no aggregate to add it to. */
export async function setDefenseScore(manager: EntityManager, applicationId: string, score: number): Promise<boolean> {
  const rows = await sqlRows<{ id: string }>(manager, `UPDATE application_scores SET defense_score = $2 WHERE application_id = $1 RETURNING application_id AS id`, [applicationId, score]);
  return rows.length > 0;
}
