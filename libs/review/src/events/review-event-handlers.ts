import { Injectable, OnModuleInit } from '@nestjs/common';
import { ApplicationsService, OrganizationsService } from '@awardflow/applications';
import { A, findAward } from '@awardflow/awards';
import { Cycle, cycleSummaries, CyclesService, formatBeijing } from '@awardflow/cycles';
import { Role, UsersService } from '@awardflow/identity';
import { NotificationsService, TemplateKey } from '@awardflow/notifications';
import { AppConfigService, sqlAffected } from '@awardflow/platform';
import { OutboxEvent, OutboxEventRouter, WorkflowEngine } from '@awardflow/workflow';
import { DataSource } from 'typeorm';
import { assignmentById } from '../assignment/assignment.repository';
import { AssignmentService } from '../assignment/assignment.service';
import { ScoringService } from '../scoring/scoring.service';
import { outsideResultOf } from '../outside-results/outside-results.repository';
import { outsideOutcomeText } from '../outside-results/outside-outcome-text';

const SYSTEM = { id: null, role: 'system' };

/** The review stage's automation, run by the worker from outbox events (each handler idempotent). */
@Injectable()
export class ReviewEventHandlers implements OnModuleInit {
  constructor(
    private readonly router: OutboxEventRouter,
    private readonly dataSource: DataSource,
    private readonly assignments: AssignmentService,
    private readonly scoring: ScoringService,
    private readonly applications: ApplicationsService,
    private readonly cycles: CyclesService,
    private readonly engine: WorkflowEngine,
    private readonly notifications: NotificationsService,
    private readonly users: UsersService,
    private readonly config: AppConfigService,
    private readonly organizations: OrganizationsService,
  ) {}

  onModuleInit(): void {
    this.router.on('assign_reviewers', (e) => this.assignments.topUp(e.payload.subjectId, null).then(() => undefined));
    this.router.on('reviewer_replacement_needed', (e) => this.assignments.topUp(e.payload.applicationId, null).then(() => undefined));
    this.router.on('expert_review_completed', (e) => this.scoring.completeExpertStage(e.payload.applicationId).then(() => undefined));
    this.router.on('reviewer_assigned', (e) => this.tell(e.id, e.payload.applicationId, 'review_assigned', [e.payload.reviewerId], { deadline: formatBeijing(new Date(e.payload.dueAt)) }));
    this.router.on('assignment_flagged', (e) => this.tellAdmins(e.id, e.payload.applicationId, 'assignment_flagged', { reason: e.payload.reason }));
    this.router.on('review_reminder_due', (e) => this.onReminder(e));
    this.router.on('review_overdue', (e) => this.onOverdue(e));
    this.router.on('check_eligibility', (e) => this.onEligibilityGate(e));
    this.router.on('outside_result_recorded', (e) => this.onOutsideResult(e));
  }

  private async onReminder(e: OutboxEvent<'review_reminder_due'>): Promise<void> {
    const a = await assignmentById(this.dataSource, e.payload.assignmentId);
    if (a?.status !== 'assigned') return;
    await this.tell(e.id, e.payload.applicationId, 'review_reminder', [e.payload.reviewerId], { daysBefore: Number(e.payload.daysBefore), deadline: formatBeijing(new Date(a.dueAt)) });
  }

  private async onOverdue(e: OutboxEvent<'review_overdue'>): Promise<void> {
    const a = await assignmentById(this.dataSource, e.payload.assignmentId);
    if (a?.status !== 'assigned') return;
    const [cycle] = await cycleSummaries(this.dataSource, [a.cycleId]);
    await this.tellAdmins(e.id, e.payload.applicationId, 'review_overdue', {});
    if (cycle?.reassignOverdue) {
      const moved = await sqlAffected(this.dataSource, `UPDATE review_assignments SET status = 'replaced' WHERE id = $1 AND status = 'assigned'`, [e.payload.assignmentId]);
      if (moved) await this.assignments.topUp(e.payload.applicationId, null);
    }
  }

  /** 资格复核 on entering 公示 and 待审定: failures stop the application for an admin to decide. */
  private async onEligibilityGate(e: OutboxEvent<'check_eligibility'>): Promise<void> {
    if (e.payload.subjectType !== 'application') return;
    const application = await this.applications.get(e.payload.subjectId);
    const instance = await this.engine.get(application.instanceId);
    if (instance.state !== e.payload.to) return;
    const failures = await this.applications.eligibilityFailures(application, await this.cycles.get(application.cycleId));
    if (!failures.length) return;
    await this.engine.fire({
      instanceId: application.instanceId,
      action: A.holdForEligibility,
      actor: SYSTEM,
      instance,
      comment: failures.map((f) => f.reason).join('；'),
      payload: { failures },
    });
  }

  /** The enterprise is told what became of its application above the office, worded for the award. */
  private async onOutsideResult(e: OutboxEvent<'outside_result_recorded'>): Promise<void> {
    const row = await outsideResultOf(this.dataSource, e.payload.applicationId);
    // Corrected since (another step recorded): that step's own event tells it.
    if (!row || row.revision !== e.payload.revision) return;
    const application = await this.applications.get(e.payload.applicationId);
    const cycle = await this.cycles.get(application.cycleId);
    const award = findAward(cycle.awardCode);
    if (!award) return;
    const organization = await this.organizations.get(application.organizationId);
    const template = e.payload.step === 'awarded' ? 'outside_awarded' : e.payload.step === 'not_awarded' ? 'outside_not_awarded' : 'outside_recommended';
    await this.tell(e.id, application.id, template, await this.users.idsOfOrganization(application.organizationId), {
      organizationName: organization.name,
      outcome: outsideOutcomeText(award, cycle.year, row.outcome),
      recommendedTo: row.recommendedTo,
      documentNumber: row.documentNumber,
      decidedOn: e.payload.step === 'recommended' ? row.recommendedOn : row.decidedOn,
      link: `${this.config.get('PUBLIC_BASE_URL')}/applications/${application.id}`,
    });
  }

  private async tellAdmins(eventId: string, applicationId: string, template: TemplateKey, extra: Record<string, unknown>): Promise<void> {
    await this.tell(eventId, applicationId, template, (cycle) => this.users.idsByRole(Role.Admin, [cycle.officeId]), extra);
  }

  /** Recipients are given, or worked out from the application's cycle (loaded once here). */
  private async tell(eventId: string, applicationId: string, template: TemplateKey, recipients: string[] | ((cycle: Cycle) => Promise<string[]>), extra: Record<string, unknown>): Promise<void> {
    const application = await this.applications.get(applicationId);
    const cycle = await this.cycles.get(application.cycleId);
    await this.notifications.notify({
      eventKey: `${eventId}:${template}`,
      template,
      recipientIds: Array.isArray(recipients) ? recipients : await recipients(cycle),
      variables: {
        awardName: findAward(cycle.awardCode)?.name,
        cycleTitle: cycle.title,
        receiptNumber: application.receiptNumber,
        link: `${this.config.get('PUBLIC_BASE_URL')}/reviews`,
        ...extra,
      },
    });
  }
}
