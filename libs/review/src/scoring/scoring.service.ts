import { Injectable } from '@nestjs/common';
import { AuditAction, AuditEntityType, AuditLog } from '@awardflow/audit';
import { getAward, rubricItems, S, validateScores } from '@awardflow/awards';
import { Cycle, CyclesService } from '@awardflow/cycles';
import { AuthUser } from '@awardflow/identity';
import { DomainError, ErrorCode, FieldValidationError, NotFoundError } from '@awardflow/platform';
import { A } from '@awardflow/awards';
import { Outbox, WorkflowEngine } from '@awardflow/workflow';
import { DataSource, EntityManager } from 'typeorm';
import { AssignmentService } from '../assignment/assignment.service';
import { aggregate, mean, ReviewerScore, zScoreNormalise } from './aggregate';
import { ScoreVersionDto } from './score-version.dto';

export interface ScoreInput {
  items: Array<{ criterion: string; score: number }>;
  comment: string;
}

const SYSTEM = { id: null, role: 'system' };

@Injectable()
export class ScoringService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cycles: CyclesService,
    private readonly assignments: AssignmentService,
    private readonly engine: WorkflowEngine,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
  ) {}

  /** Scores (or re-scores, until the stage closes) one assignment; the last score closes the stage. */
  async score(assignmentId: string, input: ScoreInput, reviewer: AuthUser) {
    const result = await this.dataSource.transaction(async (m) => {
      const [a] = await m.query(
        `SELECT ra.*, i.state, ap.instance_id FROM review_assignments ra JOIN applications ap ON ap.id = ra.application_id
           JOIN workflow_instances i ON i.id = ap.instance_id WHERE ra.id = $1 AND ra.reviewer_id = $2 FOR UPDATE OF ra`,
        [assignmentId, reviewer.id],
      );
      if (!a || (a.status !== 'assigned' && a.status !== 'scored')) throw new NotFoundError('assignment', assignmentId);
      if (a.state !== S.expertReview) throw new DomainError(ErrorCode.ScoringClosed);
      const cycle = await this.cycles.get(a.cycle_id);
      const rubric = getAward(cycle.awardCode).rubric;
      const errors = validateScores(rubric, input.items);
      if (errors.length) throw new FieldValidationError(errors);
      const total = Math.round(input.items.reduce((s, i) => s + i.score, 0) * 10) / 10;
      const [previous] = await m.query(`SELECT items, total, comment FROM review_scores WHERE assignment_id = $1`, [assignmentId]);
      await m.query(
        `INSERT INTO review_scores (assignment_id, items, total, comment) VALUES ($1, $2::jsonb, $3, $4)
         ON CONFLICT (assignment_id) DO UPDATE SET items = EXCLUDED.items, total = EXCLUDED.total, comment = EXCLUDED.comment, updated_at = now()`,
        [assignmentId, JSON.stringify(input.items), total, input.comment],
      );
      // Every version is kept by the database (review_score_versions); an overwrite is also an audited act.
      if (previous) await this.audit.record({ action: AuditAction.ScoreOverwritten, entityType: AuditEntityType.ReviewAssignment, entityId: assignmentId, officeIds: [cycle.officeId], before: scoreFields(previous), after: scoreFields({ items: input.items, total, comment: input.comment }) }, m);
      await m.query(`UPDATE review_assignments SET status = 'scored', scored_at = coalesce(scored_at, now()) WHERE id = $1`, [assignmentId]);
      await this.assignments.closeDeadlines(m, assignmentId);
      const [{ open, scored }] = await m.query(
        `SELECT count(*) FILTER (WHERE status = 'assigned')::int AS open, count(*) FILTER (WHERE status = 'scored')::int AS scored
           FROM review_assignments WHERE application_id = $1 AND stage = 'expert'`,
        [a.application_id],
      );
      const complete = open === 0 && scored >= cycle.reviewersPerApplication;
      if (complete) await this.outbox.append(m, 'expert_review_completed', { applicationId: a.application_id }, a.instance_id);
      return { assignmentId, total, stageComplete: complete };
    });
    return result;
  }

  /** Every version of an assignment's score, oldest first, for the office of its cycle (the last is current). */
  async versions(assignmentId: string, admin: AuthUser): Promise<ScoreVersionDto[]> {
    const [assignment] = await this.dataSource.query(
      `SELECT ra.id FROM review_assignments ra JOIN cycles c ON c.id = ra.cycle_id WHERE ra.id = $1 AND c.office_id = ANY($2::uuid[])`,
      [assignmentId, admin.officeIds],
    );
    if (!assignment) throw new NotFoundError('assignment', assignmentId);
    const rows = await this.dataSource.query(
      `SELECT version, items, total, comment, recorded_at FROM review_score_versions WHERE assignment_id = $1 ORDER BY version`,
      [assignmentId],
    );
    return rows.map((r: Record<string, unknown>, i: number) => ({
      version: r.version as number,
      items: r.items as ScoreVersionDto['items'],
      total: Number(r.total),
      comment: r.comment as string,
      recordedAt: r.recorded_at as Date,
      current: i === rows.length - 1,
    }));
  }

  /** Aggregates an application's expert scores and moves it on (run by the worker; idempotent). */
  async completeExpertStage(applicationId: string): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      const [app] = await m.query(`SELECT a.id, a.cycle_id, a.instance_id FROM applications a WHERE a.id = $1 FOR UPDATE`, [applicationId]);
      if (!app) return false;
      const instance = await this.engine.get(app.instance_id, m);
      if (instance.state !== S.expertReview) return false;
      const cycle = await this.cycles.get(app.cycle_id);
      const aggregated = await this.recompute(m, cycle, applicationId);
      if (aggregated === null) return false;
      await this.engine.fire({ instanceId: app.instance_id, action: A.finishExpertReview, actor: SYSTEM, instance, contextPatch: { expertScore: aggregated }, manager: m });
      return true;
    });
  }

  /** Recomputes application_scores of the cycle (all of them for z-scores); returns this application's. */
  async recompute(m: EntityManager, cycle: Cycle, applicationId?: string): Promise<number | null> {
    const rows: Array<{ application_id: string; reviewer_id: string; total: string; items: Array<{ criterion: string; score: number }> }> = await m.query(
      `SELECT ra.application_id, ra.reviewer_id, rs.total, rs.items FROM review_scores rs JOIN review_assignments ra ON ra.id = rs.assignment_id
        WHERE ra.cycle_id = $1 AND ra.stage = 'expert' AND ra.status = 'scored' AND ($2::uuid IS NULL OR ra.application_id = $2)`,
      // z-scores compare every expert across the cycle; the other rules need this application only.
      [cycle.id, cycle.scoreAggregation === 'zscore' ? null : (applicationId ?? null)],
    );
    const rubric = getAward(cycle.awardCode).rubric;
    const results = new Set(rubricItems(rubric).filter((i) => i.criterion.startsWith('4.7')).map((i) => i.criterion));
    const byApp = new Map<string, typeof rows>();
    for (const r of rows) byApp.set(r.application_id, [...(byApp.get(r.application_id) ?? []), r]);
    const scores: ReviewerScore[] = rows.map((r) => ({ applicationId: r.application_id, reviewerId: r.reviewer_id, total: Number(r.total) }));
    const z = cycle.scoreAggregation === 'zscore' ? zScoreNormalise(scores) : null;
    let mine: number | null = null;
    for (const [appId, appRows] of byApp) {
      const totals = appRows.map((r) => Number(r.total));
      const value = z ? z.get(appId)! : aggregate(cycle.scoreAggregation as 'trimmed_mean' | 'mean' | 'median', totals);
      const resultsSubtotal = Math.round(mean(appRows.map((r) => r.items.filter((i) => results.has(i.criterion)).reduce((s, i) => s + i.score, 0))) * 100) / 100;
      await m.query(
        `INSERT INTO application_scores (application_id, cycle_id, rule, aggregated, results_subtotal, reviewer_count, computed_at)
         VALUES ($1, $2, $3, $4, $5, $6, now())
         ON CONFLICT (application_id) DO UPDATE SET rule = EXCLUDED.rule, aggregated = EXCLUDED.aggregated,
           results_subtotal = EXCLUDED.results_subtotal, reviewer_count = EXCLUDED.reviewer_count, computed_at = now()`,
        [appId, cycle.id, cycle.scoreAggregation, value, resultsSubtotal, totals.length],
      );
      if (appId === applicationId) mine = value;
    }
    return mine;
  }
}

/** A score as the audit compares it: one field per rubric item, so a diff names the items that moved. */
function scoreFields(score: { items: Array<{ criterion: string; score: number }>; total: number | string; comment: string }) {
  return { total: Number(score.total), comment: score.comment, ...Object.fromEntries(score.items.map((i) => [`item ${i.criterion}`, i.score])) };
}
