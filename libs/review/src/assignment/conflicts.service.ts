import { Injectable } from '@nestjs/common';
import { AuditAction, AuditEntityType, AuditLog } from '@awardflow/audit';
import { S } from '@awardflow/awards';
import { CyclesService } from '@awardflow/cycles';
import { AuthUser, Role } from '@awardflow/identity';
import { ConflictError, DomainError, ErrorCode, FieldValidationError, NotFoundError } from '@awardflow/platform';
import { Outbox } from '@awardflow/workflow';
import { DataSource, EntityManager } from 'typeorm';
import { AssignmentService } from './assignment.service';
import { officeName, outsideOffice } from '../pool/office-members';

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
      const [a] = await m.query(
        `SELECT ra.*, ap.organization_id, ap.instance_id FROM review_assignments ra JOIN applications ap ON ap.id = ra.application_id
          WHERE ra.id = $1 AND ra.reviewer_id = $2 FOR UPDATE OF ra`,
        [assignmentId, reviewer.id],
      );
      if (!a) throw new NotFoundError('assignment', assignmentId);
      if (a.status !== 'assigned') throw new DomainError(ErrorCode.AssignmentClosed, { assignmentStatus: a.status });
      await m.query(`UPDATE review_assignments SET status = 'conflict' WHERE id = $1`, [assignmentId]);
      await m.query(`INSERT INTO review_conflicts (reviewer_id, organization_id, reason) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [reviewer.id, a.organization_id, reason]);
      await this.assignments.closeDeadlines(m, assignmentId);
      await this.outbox.append(m, 'reviewer_replacement_needed', { applicationId: a.application_id }, a.instance_id);
    });
    return { replaced: true };
  }

  /** Admin: end an assignment and give it to a named reviewer, or let the rules choose one. */
  async reassign(assignmentId: string, reviewerId: string | undefined, admin: AuthUser) {
    const result = await this.dataSource.transaction(async (m) => {
      const [a] = await m.query(
        `SELECT ra.*, c.office_id, ap.instance_id, ap.organization_id, o.uscc FROM review_assignments ra JOIN cycles c ON c.id = ra.cycle_id
           JOIN applications ap ON ap.id = ra.application_id JOIN organizations o ON o.id = ap.organization_id
          WHERE ra.id = $1 FOR UPDATE OF ra`,
        [assignmentId],
      );
      if (!a || !admin.officeIds.includes(a.office_id)) throw new NotFoundError('assignment', assignmentId);
      if (a.status !== 'assigned') throw new DomainError(ErrorCode.AssignmentClosed, { assignmentStatus: a.status });
      await m.query(`UPDATE review_assignments SET status = 'replaced' WHERE id = $1`, [assignmentId]);
      await this.audit.record({ action: AuditAction.ReviewerReassigned, entityType: AuditEntityType.ReviewAssignment, entityId: assignmentId, officeIds: [a.office_id], before: { status: a.status }, after: { status: 'replaced' }, details: { applicationId: a.application_id, reviewerId: a.reviewer_id, replacementReviewerId: reviewerId ?? null } }, m);
      await this.assignments.closeDeadlines(m, assignmentId);
      if (!reviewerId) {
        await this.outbox.append(m, 'reviewer_replacement_needed', { applicationId: a.application_id }, a.instance_id);
        return { assignmentId: null };
      }
      await this.assignments.lockPool(m, a.office_id);
      await this.checkCandidate(m, reviewerId, a);
      const id = await this.assignments.assign(m, { id: a.application_id, instance_id: a.instance_id, cycle_id: a.cycle_id }, await this.cycles.get(a.cycle_id), reviewerId, admin.id);
      return { assignmentId: id };
    });
    return result;
  }

  /** Admin: add an expert to an application (a named one, or let the rules choose), e.g. after a flag. */
  async assignByHand(applicationId: string, reviewerId: string | undefined, admin: AuthUser) {
    const result = await this.dataSource.transaction(async (m) => {
      const [a] = await m.query(
        `SELECT ap.id AS application_id, ap.instance_id, ap.cycle_id, ap.organization_id, o.uscc, c.office_id, i.state
           FROM applications ap JOIN cycles c ON c.id = ap.cycle_id JOIN organizations o ON o.id = ap.organization_id
           JOIN workflow_instances i ON i.id = ap.instance_id WHERE ap.id = $1 FOR UPDATE OF ap`,
        [applicationId],
      );
      if (!a || !admin.officeIds.includes(a.office_id)) throw new NotFoundError('application', applicationId);
      if (a.state !== S.expertReview) throw new DomainError(ErrorCode.NotInExpertReview, undefined, { currentState: a.state });
      await this.audit.record({ action: AuditAction.ReviewerAssigned, entityType: AuditEntityType.Application, entityId: applicationId, officeIds: [a.office_id], details: { reviewerId: reviewerId ?? null } }, m);
      if (!reviewerId) return null;
      await this.assignments.lockPool(m, a.office_id);
      await this.checkCandidate(m, reviewerId, a);
      await m.query(`UPDATE review_flags SET resolved_at = now() WHERE application_id = $1 AND resolved_at IS NULL`, [applicationId]);
      return this.assignments.assign(m, { id: a.application_id, instance_id: a.instance_id, cycle_id: a.cycle_id }, await this.cycles.get(a.cycle_id), reviewerId, admin.id);
    });
    if (result) return { assigned: [reviewerId!], flagged: null };
    return this.assignments.topUp(applicationId, admin.id);
  }

  /** Applications the rules could not staff, for the office to act on. */
  async openFlags(admin: AuthUser) {
    const rows = await this.dataSource.query(
      `SELECT f.id, f.application_id, f.reason, f.created_at, a.receipt_number, o.name AS organization_name, c.id AS cycle_id, c.title AS cycle_title
         FROM review_flags f JOIN applications a ON a.id = f.application_id JOIN cycles c ON c.id = a.cycle_id JOIN organizations o ON o.id = a.organization_id
        WHERE f.resolved_at IS NULL AND c.office_id = ANY($1::uuid[]) ORDER BY f.created_at`,
      [admin.officeIds],
    );
    return rows.map((r: Record<string, unknown>) => ({
      id: r.id,
      applicationId: r.application_id,
      reason: r.reason,
      createdAt: r.created_at,
      receiptNumber: r.receipt_number,
      organizationName: r.organization_name,
      cycle: { id: r.cycle_id, title: r.cycle_title },
    }));
  }

  /** A hand-picked expert still obeys the rules: of the cycle's office, in the pool, not tied, not conflicted, not already on it. */
  private async checkCandidate(m: EntityManager, reviewerId: string, a: { application_id: string; organization_id: string; uscc: string; office_id: string }): Promise<void> {
    if ((await outsideOffice(m, [reviewerId], a.office_id, [Role.Reviewer])).length) {
      throw new FieldValidationError([{ field: 'reviewerId', messages: [`须为本届评奖办公室（${await officeName(m, a.office_id)}）在职的评审专家`] }]);
    }
    const [candidate] = await m.query(
      `SELECT r.ties, EXISTS (SELECT 1 FROM review_conflicts rc WHERE rc.reviewer_id = r.user_id AND rc.organization_id = $2) AS conflicted,
              EXISTS (SELECT 1 FROM review_assignments x WHERE x.application_id = $3 AND x.reviewer_id = r.user_id AND x.status IN ('assigned', 'scored')) AS already
         FROM reviewers r WHERE r.user_id = $1 AND r.active`,
      [reviewerId, a.organization_id, a.application_id],
    );
    const problem = !candidate ? '不在评审专家库中或已停用' : candidate.ties.includes(a.uscc) ? '与申报单位存在关联关系，须回避' : candidate.conflicted ? '已声明与申报单位存在利益冲突' : candidate.already ? '已在评审该申报' : null;
    if (problem) throw new FieldValidationError([{ field: 'reviewerId', messages: [`该专家${problem}`] }]);
  }
}
