import { Injectable } from '@nestjs/common';
import { AuditAction, AuditEntityType, AuditLog } from '@awardflow/audit';
import { applicationSummaries, ApplicationSummary, lockApplication } from '@awardflow/applications';
import { S } from '@awardflow/awards';
import { Cycle, cycleSummaries, CyclesService } from '@awardflow/cycles';
import { AuthUser, Role, usersOutsideOffice } from '@awardflow/identity';
import { DomainError, ErrorCode, FieldValidationError, NotFoundError, Page, pageOf, pageWindow } from '@awardflow/platform';
import { instanceStates, Outbox } from '@awardflow/workflow';
import { DataSource, EntityManager } from 'typeorm';
import { officeLabel } from '../pool/office-label';
import { candidateStanding, lockAssignment, lockPool, openFlags, recordConflict, resolveFlags, setAssignmentStatus } from './assignment.repository';
import { AssignmentService } from './assignment.service';

export interface ReviewFlagView {
  id: string;
  applicationId: string;
  reason: string;
  createdAt: Date;
  receiptNumber: string | null;
  organizationName: string;
  cycle: { id: string; title: string };
}

/** A reviewer's conflict of interest, and an admin's reassignment: both end the assignment and top up. */
@Injectable()
export class ConflictsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assignments: AssignmentService,
    private readonly outbox: Outbox,
    private readonly cycles: CyclesService,
    private readonly audit: AuditLog,
  ) {}

  async declare(assignmentId: string, reason: string, reviewer: AuthUser): Promise<{ replaced: true }> {
    await this.dataSource.transaction(async (m) => {
      const a = await lockAssignment(m, assignmentId, reviewer.id);
      if (!a) throw new NotFoundError('assignment', assignmentId);
      if (a.status !== 'assigned') throw new DomainError(ErrorCode.AssignmentClosed, { assignmentStatus: a.status });
      const [application] = await applicationSummaries(m, [a.applicationId]);
      await setAssignmentStatus(m, assignmentId, 'conflict');
      await recordConflict(m, reviewer.id, application.organizationId, reason);
      await this.assignments.closeDeadlines(m, assignmentId);
      await this.outbox.append(m, 'reviewer_replacement_needed', { applicationId: a.applicationId }, application.instanceId);
    });
    return { replaced: true };
  }

  /** Admin: end an assignment and give it to a named reviewer, or let the rules choose one. */
  async reassign(assignmentId: string, reviewerId: string | undefined, admin: AuthUser) {
    const result = await this.dataSource.transaction(async (m) => {
      const a = await lockAssignment(m, assignmentId);
      const cycle = a && (await this.cycles.get(a.cycleId));
      if (!a || !cycle || !admin.officeIds.includes(cycle.officeId)) throw new NotFoundError('assignment', assignmentId);
      if (a.status !== 'assigned') throw new DomainError(ErrorCode.AssignmentClosed, { assignmentStatus: a.status });
      const [application] = await applicationSummaries(m, [a.applicationId]);
      await setAssignmentStatus(m, assignmentId, 'replaced');
      await this.audit.record({ action: AuditAction.ReviewerReassigned, entityType: AuditEntityType.ReviewAssignment, entityId: assignmentId, officeIds: [cycle.officeId], before: { status: a.status }, after: { status: 'replaced' }, details: { applicationId: a.applicationId, reviewerId: a.reviewerId, replacementReviewerId: reviewerId ?? null } }, m);
      await this.assignments.closeDeadlines(m, assignmentId);
      if (!reviewerId) {
        await this.outbox.append(m, 'reviewer_replacement_needed', { applicationId: a.applicationId }, application.instanceId);
        return { assignmentId: null };
      }
      await lockPool(m, cycle.officeId);
      await this.checkCandidate(m, reviewerId, application, cycle);
      const id = await this.assignments.assign(m, application, cycle, reviewerId, admin.id);
      return { assignmentId: id };
    });
    return result;
  }

  /** Admin: add an expert to an application (a named one, or let the rules choose), e.g. after a flag. */
  async assignByHand(applicationId: string, reviewerId: string | undefined, admin: AuthUser) {
    const result = await this.dataSource.transaction(async (m) => {
      const application = await lockApplication(m, applicationId);
      const cycle = application && (await this.cycles.get(application.cycleId));
      if (!application || !cycle || !admin.officeIds.includes(cycle.officeId)) throw new NotFoundError('application', applicationId);
      const state = (await instanceStates(m, [application.instanceId])).get(application.instanceId);
      if (state !== S.expertReview) throw new DomainError(ErrorCode.NotInExpertReview, undefined, { currentState: state });
      await this.audit.record({ action: AuditAction.ReviewerAssigned, entityType: AuditEntityType.Application, entityId: applicationId, officeIds: [cycle.officeId], details: { reviewerId: reviewerId ?? null } }, m);
      if (!reviewerId) return null;
      await lockPool(m, cycle.officeId);
      await this.checkCandidate(m, reviewerId, application, cycle);
      await resolveFlags(m, applicationId);
      return this.assignments.assign(m, application, cycle, reviewerId, admin.id);
    });
    if (result) return { assigned: [reviewerId!], flagged: null };
    return this.assignments.topUp(applicationId, admin.id);
  }

  /** Applications the rules could not staff, for the office to act on. */
  /**
   * A page of the open flags of the admin's offices, oldest first. Open flags are few (each is an
   * application the pool could not staff, until an admin resolves it), so they are read whole and
   * filtered by office before the page is cut.
   */
  async openFlags(admin: AuthUser, query: { page?: number; pageSize?: number } = {}): Promise<Page<ReviewFlagView>> {
    const window = pageWindow(query);
    const mine = await this.openFlagsOf(admin);
    return pageOf(mine.slice(window.offset, window.offset + window.limit), mine.length, window);
  }

  private async openFlagsOf(admin: AuthUser): Promise<ReviewFlagView[]> {
    const flags = await openFlags(this.dataSource);
    const applications = new Map((await applicationSummaries(this.dataSource, flags.map((f) => f.applicationId))).map((a) => [a.id, a]));
    const cycles = new Map((await cycleSummaries(this.dataSource, [...applications.values()].map((a) => a.cycleId))).map((c) => [c.id, c]));
    return flags.flatMap((f) => {
      const application = applications.get(f.applicationId)!;
      const cycle = cycles.get(application.cycleId)!;
      if (!admin.officeIds.includes(cycle.officeId)) return [];
      return [{ id: f.id, applicationId: f.applicationId, reason: f.reason, createdAt: f.createdAt, receiptNumber: application.receiptNumber, organizationName: application.organizationName, cycle: { id: cycle.id, title: cycle.title } }];
    });
  }

  /** A hand-picked expert still obeys the rules: of the cycle's office, in the pool, not tied, not conflicted, not already on it. */
  private async checkCandidate(m: EntityManager, reviewerId: string, application: ApplicationSummary, cycle: Pick<Cycle, 'officeId'>): Promise<void> {
    if ((await usersOutsideOffice(m, [reviewerId], cycle.officeId, [Role.Reviewer])).length) {
      throw new FieldValidationError([{ field: 'reviewerId', messages: [`须为本届评奖办公室（${await officeLabel(m, cycle.officeId)}）在职的评审专家`] }]);
    }
    const candidate = await candidateStanding(m, reviewerId, application.organizationId, application.id);
    const problem = !candidate ? '不在评审专家库中或已停用' : candidate.ties.includes(application.organizationUscc) ? '与申报单位存在关联关系，须回避' : candidate.conflicted ? '已声明与申报单位存在利益冲突' : candidate.already ? '已在评审该申报' : null;
    if (problem) throw new FieldValidationError([{ field: 'reviewerId', messages: [`该专家${problem}`] }]);
  }
}
