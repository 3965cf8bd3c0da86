import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { actionRule, ActionRule, evaluateEligibility, GenericUseCase, findAward, getAward, scopeOf, stateLabelFor, statesTagged, SYSTEM_ONLY } from '@awardflow/awards';
import { Cycle, CycleCache, CyclesService, cycleSummaries, eligibilityReferenceDate, formatBeijing } from '@awardflow/cycles';
import { AuthUser, Role, scopedRecommender } from '@awardflow/identity';
import { ConflictError, DomainError, ErrorCode, FieldValidationError, ForbiddenError, MAX_PAGE_SIZE, NotFoundError, sqlRows, xlsxStream } from '@awardflow/platform';
import { ActionForbiddenError, Actor, DefinitionRegistry, instanceSnapshotOf, instanceSnapshots, InstanceSnapshot, TransitionNotAllowedError, transitionLabels, TransitionInvariants, TransitionResult, VersionConflictError, WorkflowEngine } from '@awardflow/workflow';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { applicationSubject, ApplicationSubject } from '@awardflow/rules';
import { formProblems, validateForm } from '../forms/family-forms';
import { alreadyApplied, claimSubject, isActiveSubjectTaken, reentryProblems } from './application-subject';
import { OrganizationsService } from '../organizations/organizations.service';
import { ApplicantMask } from '../redaction/applicant-mask';
import { audienceOf } from '../redaction/audience';
import { ApplicantIdentity, HistoryView, redactApplication, redactHistory } from '../redaction/redaction';
import { listedApplications, listPage, ListScope } from './application-list';
import { ActionRequest, ActionUseCases } from './action-use-cases';
import { genericRouteRule, NotNamedForStageError, undeclaredPayload, undeclaredPayloadError } from './action-rules';
import { ApplicationAccessPolicy } from './application-access.policy';
import { CycleClose } from './cycle-close';
import { applicationRow } from './application-row';
import { isNextStep } from './next-step';
import { pastWins } from './past-wins';
import { copyMaterials, renewableApplication } from './renewal';
import { ApplicationDto, ApplicationPageDto, AvailableActionDto, CreateApplicationDto, ListApplicationsQuery } from './application.dto';
import { Application, APPLICATION_SUBJECT } from './application.entity';

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
    super(ErrorCode.IneligibleApplication, { reasons });
  }
}

const EDITABLE_STATES = [...statesTagged('editable')];

/** What an answer about an application shows of its cycle (a list reads only this much). */
type DtoCycle = Pick<Cycle, 'id' | 'officeId' | 'title' | 'awardCode' | 'year' | 'blindReview'>;

@Injectable()
export class ApplicationsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engine: WorkflowEngine,
    private readonly definitions: DefinitionRegistry,
    private readonly cycles: CyclesService,
    private readonly cycleCache: CycleCache,
    private readonly organizations: OrganizationsService,
    private readonly access: ApplicationAccessPolicy,
    private readonly useCases: ActionUseCases,
    private readonly cycleClose: CycleClose,
    private readonly invariants: TransitionInvariants,
    private readonly mask: ApplicantMask,
  ) {}

  onModuleInit(): void {
    this.useCases.implement('transition', (request) => this.fire(request));
  }

  async create(input: CreateApplicationDto, user: AuthUser): Promise<ApplicationDto> {
    const organizationId = input.organizationId ?? user.organizationId;
    if (user.role !== Role.Applicant) throw new ForbiddenError([Role.Applicant]);
    if (!organizationId) throw new FieldValidationError([{ field: 'organizationId', messages: ['请先登记申报单位信息'] }]);
    if (organizationId !== user.organizationId) throw new NotFoundError('organization', organizationId);
    const cycle = await this.cycles.getOpenForApplication(input.cycleId);
    const award = getAward(cycle.awardCode);
    const renewed = input.renewalOf ? await renewableApplication(this.dataSource, input.renewalOf, organizationId, cycle) : null;
    const form = input.form ?? renewed?.form ?? {};
    const formErrors = validateForm(award.family, form, { complete: false });
    if (formErrors.length) throw new FieldValidationError(formErrors);

    const id = randomUUID();
    const subject = applicationSubject(cycle.awardCode, organizationId, form);
    await this.refusingTakenSubject(subject, () =>
      this.dataSource.transaction(async (manager) => {
        // One active application per cycle and subject (the organisation's, for the quality awards).
        const organization = await this.lockOrganizationInCycle(manager, cycle.id, organizationId, subject);
        const instance = await this.engine.start({
          definition: { code: cycle.definitionCode!, version: cycle.definitionVersion! },
          subjectType: APPLICATION_SUBJECT,
          subjectId: id,
          context: { ...this.cycles.instanceContext(cycle), organizationId },
          actor: { id: user.id, role: user.role },
          manager,
        });
        await manager.insert(Application, {
          id,
          cycleId: cycle.id,
          organizationId,
          instanceId: instance.id,
          state: instance.state,
          organizationName: organization.name,
          organizationUscc: organization.uscc,
          form: form as never,
          subjectKey: subject.key,
          subjectName: subject.name,
          createdBy: user.id,
          renewalOfId: renewed?.id ?? null,
        });
        if (renewed) await copyMaterials(manager, renewed.id, id, user.id);
      }),
    );
    return this.view(id, user);
  }

  /**
   * One active application per cycle and subject, serialised on the organisation row: the
   * organisation itself for the awards given to one, else the project or product the form names
   * (application-subject.ts). Answers the organisation's name and credit code, which the new
   * application row carries for the list's search.
   */
  async lockOrganizationInCycle(
    manager: EntityManager,
    cycleId: string,
    organizationId: string,
    subject: ApplicationSubject = { kind: 'organization', key: null, name: null },
    excludeId?: string,
  ): Promise<{ name: string; uscc: string }> {
    return claimSubject(manager, { cycleId, organizationId, subject, excludeId });
  }

  /** The unique index's refusal (a race the check cannot see: another organisation naming the same project) worded as the check words it. */
  async refusingTakenSubject<T>(subject: ApplicationSubject, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (isActiveSubjectTaken(error)) throw alreadyApplied(subject, undefined);
      throw error;
    }
  }

  /**
   * Replaces the form and claims the next version in one transaction: a save is a write like any
   * other, so If-Match guards it (two saves of one version: one wins, one is 409) and the version
   * the answer carries is the one to send back. The application row is locked before the instance,
   * in the order submission takes them.
   */
  async updateForm(id: string, form: Record<string, unknown>, user: AuthUser, expectedVersion?: number): Promise<ApplicationDto> {
    const { application, cycle, instance } = await this.loadVisible(id, user);
    if (user.role !== Role.Applicant) throw new ForbiddenError([Role.Applicant]);
    if (!(EDITABLE_STATES as string[]).includes(instance.state)) throw new DomainError(ErrorCode.FormNotEditable, { stateLabel: instance.stateLabel }, { currentState: instance.state });
    if (expectedVersion !== undefined && expectedVersion !== instance.version) {
      throw new VersionConflictError(instance.state, instance.version, instance.stateLabel);
    }
    const errors = validateForm(getAward(cycle.awardCode).family, form, { complete: false });
    if (errors.length) throw new FieldValidationError(errors);
    const subject = applicationSubject(cycle.awardCode, application.organizationId, form);
    await this.refusingTakenSubject(subject, () =>
      this.dataSource.transaction(async (manager) => {
        // Naming another project or product: it must not be one another active application holds.
        if (subject.key !== application.subjectKey) await this.lockOrganizationInCycle(manager, cycle.id, application.organizationId, subject, application.id);
        await manager.update(Application, { id: application.id }, { form: form as never, subjectKey: subject.key, subjectName: subject.name });
        await this.engine.bumpVersion({ instanceId: application.instanceId, inStates: EDITABLE_STATES, expectedVersion, manager });
      }),
    );
    return this.view(id, user);
  }

  async view(id: string, user: AuthUser): Promise<ApplicationDto> {
    const { application, cycle, instance, identity } = await this.loadVisible(id, user);
    return this.toDto(application, cycle, instance, identity, user);
  }

  /**
   * A page of the caller's applications, each item as `view` gives it to the caller. A fixed number
   * of statements whatever the page size: the page's ids and the total in one, then its
   * applications, cycles and instances in one each; actions come from the cached definitions.
   */
  async list(query: ListApplicationsQuery, user: AuthUser): Promise<ApplicationPageDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    let scope: ListScope;
    if (user.role === Role.Applicant) scope = { organizationId: user.organizationId ?? '00000000-0000-0000-0000-000000000000' };
    else if (user.role === Role.Admin) scope = { officeIds: user.officeIds };
    else if (user.role === Role.Recommender) scope = { officeIds: user.officeIds, recommender: scopedRecommender(user) };
    else return { items: [], total: 0, totalCapped: false, page, pageSize };
    const { total, totalCapped, rows } = await listPage(this.dataSource, scope, query, (page - 1) * pageSize, pageSize);
    if (!rows.length) return { items: [], total, totalCapped, page, pageSize };
    const [applications, cycles, instances] = await Promise.all([
      listedApplications(this.dataSource, rows.map((r) => r.id)),
      cycleSummaries(this.dataSource, rows.map((r) => r.cycleId)),
      instanceSnapshots(this.dataSource, this.definitions, rows.map((r) => r.instanceId)),
    ]);
    const cycleById = new Map(cycles.map((c) => [c.id, c]));
    const fullCycles = new Map<string, Promise<Cycle>>();
    const fullCycle = (id: string) => fullCycles.get(id) ?? fullCycles.set(id, this.cycles.get(id)).get(id)!;
    const items: ApplicationDto[] = [];
    for (const row of rows) {
      const listed = applications.get(row.id);
      const cycle = cycleById.get(row.cycleId);
      const instance = instances.get(row.instanceId);
      // Gone between the page's statement and these reads (none is ever deleted today): left out.
      if (!listed || !cycle || !instance) continue;
      const actions = await this.actionsOf(listed.application, cycle, () => fullCycle(cycle.id), instance, user);
      items.push(this.dtoOf(listed.application, cycle, instance, listed.organization, actions, user));
    }
    return { items, total, totalCapped, page, pageSize };
  }

  /**
   * The office's list with its filters as an .xlsx workbook: the rows and redaction of GET
   * /applications, read a page of 200 at a time as the workbook is written (the next page only once
   * the client has taken the last), so memory stays flat whatever the office's size. Pages are read
   * in the list's order (latest submission first); an application submitted during the export can
   * push a row onto the next page and show it twice, never lose one. A searched list's total may
   * be capped (totalCapped): then it reads on until a page comes back short.
   */
  exportXlsx(query: ListApplicationsQuery, user: AuthUser): Readable {
    const list = (page: number) => this.list({ ...query, page, pageSize: MAX_PAGE_SIZE }, user);
    async function* pages(): AsyncGenerator<ApplicationDto[]> {
      for (let page = 1; ; page++) {
        const { items, total, totalCapped } = await list(page);
        yield items;
        if (totalCapped ? items.length < MAX_PAGE_SIZE : page * MAX_PAGE_SIZE >= total || !items.length) return;
      }
    }
    return xlsxStream([
      {
        name: '申报列表',
        header: ['受理编号', '申报单位', '统一社会信用代码', '项目或产品', '评审周期', '状态', '提交时间（北京时间）', '创建时间（北京时间）'],
        widths: [16, 36, 22, 30, 34, 14, 20, 20],
        batches: pages(),
        toRow: (a: ApplicationDto) => [
          a.receiptNumber ?? '（草稿）',
          a.organization?.name ?? '',
          a.organization?.uscc ?? '',
          a.subjectName ?? '',
          a.cycle.title,
          a.stateLabel,
          a.submittedAt ? formatBeijing(new Date(a.submittedAt)) : '',
          formatBeijing(new Date(a.createdAt)),
        ],
      },
    ]);
  }

  /** The transition log as the caller may read it (objectors, tallies, hashes: the office's). */
  async history(id: string, user: AuthUser): Promise<HistoryView> {
    const { application, cycle } = await this.loadVisible(id, user);
    const audience = audienceOf(user, { application, cycle });
    const history = await this.engine.history(application.instanceId);
    // Labelled as the award words its states (中国质量奖's local selection is not 已获奖).
    const award = findAward(cycle.awardCode);
    const labelled = award?.outsideChain
      ? { ...history, entries: history.entries.map((e) => ({ ...e, fromStateLabel: e.fromState && e.fromStateLabel ? stateLabelFor(award, e.fromState, e.fromStateLabel) : e.fromStateLabel, toStateLabel: stateLabelFor(award, e.toState, e.toStateLabel) })) }
      : history;
    return redactHistory(audience, labelled, await this.mask.forApplication(audience, application));
  }

  /**
   * POST /applications/:id/actions/:action — the use case the action table names for the action,
   * as the table allows: the route, the payload fields, the caller's role and finer rule.
   */
  async act(id: string, action: string, user: AuthUser, body: { comment?: string; payload?: Record<string, unknown> }, expectedVersion?: number): Promise<ApplicationDto> {
    const { application, cycle, instance, identity } = await this.loadVisible(id, user);
    // The refusals below are read by people: they name the action as the workflow labels it.
    const actionLabel = await this.actionLabelOf(instance, action);
    const rule = genericRouteRule(action, actionLabel);
    const undeclared = undeclaredPayload(rule, body.payload);
    if (undeclared.length) throw undeclaredPayloadError(rule, undeclared, actionLabel);
    await this.assertMayTake(action, actionLabel, rule, user, application, cycle);
    const request: ActionRequest = { application, cycle, instance, action, user, comment: body.comment, payload: body.payload, expectedVersion };
    let result: TransitionResult;
    try {
      result = await this.useCases.implementationOf(rule.useCase as GenericUseCase)(request);
    } catch (error) {
      if (error instanceof TransitionNotAllowedError) throw await this.refusalFor(error, application, cycle, user);
      throw error;
    }
    try {
      // A plain transition changes the instance and nothing of the application: the answer is the
      // transition's result, with no re-read. The other use cases, and an invariant (submission's
      // receipt number), write rows of their own.
      if (rule.useCase === 'transition' && !this.invariants.of(APPLICATION_SUBJECT, action)) {
        await this.access.assertCanView(user, application, cycle);
        return await this.toDto(application, cycle, result.instance, identity, user);
      }
      return await this.view(id, user);
    } catch (error) {
      // The action can move the application out of the caller's sight (an expert passing 形式审查):
      // it still went through, and the caller gets the new state (identity hidden as for its role).
      if (!(error instanceof NotFoundError)) throw error;
      const current = await this.get(id);
      return this.toDto(current, cycle, await this.engine.get(application.instanceId), await this.organizations.get(current.organizationId), user);
    }
  }

  /** Whether the user passes the table's rule for an action on this application (role, then finer rule). */
  async mayTake(rule: ActionRule, user: AuthUser, application: Application, cycle: Cycle): Promise<boolean> {
    return this.mayTakeIn(rule, user, application, cycle.officeId, async () => cycle);
  }

  /** mayTake with the cycle's office at hand and the whole cycle read only for a rule another context decides. */
  private async mayTakeIn(rule: ActionRule, user: AuthUser, application: Application, officeId: string, cycle: () => Promise<Cycle>): Promise<boolean> {
    const scope = scopeOf(rule, user.role);
    switch (scope) {
      case undefined:
      case 'automation':
        return false;
      case 'anyone':
        return true;
      case 'own_organization':
        return user.organizationId === application.organizationId;
      case 'cycle_office':
        // A recommender acts only on what it may see: the access policy's one rule.
        if (user.role === Role.Recommender && scopedRecommender(user)) return this.access.recommenderMaySee(user, application, await cycle());
        return user.officeIds.includes(officeId);
      default:
        return this.useCases.scopeCheck(scope)(user, application, await cycle());
    }
  }

  private async assertMayTake(action: string, actionLabel: string | undefined, rule: ActionRule, user: AuthUser, application: Application, cycle: Cycle): Promise<void> {
    if (await this.mayTake(rule, user, application, cycle)) return;
    const scope = scopeOf(rule, user.role);
    if (scope === 'first_review_reviewer') throw new NotNamedForStageError(action, 'formal_review', actionLabel);
    if (scope === 'onsite_reviewer') throw new NotNamedForStageError(action, 'onsite_review', actionLabel);
    if (scope === undefined) throw new ActionForbiddenError(action, user.role, Object.keys(rule.who).filter((role) => role !== 'system'), { action: actionLabel });
    // Staff of another office, or another organisation: the application is not theirs to see.
    throw new NotFoundError('application', application.id);
  }

  /**
   * The action's zh-CN name in the application's workflow (undefined when the workflow has no such
   * action). An action whose outcome picks the transition (表决通过 / 表决未通过) is named by what its
   * labels share (表决), never by one outcome.
   */
  private async actionLabelOf(instance: InstanceSnapshot, action: string): Promise<string | undefined> {
    const labels = [...new Set((await this.engine.definitionOf(instance)).transitions.filter((t) => t.action === action).map((t) => t.label))];
    if (labels.length <= 1) return labels[0];
    let shared = labels[0];
    for (const label of labels) while (!label.startsWith(shared)) shared = shared.slice(0, -1);
    return shared || undefined;
  }

  /** The 409 names only what this caller may do now, as availableActions would. */
  private async refusalFor(error: TransitionNotAllowedError, application: Application, cycle: Cycle, user: AuthUser): Promise<TransitionNotAllowedError> {
    const instance = await this.engine.get(application.instanceId);
    const allowed = await this.actionsFor(application, cycle, instance, user);
    const action = String(error.params?.action ?? '');
    return new TransitionNotAllowedError(instance.state, action, allowed.map((a) => a.action), transitionLabels(await this.engine.definitionOf(instance), instance.state, action));
  }

  /** What the caller may do now: what the engine allows its role, as the action table allows it, with the route to take. */
  async actionsFor(application: Application, cycle: Cycle, instance: InstanceSnapshot, user: AuthUser): Promise<AvailableActionDto[]> {
    return this.actionsOf(application, cycle, async () => cycle, instance, user);
  }

  private async actionsOf(application: Application, cycle: { officeId: string }, fullCycle: () => Promise<Cycle>, instance: InstanceSnapshot, user: AuthUser): Promise<AvailableActionDto[]> {
    const offered = await this.engine.availableActions(instance, { id: user.id, role: user.role });
    const actions: AvailableActionDto[] = [];
    for (const a of offered) {
      const rule = actionRule(a.action);
      if (!rule || rule.route === SYSTEM_ONLY || !(await this.mayTakeIn(rule, user, application, cycle.officeId, fullCycle))) continue;
      actions.push({ ...a, route: rule.route, nextStep: isNextStep(a) });
    }
    return actions;
  }

  /** The `transition` use case: office staff act only within their offices, applicants only for themselves. */
  async fire(request: ActionRequest, manager?: EntityManager): Promise<TransitionResult> {
    const { application, cycle, user } = request;
    if (user.role !== Role.Applicant && !user.officeIds.includes(cycle.officeId)) throw new NotFoundError('application', application.id);
    return this.engine.fire({
      instanceId: application.instanceId,
      instance: request.instance,
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
    const present = await sqlRows<{ documentType: string }>(
      manager,
      `SELECT DISTINCT document_type AS "documentType" FROM attachments WHERE application_id = $1 AND deleted_at IS NULL`,
      [application.id],
    );
    const types = new Set(present.map((p) => p.documentType));
    for (const doc of award.requiredDocuments) {
      if (!doc.optional && !types.has(doc.type)) problems.push({ rule: 'documents', reason: `缺少申报材料：${doc.label}` });
    }
    for (const p of formProblems(award.family, application.form, { complete: true, requiredSections: award.requiredFormSections })) {
      const reason = p.kind === 'missing' ? `申报书未填写：${p.label}` : `申报书填写有误：${p.label}（${p.messages.join('；')}）`;
      problems.push({ rule: 'form', field: p.field, reason });
    }
    const subject = applicationSubject(cycle.awardCode, application.organizationId, application.form);
    problems.push(...(await reentryProblems(manager, { applicationId: application.id, cycleId: cycle.id, awardCode: cycle.awardCode, awardName: award.name, subject })));
    problems.push(...(await this.eligibilityFailures(application, cycle, manager)));
    return problems;
  }

  /** The cycle's eligibility rules against today's facts (also the gates before 公示 and 审定). */
  async eligibilityFailures(application: Application, cycle: Cycle, manager: EntityManager = this.dataSource.manager) {
    const facts = await this.organizations.factsFor(application.organizationId, manager);
    const wins = cycle.eligibility.some((r) => r.rule === 'no_win_within_editions') ? await pastWins(manager, application.organizationId, cycle) : [];
    return evaluateEligibility(cycle.eligibility, {
      ...facts,
      wins,
      form: application.form,
      cycle: { id: cycle.id, awardCode: cycle.awardCode, year: cycle.year, regionCode: '' },
      now: new Date().toISOString(),
      referenceDate: eligibilityReferenceDate(cycle),
    });
  }

  async loadVisible(
    id: string,
    user: AuthUser,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ application: Application; cycle: Cycle; instance: InstanceSnapshot; identity: ApplicantIdentity }> {
    const found = await applicationRow(this.dataSource, manager, id);
    if (!found) throw new NotFoundError('application', id);
    const { application, cycleVersion, identity } = found;
    const cycle = await this.cycleCache.get(application.cycleId, cycleVersion);
    await this.access.assertCanView(user, application, cycle);
    const instance = await instanceSnapshotOf(this.definitions, found.instance);
    return { application, cycle, instance, identity };
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<Application> {
    const application = await manager.findOneBy(Application, { id });
    if (!application) throw new NotFoundError('application', id);
    return application;
  }

  private async toDto(application: Application, cycle: Cycle, instance: InstanceSnapshot, identity: ApplicantIdentity, user: AuthUser): Promise<ApplicationDto> {
    return this.dtoOf(application, cycle, instance, identity, await this.actionsFor(application, cycle, instance, user), user);
  }

  /** The one shape of an application in answers, for `view` and each list item alike. */
  private dtoOf(application: Application, cycle: DtoCycle, instance: InstanceSnapshot, identity: ApplicantIdentity, actions: AvailableActionDto[], user: AuthUser): ApplicationDto {
    const { organization, form } = redactApplication(audienceOf(user, { application, cycle }), identity, application.form);
    return {
      id: application.id,
      cycleId: cycle.id,
      cycle: { id: cycle.id, title: cycle.title, awardCode: cycle.awardCode, awardName: findAward(cycle.awardCode)?.name ?? cycle.awardCode, year: cycle.year },
      organization,
      form,
      // From the form as this caller reads it: a blind expert's redactions hold for the name too.
      subjectName: applicationSubject(cycle.awardCode, application.organizationId, form).name,
      state: instance.state,
      stateLabel: stateLabelFor(findAward(cycle.awardCode), instance.state, instance.stateLabel),
      terminal: instance.terminal,
      version: instance.version,
      receiptNumber: application.receiptNumber,
      recommendedFromId: application.recommendedFromId,
      renewalOfId: application.renewalOfId ?? null,
      submittedAt: application.submittedAt,
      availableActions: actions,
      createdAt: application.createdAt,
      updatedAt: instance.updatedAt > application.updatedAt ? instance.updatedAt : application.updatedAt,
    };
  }

  // ---- the cycles context's port ----

  async hasSubmittedApplications(cycleId: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const rows = await sqlRows(manager, `SELECT 1 FROM applications WHERE cycle_id = $1 AND submitted_at IS NOT NULL LIMIT 1`, [cycleId]);
    return rows.length > 0;
  }

  /** The window closed: submitted applications go to review, drafts expire (set-based, restartable: cycle-close.ts). */
  async onCycleClosed(cycle: Cycle, actor: Actor): Promise<{ movedToReview: number; expired: number }> {
    return this.cycleClose.finish(cycle.id, actor);
  }
}
