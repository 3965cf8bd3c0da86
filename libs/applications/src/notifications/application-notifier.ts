import { Injectable, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { findAward, outcomeWording, stateLabelFor } from '@awardflow/awards';
import { CyclesService, formatBeijing } from '@awardflow/cycles';
import { Role, UsersService } from '@awardflow/identity';
import { isTemplateKey, NotificationsService } from '@awardflow/notifications';
import { AppConfigService, sqlRows } from '@awardflow/platform';
import { historyStep, nextPendingDeadlineDue, OutboxEvent, OutboxEventRouter, WorkflowEngine } from '@awardflow/workflow';
import { DataSource } from 'typeorm';
import { Application } from '../applications/application.entity';
import { OrganizationsService } from '../organizations/organizations.service';
import { ApplicationParties } from './application-parties';
import { audienceOfGroup } from '../redaction/audience';
import { ApplicantMask } from '../redaction/applicant-mask';
import { historyComment, redactNotificationVariables } from '../redaction/redaction';

type Recipients = 'applicant' | 'admins' | 'reviewers' | 'recommenders';

/**
 * Turns the workflow's `notify` effects (and deadline extensions) into notifications for the
 * application's parties: who they are and what the message says is this context's knowledge.
 * Idempotent: the event key is the outbox row id, so a retried job notifies nobody twice.
 */
@Injectable()
export class ApplicationNotifier implements OnModuleInit, OnApplicationBootstrap {
  constructor(
    private readonly router: OutboxEventRouter,
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly cycles: CyclesService,
    private readonly organizations: OrganizationsService,
    private readonly users: UsersService,
    private readonly engine: WorkflowEngine,
    private readonly config: AppConfigService,
    private readonly parties: ApplicationParties,
    private readonly mask: ApplicantMask,
  ) {}

  onModuleInit(): void {
    this.router.on('notify', (event) => this.onNotify(event));
    this.router.on('deadline_extended', (event) => this.onDeadlineExtended(event));
  }

  /** Every module has registered its parts by now: a missing reviewer source is a wiring error. */
  onApplicationBootstrap(): void {
    this.parties.verify();
  }

  private async onNotify(event: OutboxEvent<'notify'>): Promise<void> {
    const template = String(event.payload.params?.template ?? '');
    if (!isTemplateKey(template)) throw new Error(`notify: unknown template "${template}"`);
    if (event.payload.subjectType !== 'application' || !event.payload.subjectId) return;
    const context = await this.context(event.payload.subjectId, event.payload.historySeq);
    if (!context) return;
    const group = (event.payload.params?.to as Recipients | undefined) ?? 'applicant';
    const audience = audienceOfGroup(group, context.cycle);
    await this.notifications.notify({
      eventKey: `${event.id}:${template}`,
      template,
      recipientIds: await this.recipients(context.application, context.cycle, context.organization.regionCode, group),
      variables: redactNotificationVariables(audience, {
        ...context.variables,
        reason: context.history ? historyComment(audience, context.history, await this.mask.forApplication(audience, context.application)) : null,
        stateLabel: context.toStateLabel(event.payload.to),
        deadline: template === 'supplement_requested' ? await this.pendingDeadline(context.application.instanceId, 'supplement') : null,
      }),
    });
  }

  private async onDeadlineExtended(event: OutboxEvent<'deadline_extended'>): Promise<void> {
    if (!event.instanceId) return;
    const [row] = await sqlRows<{ id: string }>(this.dataSource, `SELECT id FROM applications WHERE instance_id = $1`, [event.instanceId]);
    if (!row) return;
    const context = await this.context(row.id, undefined);
    if (!context) return;
    await this.notifications.notify({
      eventKey: `${event.id}:deadline_extended`,
      template: 'deadline_extended',
      recipientIds: await this.recipients(context.application, context.cycle, context.organization.regionCode, 'applicant'),
      variables: { ...context.variables, reason: event.payload.reason, deadline: formatBeijing(new Date(event.payload.dueAt)) },
    });
  }

  private async context(applicationId: string, historySeq: number | undefined) {
    const application = await this.dataSource.manager.findOneBy(Application, { id: applicationId });
    if (!application) return null;
    const cycle = await this.cycles.get(application.cycleId);
    const organization = await this.organizations.get(application.organizationId);
    const instance = await this.engine.get(application.instanceId);
    const definition = await this.engine.definitionOf(instance);
    const history = historySeq ? await historyStep(this.dataSource, application.instanceId, historySeq) : undefined;
    const award = findAward(cycle.awardCode);
    // The outcome as the award words it: a nomination is never announced as the award.
    const wording = award ? outcomeWording(award, cycle.year) : undefined;
    return {
      application,
      cycle,
      organization,
      history,
      toStateLabel: (state: string) => stateLabelFor(award, state, definition.states[state]?.label ?? state),
      variables: {
        awardName: award?.name ?? cycle.awardCode,
        cycleTitle: cycle.title,
        outcome: wording?.local ?? null,
        outcomeKind: wording?.kind ?? null,
        outcomeTitle: wording?.localTitle ?? null,
        recommendedTo: award?.outsideChain?.recommendedTo ?? null,
        organizationName: organization.name,
        receiptNumber: application.receiptNumber,
        // Numbered at 审定 and kept in the instance's context (the award notice names it).
        certificateNumber: typeof instance.context.certificateNumber === 'string' ? instance.context.certificateNumber : null,
        // The last day of the 公示 batch the application was published in (the 公示 notice names it).
        publicityEndsOn: typeof instance.context.publicityEndsOn === 'string' ? instance.context.publicityEndsOn : null,
        // A 名牌's batch validity (given at 审定) and a 老字号's 整改 period (given by its 复核 round).
        validUntil: typeof instance.context.recognitionValidUntil === 'string' ? instance.context.recognitionValidUntil : null,
        rectificationDueOn: typeof instance.context.rectificationDueOn === 'string' ? instance.context.rectificationDueOn : null,
        link: `${this.config.get('PUBLIC_BASE_URL')}/applications/${application.id}`,
      },
    };
  }

  private async recipients(application: Application, cycle: { officeId: string; awardCode: string }, regionCode: string, audience: Recipients): Promise<string[]> {
    switch (audience) {
      case 'applicant':
        return this.users.idsOfOrganization(application.organizationId);
      case 'admins':
        return this.users.idsByRole(Role.Admin, [cycle.officeId]);
      case 'recommenders':
        // Only those who may see it (the access policy's rule, recommenderAdmits, in SQL).
        return this.users.recommenderIdsFor(cycle.officeId, cycle.awardCode, regionCode);
      case 'reviewers':
        return this.parties.reviewersOf(application.id);
    }
  }

  private async pendingDeadline(instanceId: string, kind: string): Promise<string | null> {
    const due = await nextPendingDeadlineDue(this.dataSource, instanceId, kind);
    return due ? formatBeijing(due) : null;
  }
}
