import { Injectable } from '@nestjs/common';
import { AuditAction, AuditEntityType, AuditLog } from '@awardflow/audit';
import { getAward, rubricItems, S, validateFeedback, validateScores } from '@awardflow/awards';
import { applicationSummaries, lockApplication } from '@awardflow/applications';
import { Cycle, CyclesService } from '@awardflow/cycles';
import { AuthUser } from '@awardflow/identity';
import { DomainError, ErrorCode, FieldValidationError, NotFoundError } from '@awardflow/platform';
import { A } from '@awardflow/awards';
import { instanceStates, Outbox, WorkflowEngine } from '@awardflow/workflow';
import { DataSource, EntityManager } from 'typeorm';
import { assignmentById, AssignmentRow, expertCounts, liveAssignmentOf, lockAssignment, markScored } from '../assignment/assignment.repository';
import { AssignmentService } from '../assignment/assignment.service';
import { aggregate, mean, ReviewerScore, zScoreNormalise } from './aggregate';
import { CategoryFeedback, draftOf, DraftContent, dropDraft, expertScores, saveDraft, scoreOf, ScoreItem, scoreVersions, upsertApplicationScore, upsertScore } from './score.repository';
import { ScoreVersionDto } from './score-version.dto';

export interface ScoreInput {
  items: ScoreItem[];
  comment: string;
  categories?: CategoryFeedback[];
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
      const a = await lockAssignment(m, assignmentId, reviewer.id);
      if (!a || (a.status !== 'assigned' && a.status !== 'scored')) throw new NotFoundError('assignment', assignmentId);
      const [{ instanceId }] = await applicationSummaries(m, [a.applicationId]);
      if ((await instanceStates(m, [instanceId])).get(instanceId) !== S.expertReview) throw new DomainError(ErrorCode.ScoringClosed);
      const cycle = await this.cycles.get(a.cycleId);
      const rubric = getAward(cycle.awardCode).rubric;
      const feedback = keptFeedback(input.categories ?? []);
      const errors = [...validateScores(rubric, input.items), ...validateFeedback(rubric, feedback)];
      if (errors.length) throw new FieldValidationError(errors);
      const total = Math.round(input.items.reduce((s, i) => s + i.score, 0) * 10) / 10;
      const previous = await scoreOf(m, assignmentId);
      const score = { items: input.items.map((i) => ({ criterion: i.criterion, score: i.score })), total, comment: input.comment, feedback };
      await upsertScore(m, assignmentId, score);
      // Every version is kept by the database (review_score_versions); an overwrite is also an audited act.
      if (previous) await this.audit.record({ action: AuditAction.ScoreOverwritten, entityType: AuditEntityType.ReviewAssignment, entityId: assignmentId, officeIds: [cycle.officeId], before: scoreFields(previous), after: scoreFields(score) }, m);
      await dropDraft(m, assignmentId);
      await markScored(m, assignmentId);
      await this.assignments.closeDeadlines(m, assignmentId);
      const { open, scored } = await expertCounts(m, a.applicationId);
      const complete = open === 0 && scored >= cycle.reviewersPerApplication;
      if (complete) await this.outbox.append(m, 'expert_review_completed', { applicationId: a.applicationId }, instanceId);
      return { assignmentId, total, stageComplete: complete };
    });
    return result;
  }

  /** The expert's own draft of an assignment (null when none), and whether scores are still accepted. */
  async draft(assignmentId: string, reviewer: AuthUser) {
    const a = await liveAssignmentOf(this.dataSource, assignmentId, reviewer.id);
    if (!a) throw new NotFoundError('assignment', assignmentId);
    const row = await draftOf(this.dataSource, assignmentId);
    return { draft: row?.content ?? null, updatedAt: row?.updatedAt ?? null, open: await scoringOpen(this.dataSource.manager, a) };
  }

  /**
   * Keeps the expert's half-filled sheet on the server (replacing the previous draft) while the stage
   * is open. Scores typed so far are checked as a submission would be (an item over its maximum is
   * refused, naming it), items not yet scored may be missing.
   */
  async saveDraft(assignmentId: string, input: DraftContent, reviewer: AuthUser) {
    return this.dataSource.transaction(async (m) => {
      const a = await lockAssignment(m, assignmentId, reviewer.id);
      if (!a || (a.status !== 'assigned' && a.status !== 'scored')) throw new NotFoundError('assignment', assignmentId);
      if (!(await scoringOpen(m, a))) throw new DomainError(ErrorCode.ScoringClosed);
      const rubric = getAward((await this.cycles.get(a.cycleId)).awardCode).rubric;
      const scored = input.items.filter((i) => i.score !== undefined && i.score !== null).map((i) => ({ criterion: i.criterion, score: i.score as number }));
      const feedback = keptFeedback(input.categories ?? []);
      const errors = [...validateScores(rubric, scored, { partial: true }), ...validateFeedback(rubric, feedback)];
      const known = new Set(rubricItems(rubric).map((i) => i.criterion));
      for (const i of input.items) if (i.score === undefined && !known.has(i.criterion)) errors.push({ field: `items[${i.criterion}]`, messages: [`${i.criterion} 不是${rubric.label}中的评分项`] });
      if (errors.length) throw new FieldValidationError(errors);
      const content: DraftContent = {
        items: input.items.map((i) => ({ criterion: i.criterion, ...(i.score !== undefined && i.score !== null ? { score: i.score } : {}), ...(i.band !== undefined && i.band !== null ? { band: i.band } : {}) })),
        comment: input.comment ?? '',
        categories: feedback,
      };
      return { updatedAt: await saveDraft(m, assignmentId, content) };
    });
  }

  /** Every version of an assignment's score, oldest first, for the office of its cycle (the last is current). */
  async versions(assignmentId: string, admin: AuthUser): Promise<ScoreVersionDto[]> {
    const assignment = await assignmentById(this.dataSource, assignmentId);
    if (!assignment || !admin.officeIds.includes((await this.cycles.get(assignment.cycleId)).officeId)) throw new NotFoundError('assignment', assignmentId);
    const rows = await scoreVersions(this.dataSource, assignmentId);
    return rows.map((r, i) => ({ ...r, current: i === rows.length - 1 }));
  }

  /** Aggregates an application's expert scores and moves it on (run by the worker; idempotent). */
  async completeExpertStage(applicationId: string): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      const app = await lockApplication(m, applicationId);
      if (!app) return false;
      const instance = await this.engine.get(app.instanceId, m);
      if (instance.state !== S.expertReview) return false;
      const cycle = await this.cycles.get(app.cycleId);
      const aggregated = await this.recompute(m, cycle, applicationId);
      if (aggregated === null) return false;
      await this.engine.fire({ instanceId: app.instanceId, action: A.finishExpertReview, actor: SYSTEM, instance, contextPatch: { expertScore: aggregated }, manager: m });
      return true;
    });
  }

  /** Recomputes application_scores of the cycle (all of them for z-scores); returns this application's. */
  async recompute(m: EntityManager, cycle: Cycle, applicationId?: string): Promise<number | null> {
    // z-scores compare every expert across the cycle; the other rules need this application only.
    const rows = await expertScores(m, cycle.id, cycle.scoreAggregation === 'zscore' ? null : (applicationId ?? null));
    const rubric = getAward(cycle.awardCode).rubric;
    const results = new Set(rubricItems(rubric).filter((i) => i.criterion.startsWith('4.7')).map((i) => i.criterion));
    const byApp = new Map<string, typeof rows>();
    for (const r of rows) byApp.set(r.applicationId, [...(byApp.get(r.applicationId) ?? []), r]);
    const scores: ReviewerScore[] = rows.map((r) => ({ applicationId: r.applicationId, reviewerId: r.reviewerId, total: r.total }));
    const z = cycle.scoreAggregation === 'zscore' ? zScoreNormalise(scores) : null;
    let mine: number | null = null;
    for (const [appId, appRows] of byApp) {
      const totals = appRows.map((r) => r.total);
      const value = z ? z.get(appId)! : aggregate(cycle.scoreAggregation as 'trimmed_mean' | 'mean' | 'median', totals);
      const resultsSubtotal = Math.round(mean(appRows.map((r) => r.items.filter((i) => results.has(i.criterion)).reduce((s, i) => s + i.score, 0))) * 100) / 100;
      await upsertApplicationScore(m, { applicationId: appId, cycleId: cycle.id, rule: cycle.scoreAggregation, aggregated: value, resultsSubtotal, reviewerCount: totals.length });
      if (appId === applicationId) mine = value;
    }
    return mine;
  }
}

/** Scores are accepted while the application is in 专家评审 and the assignment is live. */
async function scoringOpen(m: EntityManager, a: AssignmentRow): Promise<boolean> {
  if (a.status !== 'assigned' && a.status !== 'scored') return false;
  const [{ instanceId }] = await applicationSummaries(m, [a.applicationId]);
  return (await instanceStates(m, [instanceId])).get(instanceId) === S.expertReview;
}

/** The categories' texts as kept: trimmed, blank ones left out, categories with neither dropped. */
function keptFeedback(categories: CategoryFeedback[]): CategoryFeedback[] {
  return categories
    .map((c) => ({ category: c.category, ...(c.strengths?.trim() ? { strengths: c.strengths.trim() } : {}), ...(c.opportunities?.trim() ? { opportunities: c.opportunities.trim() } : {}) }))
    .filter((c) => c.strengths !== undefined || c.opportunities !== undefined);
}

/** A score as the audit compares it: one field per rubric item, so a diff names the items that moved. */
function scoreFields(score: { items: ScoreItem[]; total: number; comment: string; feedback?: CategoryFeedback[] }) {
  return {
    total: score.total,
    comment: score.comment,
    ...Object.fromEntries(score.items.map((i) => [`item ${i.criterion}`, i.score])),
    // 优势 / 改进机会 per category (review_score_versions keeps items, total and comment only).
    ...Object.fromEntries((score.feedback ?? []).flatMap((f) => [[`strengths ${f.category}`, f.strengths ?? ''], [`opportunities ${f.category}`, f.opportunities ?? '']])),
  };
}
