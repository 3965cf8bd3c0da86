import { Injectable } from '@nestjs/common';
import { applicationSummaries, applicationSummariesInCycles, ApplicationsService, audienceOf, AttachmentsService, organizationNameFor, OrganizationsService, redactApplication } from '@awardflow/applications';
import { findAward, getAward, S } from '@awardflow/awards';
import { CycleSummary, cycleSummaries, CyclesService } from '@awardflow/cycles';
import { AuthUser, userNames } from '@awardflow/identity';
import { NotFoundError, Page, pageOf, pageWindow } from '@awardflow/platform';
import { instanceStates, WorkflowEngine } from '@awardflow/workflow';
import { DataSource } from 'typeorm';
import { dutyStageOf } from '../access/duty-stage';
import { dutiesOf } from '../access/reviewer-duties.repository';
import { votesOf } from '../panel/panel.repository';
import { scoreOf } from '../scoring/score.repository';
import { ascendingNullsLast } from '../sorting/ascending-nulls-last';
import { assignmentsOfApplication, liveAssignmentOf, liveAssignmentPageOfReviewer } from './assignment.repository';

const TASK_STAGE: Record<string, string> = { formal_review: '形式审查', preliminary_review: '初审', onsite_review: '现场评审', panel: '评审委员会表决' };
/** Tasks come stage by stage in the order an application meets them, so a page holds whole runs of a stage. */
const TASK_ORDER = Object.keys(TASK_STAGE);

/**
 * What a reviewer sees of an assigned application. What is hidden from whom is decided by the
 * applications context's redaction (a blind cycle: no organisation, its strings masked in the
 * form, materials under neutral names such as "材料3-自评报告.pdf").
 */
@Injectable()
export class ReviewerViewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cycles: CyclesService,
    private readonly applications: ApplicationsService,
    private readonly attachments: AttachmentsService,
    private readonly organizations: OrganizationsService,
    private readonly engine: WorkflowEngine,
  ) {}

  /** A page of the caller's live assignments by due date. */
  async myAssignments(reviewer: AuthUser, query: { page?: number; pageSize?: number } = {}) {
    const window = pageWindow(query);
    const { rows, total } = await liveAssignmentPageOfReviewer(this.dataSource, reviewer.id, window);
    const applications = byId(await applicationSummaries(this.dataSource, rows.map((r) => r.applicationId)));
    const cycles = byId(await cycleSummaries(this.dataSource, rows.map((r) => r.cycleId)));
    const now = Date.now();
    const items = rows.map((r) => {
      const application = applications.get(r.applicationId)!;
      const cycle = cycles.get(r.cycleId)!;
      return {
        id: r.id,
        applicationId: r.applicationId,
        stage: r.stage,
        status: r.status,
        dueAt: r.dueAt,
        overdue: r.status === 'assigned' && r.dueAt.getTime() < now,
        cycleTitle: cycle.title,
        awardName: awardName(cycle),
        receiptNumber: application.receiptNumber,
        organizationName: organizationNameFor(rowAudience(reviewer, application.organizationId, cycle), application.organizationName),
        total: r.total,
      };
    });
    return pageOf(items, total, window);
  }

  /**
   * Applications an expert may act on outside expert scoring: 形式审查 / 初审 / 现场评审 the
   * office named the expert for, and the 评审委员会 votes of cycles whose panel the expert sits on.
   * Which applications wait at a duty's stage is known only after reading their states, so the
   * list is built whole (an expert's duties are a few cycles) and the page cut from it.
   */
  async tasks(reviewer: AuthUser, query: { page?: number; pageSize?: number } = {}): Promise<Page<ReviewTaskView>> {
    const window = pageWindow(query);
    const duties = await dutiesOf(this.dataSource, reviewer.id);
    const cycles = byId(await cycleSummaries(this.dataSource, duties.map((d) => d.cycleId)));
    // Naming counts in the expert's own offices; a panel seat wherever it is.
    const live = duties.filter((d) => d.stage === 'panel' || reviewer.officeIds.includes(cycles.get(d.cycleId)!.officeId));
    const candidates = await applicationSummariesInCycles(this.dataSource, live.map((d) => d.cycleId));
    const states = await instanceStates(this.dataSource, candidates.map((a) => a.instanceId));
    const stageRank = (a: { instanceId: string }) => TASK_ORDER.indexOf(states.get(a.instanceId)!);
    const all = candidates
      .filter((a) => {
        const stage = dutyStageOf(states.get(a.instanceId));
        return live.some((d) => d.cycleId === a.cycleId && d.stage === stage && (d.applicationId === null || d.applicationId === a.id));
      })
      .sort((x, y) => stageRank(x) - stageRank(y) || ascendingNullsLast(x.submittedAt?.getTime(), y.submittedAt?.getTime()) || ascendingNullsLast(x.receiptNumber, y.receiptNumber) || (x.id < y.id ? -1 : 1));
    const tasks = all.slice(window.offset, window.offset + window.limit);
    const votes = new Map((await votesOf(this.dataSource, reviewer.id, tasks.map((a) => a.id))).map((v) => [v.applicationId, v.vote]));
    const items = tasks.map((a): ReviewTaskView => {
      const cycle = cycles.get(a.cycleId)!;
      const state = states.get(a.instanceId)!;
      return {
        applicationId: a.id,
        receiptNumber: a.receiptNumber,
        organizationName: organizationNameFor(rowAudience(reviewer, a.organizationId, cycle), a.organizationName),
        cycle: { id: cycle.id, title: cycle.title, awardName: awardName(cycle) },
        state,
        stage: TASK_STAGE[state],
        myVote: votes.get(a.id) ?? null,
      };
    });
    return pageOf(items, all.length, window);
  }

  /** Admin: an application's expert assignments, current and ended, for reassignment. */
  async assignmentsOf(applicationId: string, admin: AuthUser) {
    const all = await assignmentsOfApplication(this.dataSource, applicationId);
    const offices = new Map((await cycleSummaries(this.dataSource, all.map((r) => r.cycleId))).map((c) => [c.id, c.officeId]));
    const rows = all.filter((r) => admin.officeIds.includes(offices.get(r.cycleId)!));
    const names = new Map((await userNames(this.dataSource, rows.map((r) => r.reviewerId))).map((u) => [u.id, u.displayName]));
    return rows.map((r) => ({
      id: r.id,
      reviewerId: r.reviewerId,
      reviewerName: names.get(r.reviewerId),
      stage: r.stage,
      status: r.status,
      dueAt: r.dueAt,
      overdue: r.status === 'assigned' && r.dueAt.getTime() < Date.now(),
      scoredAt: r.scoredAt,
      total: r.total,
      assignedAt: r.createdAt,
    }));
  }

  async application(assignmentId: string, reviewer: AuthUser) {
    const a = await this.assignment(assignmentId, reviewer);
    const application = await this.applications.get(a.applicationId);
    const cycle = await this.cycles.get(a.cycleId);
    const instance = await this.engine.get(application.instanceId);
    const award = getAward(cycle.awardCode);
    const audience = audienceOf(reviewer, { application, cycle });
    const registered = await this.organizations.get(application.organizationId);
    const { organization, form } = redactApplication(audience, registered, application.form);
    const materials = await this.attachments.listRaw(a.applicationId);
    const score = await scoreOf(this.dataSource, assignmentId);
    return {
      assignmentId,
      applicationId: a.applicationId,
      receiptNumber: application.receiptNumber,
      cycle: { id: cycle.id, title: cycle.title, awardName: award.name, blindReview: cycle.blindReview },
      organization: organization && { name: organization.name, industry: registered.industry },
      industry: registered.industry,
      state: instance.state,
      stateLabel: instance.stateLabel,
      dueAt: a.dueAt,
      form,
      rubric: award.rubric,
      myScore: score ? { items: score.items, total: score.total, comment: score.comment, categories: score.feedback, updatedAt: score.updatedAt } : null,
      // Scores are accepted while the application is in 专家评审; after that the sheet is read-only.
      scoringOpen: instance.state === S.expertReview,
      materials: materials.map((m) => {
        const { n, documentType, documentLabel, name, mediaType, size } = this.attachments.toView(audience, materials, m, award.requiredDocuments);
        return { n, documentType, documentLabel, name, mediaType, size, url: `/reviews/assignments/${assignmentId}/attachments/${n}/content` };
      }),
    };
  }

  async material(assignmentId: string, n: number, reviewer: AuthUser) {
    const a = await this.assignment(assignmentId, reviewer);
    const [application] = await applicationSummaries(this.dataSource, [a.applicationId]);
    const cycle = await this.cycles.get(a.cycleId);
    const materials = await this.attachments.listRaw(a.applicationId);
    const m = materials[n - 1];
    if (!m) throw new NotFoundError('material', String(n));
    const { stream } = await this.attachments.openUnchecked(a.applicationId, m.id);
    const audience = audienceOf(reviewer, { application: { organizationId: application.organizationId }, cycle });
    const { name } = this.attachments.toView(audience, materials, m, getAward(cycle.awardCode).requiredDocuments);
    return { stream, mediaType: m.mediaType, size: m.size, name };
  }

  private async assignment(assignmentId: string, reviewer: AuthUser) {
    const a = await liveAssignmentOf(this.dataSource, assignmentId, reviewer.id);
    if (!a) throw new NotFoundError('assignment', assignmentId);
    return a;
  }
}

/** One row of 待办. */
export interface ReviewTaskView {
  applicationId: string;
  receiptNumber: string | null;
  organizationName: string | undefined;
  cycle: { id: string; title: string; awardName: string };
  state: string;
  stage: string;
  myVote: 'approve' | 'reject' | 'abstain' | null;
}

function byId<T extends { id: string }>(rows: T[]): Map<string, T> {
  return new Map(rows.map((r) => [r.id, r]));
}

function awardName(cycle: Pick<CycleSummary, 'awardCode'>): string {
  return findAward(cycle.awardCode)?.name ?? cycle.awardCode;
}

/** The reader's audience for one row of a list that spans cycles (tasks, assignments). */
function rowAudience(reader: AuthUser, organizationId: string, cycle: Pick<CycleSummary, 'officeId' | 'blindReview'>) {
  return audienceOf(reader, { application: { organizationId }, cycle });
}
