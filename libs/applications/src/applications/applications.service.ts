import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { A, evaluateEligibility, findAward, getAward, S } from '@awardflow/awards';
import { Cycle, CyclesService } from '@awardflow/cycles';
import { AuthUser, Role } from '@awardflow/identity';
import { ConflictError, DomainError, ErrorCode, FieldValidationError, ForbiddenError, NotFoundError } from '@awardflow/platform';
import { Actor, InstanceSnapshot, TransitionResult, VersionConflictError, WorkflowEngine } from '@awardflow/workflow';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { formProblems, validateForm } from '../forms/family-forms';
import { OrganizationsService } from '../organizations/organizations.service';
import { ActionRequest, ApplicationActionHandlers as ActionHandlers } from './action-handlers';
import { ApplicationAccessPolicy } from './application-access.policy';
import { ApplicationDto, ApplicationPageDto, CreateApplicationDto, ListApplicationsQuery } from './application.dto';
import { Application, APPLICATION_SUBJECT, INACTIVE_STATES } from './application.entity';

export interface SubmissionProblem {
  /** The eligibility rule or `documents` / `form`. */
  rule: string;
  /** zh-CN, naming the field or material by its Chinese label. */
  reason: string;
  /** For `form`: the field's path (`form.selfAssessment.results`), for the console to point at. */
  field?: string;
}

/** 422 listing every reason an application cannot go forward; nothing was changed. */
export class IneligibleError extends DomainError {
  constructor(readonly reasons: SubmissionProblem[]) {
    super(ErrorCode.IneligibleApplication, `申报不符合要求：${reasons.map((r) => r.reason).join('；')}`, { reasons });
  }
}

const EDITABLE_STATES = [S.draft, S.supplementRequested];

@Injectable()
export class ApplicationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engine: WorkflowEngine,
    private readonly cycles: CyclesService,
    private readonly organizations: OrganizationsService,
    private readonly access: ApplicationAccessPolicy,
    private readonly handlers: ActionHandlers,
  ) {}

  async create(input: CreateApplicationDto, user: AuthUser): Promise<ApplicationDto> {
    const organizationId = input.organizationId ?? user.organizationId;
    if (user.role !== Role.Applicant) throw new ForbiddenError('applications are created by the enterprise itself');
    if (!organizationId) throw new FieldValidationError([{ field: 'organizationId', messages: ['register your organisation first (POST /organizations)'] }]);
    if (organizationId !== user.organizationId) throw new NotFoundError('organization', organizationId);
    const cycle = await this.cycles.getOpenForApplication(input.cycleId);
    const award = getAward(cycle.awardCode);
    const form = input.form ?? {};
    const formErrors = validateForm(award.family, form, { complete: false });
    if (formErrors.length) throw new FieldValidationError(formErrors);

    const id = randomUUID();
    await this.dataSource.transaction(async (manager) => {
      // One active application per organisation and cycle: serialise on the organisation row.
      await this.lockOrganizationInCycle(manager, cycle.id, organizationId, 'your organisation already has an application in this cycle');
      const instance = await this.engine.start({
        definition: { code: cycle.definitionCode!, version: cycle.definitionVersion! },
        subjectType: APPLICATION_SUBJECT,
        subjectId: id,
        context: { ...this.cycles.instanceContext(cycle), organizationId },
        actor: { id: user.id, role: user.role },
        manager,
      });
      await manager.insert(Application, { id, cycleId: cycle.id, organizationId, instanceId: instance.id, form: form as never, createdBy: user.id });
    });
    return this.view(id, user);
  }

  /** One active application per organisation and cycle: serialised on the organisation row. */
  async lockOrganizationInCycle(manager: EntityManager, cycleId: string, organizationId: string, message: string): Promise<void> {
    await manager.query(`SELECT 1 FROM organizations WHERE id = $1 FOR UPDATE`, [organizationId]);
    const [active] = await manager.query(
      `SELECT a.id FROM applications a JOIN workflow_instances i ON i.id = a.instance_id
        WHERE a.cycle_id = $1 AND a.organization_id = $2 AND NOT (i.state = ANY($3::text[]))`,
      [cycleId, organizationId, INACTIVE_STATES],
    );
    if (active) throw new ConflictError(message, { applicationId: active.id });
  }

  /**
   * Replaces the form and claims the next version in one transaction: a save is a write like any
   * other, so If-Match guards it (two saves of one version: one wins, one is 409) and the version
   * the answer carries is the one to send back. The application row is locked before the instance,
   * in the order submission takes them.
   */
  async updateForm(id: string, form: Record<string, unknown>, user: AuthUser, expectedVersion?: number): Promise<ApplicationDto> {
    const { application, cycle, instance } = await this.loadVisible(id, user);
    if (user.role !== Role.Applicant) throw new ForbiddenError('only the enterprise edits its application');
    if (!(EDITABLE_STATES as string[]).includes(instance.state)) throw new ConflictError(`the form can only be edited as a draft or while a supplement is requested; it is ${instance.stateLabel}`, { currentState: instance.state });
    if (expectedVersion !== undefined && expectedVersion !== instance.version) {
      throw new VersionConflictError(instance.state, instance.version, instance.stateLabel);
    }
    const errors = validateForm(getAward(cycle.awardCode).family, form, { complete: false });
    if (errors.length) throw new FieldValidationError(errors);
    await this.dataSource.transaction(async (manager) => {
      await manager.update(Application, { id: application.id }, { form: form as never });
      await this.engine.bumpVersion({ instanceId: application.instanceId, inStates: EDITABLE_STATES, expectedVersion, manager });
    });
    return this.view(id, user);
  }

  async view(id: string, user: AuthUser): Promise<ApplicationDto> {
    const { application, cycle, instance } = await this.loadVisible(id, user);
    return this.toDto(application, cycle, instance, user);
  }

  async list(query: ListApplicationsQuery, user: AuthUser): Promise<ApplicationPageDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (user.role === Role.Applicant) add('a.organization_id = ?', user.organizationId ?? '00000000-0000-0000-0000-000000000000');
    else if (user.role === Role.Admin || user.role === Role.Recommender) add('c.office_id = ANY(?::uuid[])', user.officeIds);
    else return { items: [], total: 0, page, pageSize };
    if (query.cycleId) add('a.cycle_id = ?', query.cycleId);
    if (query.state) add('i.state = ?', query.state);
    if (query.organizationId) add('a.organization_id = ?', query.organizationId);
    if (query.search) add(`(o.name ILIKE ? OR o.uscc ILIKE $${params.length + 1} OR a.receipt_number ILIKE $${params.length + 1})`, `%${query.search}%`);
    const from = `FROM applications a JOIN cycles c ON c.id = a.cycle_id JOIN organizations o ON o.id = a.organization_id
      JOIN workflow_instances i ON i.id = a.instance_id WHERE ${where.join(' AND ')}`;
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total ${from}`, params);
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT a.id ${from} ORDER BY a.submitted_at DESC NULLS LAST, a.created_at DESC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
      params,
    );
    const items = await Promise.all(rows.map((r) => this.view(r.id, user)));
    return { items, total, page, pageSize };
  }

  async history(id: string, user: AuthUser) {
    const { application } = await this.loadVisible(id, user);
    return this.engine.history(application.instanceId);
  }

  /** POST /applications/:id/actions/:action — a registered use case or a plain engine transition. */
  async act(id: string, action: string, user: AuthUser, body: { comment?: string; payload?: Record<string, unknown> }, expectedVersion?: number): Promise<ApplicationDto> {
    const { application, cycle } = await this.loadVisible(id, user);
    const request: ActionRequest = { application, cycle, action, user, comment: body.comment, payload: body.payload, expectedVersion };
    const handler = this.handlers.get(action);
    if (handler) await handler(request);
    else await this.fire(request);
    try {
      return await this.view(id, user);
    } catch (error) {
      // The action can move the application out of the caller's sight (an expert passing 形式审查):
      // it still went through, and the caller gets the new state (identity hidden as for its role).
      if (!(error instanceof NotFoundError)) throw error;
      return this.toDto(await this.get(id), cycle, await this.engine.get(application.instanceId), user);
    }
  }

  /** The default handler: office staff act only within their offices, applicants only for themselves. */
  async fire(request: ActionRequest, manager?: EntityManager): Promise<TransitionResult> {
    const { application, cycle, user } = request;
    if (user.role !== Role.Applicant && !user.officeIds.includes(cycle.officeId)) throw new NotFoundError('application', application.id);
    return this.engine.fire({
      instanceId: application.instanceId,
      action: request.action,
      actor: { id: user.id, role: user.role },
      expectedVersion: request.expectedVersion,
      comment: request.comment,
      payload: request.payload,
      manager,
    });
  }

  /** Every reason the application cannot be submitted: missing materials, incomplete form, eligibility. */
  async submissionProblems(application: Application, cycle: Cycle, manager: EntityManager): Promise<SubmissionProblem[]> {
    const award = getAward(cycle.awardCode);
    const problems: SubmissionProblem[] = [];
    const present: Array<{ document_type: string }> = await manager.query(
      `SELECT DISTINCT document_type FROM attachments WHERE application_id = $1 AND deleted_at IS NULL`,
      [application.id],
    );
    const types = new Set(present.map((p) => p.document_type));
    for (const doc of award.requiredDocuments) {
      if (!doc.optional && !types.has(doc.type)) problems.push({ rule: 'documents', reason: `缺少申报材料：${doc.label}` });
    }
    for (const p of formProblems(award.family, application.form, { complete: true, requiredSections: award.requiredFormSections })) {
      const reason = p.kind === 'missing' ? `申报书未填写：${p.label}` : `申报书填写有误：${p.label}（${p.messages.join('；')}）`;
      problems.push({ rule: 'form', field: p.field, reason });
    }
    problems.push(...(await this.eligibilityFailures(application, cycle, manager)));
    return problems;
  }

  /** The cycle's eligibility rules against today's facts (also the gates before 公示 and 审定). */
  async eligibilityFailures(application: Application, cycle: Cycle, manager: EntityManager = this.dataSource.manager) {
    const facts = await this.organizations.factsFor(application.organizationId, manager);
    return evaluateEligibility(cycle.eligibility, {
      ...facts,
      form: application.form,
      cycle: { id: cycle.id, awardCode: cycle.awardCode, year: cycle.year, regionCode: '' },
      now: new Date().toISOString(),
    });
  }

  async loadVisible(id: string, user: AuthUser, manager: EntityManager = this.dataSource.manager): Promise<{ application: Application; cycle: Cycle; instance: InstanceSnapshot }> {
    const application = await manager.findOneBy(Application, { id });
    if (!application) throw new NotFoundError('application', id);
    const cycle = await this.cycles.get(application.cycleId);
    await this.access.assertCanView(user, application, cycle);
    const instance = await this.engine.get(application.instanceId, manager);
    return { application, cycle, instance };
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<Application> {
    const application = await manager.findOneBy(Application, { id });
    if (!application) throw new NotFoundError('application', id);
    return application;
  }

  private async toDto(application: Application, cycle: Cycle, instance: InstanceSnapshot, user: AuthUser): Promise<ApplicationDto> {
    const actor: Actor = { id: user.id, role: user.role };
    const organization = await this.organizations.get(application.organizationId);
    const hideIdentity = cycle.blindReview && user.role === Role.Reviewer;
    const actions = (await this.engine.availableActions(instance, actor)).filter((a) => user.role !== Role.Applicant || application.organizationId === user.organizationId);
    return {
      id: application.id,
      cycleId: cycle.id,
      cycle: { id: cycle.id, title: cycle.title, awardCode: cycle.awardCode, awardName: findAward(cycle.awardCode)?.name ?? cycle.awardCode, year: cycle.year },
      organization: hideIdentity ? undefined : { id: organization.id, name: organization.name, uscc: organization.uscc },
      form: application.form,
      state: instance.state,
      stateLabel: instance.stateLabel,
      terminal: instance.terminal,
      version: instance.version,
      receiptNumber: application.receiptNumber,
      recommendedFromId: application.recommendedFromId,
      submittedAt: application.submittedAt,
      availableActions: actions,
      createdAt: application.createdAt,
      updatedAt: instance.updatedAt > application.updatedAt ? instance.updatedAt : application.updatedAt,
    };
  }

  // ---- the cycles context's port ----

  async hasSubmittedApplications(cycleId: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const rows = await manager.query(`SELECT 1 FROM applications WHERE cycle_id = $1 AND submitted_at IS NOT NULL LIMIT 1`, [cycleId]);
    return rows.length > 0;
  }

  /** The window closed: submitted applications go to review, drafts expire (each its own transition). */
  async onCycleClosed(cycle: Cycle, actor: Actor): Promise<{ movedToReview: number; expired: number }> {
    const rows: Array<{ instance_id: string; state: string }> = await this.dataSource.query(
      `SELECT a.instance_id, i.state FROM applications a JOIN workflow_instances i ON i.id = a.instance_id
        WHERE a.cycle_id = $1 AND i.state IN ('submitted', 'draft')`,
      [cycle.id],
    );
    let movedToReview = 0;
    let expired = 0;
    for (const row of rows) {
      try {
        if (row.state === S.submitted) {
          await this.engine.fire({ instanceId: row.instance_id, action: A.startReview, actor });
          movedToReview++;
        } else {
          await this.engine.fire({ instanceId: row.instance_id, action: A.applicationWindowClosed, actor: { id: null, role: 'system' } });
          expired++;
        }
      } catch (error) {
        // Moved meanwhile (its own timer fired, or it was withdrawn): nothing left to do for it.
        if (!(error instanceof DomainError)) throw error;
      }
    }
    return { movedToReview, expired };
  }
}
