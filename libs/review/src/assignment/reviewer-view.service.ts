import { Injectable } from '@nestjs/common';
import { audienceOf, AttachmentsService, organizationNameFor, OrganizationsService, redactApplication } from '@awardflow/applications';
import { findAward, getAward, stateListSql } from '@awardflow/awards';
import { CyclesService } from '@awardflow/cycles';
import { AuthUser } from '@awardflow/identity';
import { NotFoundError } from '@awardflow/platform';
import { WorkflowEngine } from '@awardflow/workflow';
import { DataSource } from 'typeorm';

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
    private readonly attachments: AttachmentsService,
    private readonly organizations: OrganizationsService,
    private readonly engine: WorkflowEngine,
  ) {}

  async myAssignments(reviewer: AuthUser) {
    const rows = await this.dataSource.query(
      `SELECT ra.id, ra.application_id, ra.stage, ra.status, ra.due_at, ra.created_at, c.title AS cycle_title, c.award_code, c.blind_review, c.office_id,
              a.receipt_number, a.organization_id, o.name AS organization_name, rs.total
         FROM review_assignments ra JOIN applications a ON a.id = ra.application_id JOIN cycles c ON c.id = ra.cycle_id
         JOIN organizations o ON o.id = a.organization_id LEFT JOIN review_scores rs ON rs.assignment_id = ra.id
        WHERE ra.reviewer_id = $1 AND ra.status IN ('assigned', 'scored') ORDER BY ra.due_at`,
      [reviewer.id],
    );
    const now = Date.now();
    return rows.map((r: Record<string, unknown>) => ({
      id: r.id,
      applicationId: r.application_id,
      stage: r.stage,
      status: r.status,
      dueAt: r.due_at,
      overdue: r.status === 'assigned' && new Date(r.due_at as string).getTime() < now,
      cycleTitle: r.cycle_title,
      awardName: findAward(r.award_code as string)?.name ?? r.award_code,
      receiptNumber: r.receipt_number,
      organizationName: organizationNameFor(rowAudience(reviewer, r), r.organization_name as string),
      total: r.total === null ? null : Number(r.total),
    }));
  }

  /**
   * Applications an expert may act on outside expert scoring: 形式审查 / 初审 / 现场评审 the
   * office named the expert for, and the 评审委员会 votes of cycles whose panel the expert sits on.
   */
  async tasks(reviewer: AuthUser) {
    const rows = await this.dataSource.query(
      `SELECT a.id, a.receipt_number, a.submitted_at, a.organization_id, o.name AS organization_name, c.blind_review, c.office_id, c.id AS cycle_id, c.title AS cycle_title, c.award_code, i.state,
              (SELECT v.vote FROM panel_votes v WHERE v.application_id = a.id AND v.member_id = $1) AS my_vote
         FROM applications a JOIN cycles c ON c.id = a.cycle_id JOIN organizations o ON o.id = a.organization_id
         JOIN workflow_instances i ON i.id = a.instance_id
        WHERE (i.state IN (${stateListSql('reviewerVisible')}) AND c.office_id = ANY($2::uuid[])
               AND EXISTS (SELECT 1 FROM stage_reviewers s WHERE s.cycle_id = c.id AND s.user_id = $1
                              AND s.stage = CASE WHEN i.state = 'onsite_review' THEN 'onsite_review' ELSE 'formal_review' END
                              AND (s.application_id IS NULL OR s.application_id = a.id)))
           OR (i.state = 'panel' AND EXISTS (SELECT 1 FROM panel_members p WHERE p.cycle_id = c.id AND p.user_id = $1))
        ORDER BY a.submitted_at NULLS LAST, a.receipt_number`,
      [reviewer.id, reviewer.officeIds],
    );
    const stage: Record<string, string> = { formal_review: '形式审查', preliminary_review: '初审', onsite_review: '现场评审', panel: '评审委员会表决' };
    return rows.map((r: Record<string, unknown>) => ({
      applicationId: r.id,
      receiptNumber: r.receipt_number,
      organizationName: organizationNameFor(rowAudience(reviewer, r), r.organization_name as string),
      cycle: { id: r.cycle_id, title: r.cycle_title, awardName: findAward(r.award_code as string)?.name ?? r.award_code },
      state: r.state,
      stage: stage[r.state as string],
      myVote: r.my_vote ?? null,
    }));
  }

  /** Admin: an application's expert assignments, current and ended, for reassignment. */
  async assignmentsOf(applicationId: string, admin: AuthUser) {
    const rows = await this.dataSource.query(
      `SELECT ra.id, ra.reviewer_id, u.display_name, ra.stage, ra.status, ra.due_at, ra.created_at, ra.scored_at, rs.total
         FROM review_assignments ra JOIN users u ON u.id = ra.reviewer_id JOIN cycles c ON c.id = ra.cycle_id
         LEFT JOIN review_scores rs ON rs.assignment_id = ra.id
        WHERE ra.application_id = $1 AND c.office_id = ANY($2::uuid[]) ORDER BY ra.created_at`,
      [applicationId, admin.officeIds],
    );
    return rows.map((r: Record<string, unknown>) => ({
      id: r.id,
      reviewerId: r.reviewer_id,
      reviewerName: r.display_name,
      stage: r.stage,
      status: r.status,
      dueAt: r.due_at,
      overdue: r.status === 'assigned' && new Date(r.due_at as string).getTime() < Date.now(),
      scoredAt: r.scored_at,
      total: r.total === null ? null : Number(r.total),
      assignedAt: r.created_at,
    }));
  }

  async application(assignmentId: string, reviewer: AuthUser) {
    const a = await this.assignment(assignmentId, reviewer);
    const cycle = await this.cycles.get(a.cycle_id);
    const instance = await this.engine.get(a.instance_id);
    const award = getAward(cycle.awardCode);
    const audience = audienceOf(reviewer, { application: { organizationId: a.organization_id }, cycle });
    const { organization, form } = redactApplication(audience, await this.organizations.get(a.organization_id), a.form);
    const materials = await this.attachments.listRaw(a.application_id);
    const [score] = await this.dataSource.query(`SELECT items, total, comment, updated_at FROM review_scores WHERE assignment_id = $1`, [assignmentId]);
    return {
      assignmentId,
      applicationId: a.application_id,
      receiptNumber: a.receipt_number,
      cycle: { id: cycle.id, title: cycle.title, awardName: award.name, blindReview: cycle.blindReview },
      organization: organization && { name: organization.name, industry: a.industry },
      industry: a.industry,
      state: instance.state,
      stateLabel: instance.stateLabel,
      dueAt: a.due_at,
      form,
      rubric: award.rubric,
      myScore: score ? { items: score.items, total: Number(score.total), comment: score.comment, updatedAt: score.updated_at } : null,
      materials: materials.map((m) => {
        const { n, documentType, documentLabel, name, mediaType, size } = this.attachments.toView(audience, materials, m, award.requiredDocuments);
        return { n, documentType, documentLabel, name, mediaType, size, url: `/reviews/assignments/${assignmentId}/attachments/${n}/content` };
      }),
    };
  }

  async material(assignmentId: string, n: number, reviewer: AuthUser) {
    const a = await this.assignment(assignmentId, reviewer);
    const cycle = await this.cycles.get(a.cycle_id);
    const materials = await this.attachments.listRaw(a.application_id);
    const m = materials[n - 1];
    if (!m) throw new NotFoundError('material', String(n));
    const { stream } = await this.attachments.openUnchecked(a.application_id, m.id);
    const audience = audienceOf(reviewer, { application: { organizationId: a.organization_id }, cycle });
    const { name } = this.attachments.toView(audience, materials, m, getAward(cycle.awardCode).requiredDocuments);
    return { stream, mediaType: m.mediaType, size: m.size, name };
  }

  private async assignment(assignmentId: string, reviewer: AuthUser) {
    const [a] = await this.dataSource.query(
      `SELECT ra.*, ap.instance_id, ap.receipt_number, ap.form, ap.organization_id, o.industry
         FROM review_assignments ra JOIN applications ap ON ap.id = ra.application_id JOIN organizations o ON o.id = ap.organization_id
        WHERE ra.id = $1 AND ra.reviewer_id = $2 AND ra.status IN ('assigned', 'scored')`,
      [assignmentId, reviewer.id],
    );
    if (!a) throw new NotFoundError('assignment', assignmentId);
    return a;
  }
}

/** The reader's audience for one row of a list that spans cycles (tasks, assignments). */
function rowAudience(reader: AuthUser, row: Record<string, unknown>) {
  return audienceOf(reader, { application: { organizationId: row.organization_id as string }, cycle: { officeId: row.office_id as string, blindReview: row.blind_review as boolean } });
}
