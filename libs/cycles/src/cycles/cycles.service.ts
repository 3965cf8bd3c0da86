import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AuditAction, AuditEntityType, AuditLog } from '@awardflow/audit';
import {
  AwardDefinition,
  EligibilityRuleRef,
  certificateNumberFormatProblems,
  checkEligibilityRules,
  compileStagePlan,
  findAward,
  formatNamesTier,
  getAward,
  materialiseEligibility,
  normalisePlan,
  planProblems,
  StagePlan,
  upgradeStagePlan,
} from '@awardflow/awards';
import { WorkCalendars } from '@awardflow/calendar';
import { AuthUser, divisionPrefix, OFFICE_PARENTS_RELATION, officeDivision, Role } from '@awardflow/identity';
import { beijingDate, isDay } from '@awardflow/rules';
import { AppConfigService, DomainError, ErrorCode, FieldError, FieldValidationError, NotFoundError, Page, pageOf, pageWindow, sqlRows } from '@awardflow/platform';
import { DefinitionRegistry, INSTANCE_CONTEXTS_RELATION, isWorkingDayDuration, WorkflowDefinition } from '@awardflow/workflow';
import { EntityManager, Repository } from 'typeorm';
import { parseBeijingInstant } from './beijing-time';
import { CreateCycleDto, CycleDto, CycleSettingsDto, CycleTimelineDto, ListCyclesQuery, UpdateCycleDto } from './cycle.dto';
import { cycleDurations, CycleDurations, DayUnits, dayUnitsOf } from './cycle-durations';
import { Cycle, DurationOverrides } from './cycle.entity';
import { expiresWithBatch } from './recognition-validity';
import { CycleTimeline, planCycleTimeline } from './cycle-timeline';
import { CycleHooks } from './cycle-hooks';

const RECOGNITION_VALIDITY_FIELDS = ['recognitionValidFrom', 'recognitionValidUntil', 'expiryNoticeDays'] as const;
const DEFAULT_MAJORITY = { numerator: 2, denominator: 3 };
// Fields that shape how applications are judged: frozen once one has been submitted.
const FROZEN_AFTER_SUBMISSION = ['eligibility', 'eligibilityReferenceDate', 'stagePlan', 'scoreAggregation', 'reviewersPerApplication'] as const;
const DAY_UNIT_FIELDS = { publicity: 'publicityDayUnit', supplement: 'supplementDayUnit', reviewDue: 'reviewDueDayUnit' } as const;
const PERIOD_NAMES: Record<keyof CycleDurations, string> = { publicity: '公示期', supplement: '补正期限', reviewDue: '评审期限' };

@Injectable()
export class CyclesService {
  constructor(
    @InjectRepository(Cycle) private readonly cycles: Repository<Cycle>,
    private readonly definitions: DefinitionRegistry,
    private readonly hooks: CycleHooks,
    private readonly config: AppConfigService,
    private readonly audit: AuditLog,
    private readonly calendars: WorkCalendars,
  ) {}

  async create(input: CreateCycleDto, admin: AuthUser): Promise<CycleDto> {
    const award = findAward(input.awardCode);
    const officeId = input.officeId ?? admin.officeIds[0];
    const errors: FieldError[] = [];
    if (!award) errors.push({ field: 'awardCode', messages: [`没有代码为“${input.awardCode}”的奖项`] });
    if (!officeId || !admin.officeIds.includes(officeId)) errors.push({ field: 'officeId', messages: ['只能为您所属的办公室创建评审周期'] });
    const cycle = this.cycles.create({
      officeId,
      awardCode: input.awardCode,
      year: input.year,
      title: input.title,
      status: 'draft',
      applicationOpensAt: parseBeijingInstant(input.applicationOpensAt, 'start'),
      applicationClosesAt: parseBeijingInstant(input.applicationClosesAt, 'end'),
      stagePlan: award ? normalisePlan(award.family, input.stagePlan) : (input.stagePlan as never),
      quota: { awards: input.quota.awards, secondTier: input.quota.secondTier ?? null, perRecommender: input.quota.perRecommender ?? null, letterRequired: input.recommendationLetterRequired ?? false },
      reviewersPerApplication: input.reviewersPerApplication,
      scoreAggregation: input.scoreAggregation ?? 'trimmed_mean',
      publicityDays: input.publicityDays ?? 7,
      supplementDays: input.supplementDays ?? 15,
      reviewDueDays: input.reviewDueDays ?? 14,
      reminderDaysBefore: input.reminderDaysBefore ?? [3, 1],
      panel: { quorum: input.panel?.quorum ?? 5, majority: input.panel?.majority ?? DEFAULT_MAJORITY },
      eligibility: await this.officeEligibility(input.eligibility ?? award?.defaultEligibility ?? [], officeId),
      eligibilityReferenceDate: emptyToNull(input.eligibilityReferenceDate),
      blindReview: input.blindReview ?? false,
      reassignOverdue: input.reassignOverdue ?? false,
      recognitionValidityYears: expiresWithBatch(award) ? (input.recognitionValidityYears ?? award!.validityYears ?? 3) : null,
      recognitionValidFrom: input.recognitionValidFrom ?? null,
      recognitionValidUntil: input.recognitionValidUntil ?? null,
      expiryNoticeDays: input.expiryNoticeDays ?? null,
      outlierThreshold: input.outlierThreshold ?? null,
      durationOverrides: withDayUnits({ ...input.durationOverrides }, pickDayUnits(input)),
      certificateNumberFormat: emptyToNull(input.certificateNumberFormat),
      createdBy: admin.id,
    });
    errors.push(...this.validate(cycle, award), ...stagePlanErrors(award, input.stagePlan, cycle.stagePlan));
    if (!errors.length) errors.push(...(await this.checkCalendar(cycle)));
    if (errors.length) throw new FieldValidationError(errors);
    if (await this.cycles.exist({ where: { officeId, awardCode: cycle.awardCode, year: cycle.year } })) {
      throw new DomainError(ErrorCode.CycleExists, { awardName: award!.name, year: cycle.year });
    }
    try {
      await this.cycles.manager.transaction(async (m) => {
        await m.save(cycle);
        await this.audit.record({ action: AuditAction.CycleCreated, entityType: AuditEntityType.Cycle, entityId: cycle.id, officeIds: [cycle.officeId], after: toCycleDto(cycle) }, m);
      });
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw new DomainError(ErrorCode.CycleExists, { awardName: award!.name, year: cycle.year });
      throw error;
    }
    return toCycleDto(cycle);
  }

  async list(query: ListCyclesQuery, user: AuthUser): Promise<Page<CycleDto>> {
    const window = pageWindow(query);
    const qb = this.cycles.createQueryBuilder('c').orderBy('c.year', 'DESC').addOrderBy('c.application_closes_at', 'ASC').addOrderBy('c.id', 'ASC');
    if (query.awardCode) qb.andWhere('c.award_code = :award', { award: query.awardCode });
    if (query.year) qb.andWhere('c.year = :year', { year: query.year });
    if (query.status) qb.andWhere('c.status = :status', { status: query.status });
    // Office staff: their offices' cycles, and the running cycles of the office above (a district
    // office recommends into the city's 市长质量管理奖).
    if (isOfficeStaff(user)) {
      qb.andWhere(
        `(c.office_id IN (:...offices) OR (c.status IN ('open', 'closed') AND c.office_id IN (SELECT o.parent_id FROM ${OFFICE_PARENTS_RELATION} o WHERE o.id IN (:...offices))))`,
        { offices: user.officeIds.length ? user.officeIds : ['00000000-0000-0000-0000-000000000000'] },
      );
    }
    // Enterprises and recommenders see what they can take part in, not the offices' drafts.
    else qb.andWhere(`c.status IN ('open', 'closed')`);
    const [cycles, total] = await qb.limit(window.limit).offset(window.offset).getManyAndCount();
    return pageOf(cycles.map(toCycleDto), total, window);
  }

  async getForUser(id: string, user: AuthUser): Promise<Cycle> {
    const cycle = await this.cycles.findOneBy({ id });
    if (!cycle || !canSee(cycle, user)) throw new NotFoundError('cycle', id);
    return cycle;
  }

  /** Admin-only access: the cycle must belong to one of the admin's offices. */
  /**
   * What the cycle form may offer here: the test-only short durations (ISO 8601 overrides of the day
   * counts) only where ALLOW_SHORT_DURATIONS is on, and never in production, whatever the flag says.
   */
  settings(): CycleSettingsDto {
    return { shortDurations: !this.config.isProduction && !!this.config.get('ALLOW_SHORT_DURATIONS') };
  }

  async getForAdmin(id: string, admin: AuthUser): Promise<Cycle> {
    const cycle = await this.cycles.findOneBy({ id });
    if (!cycle || !admin.officeIds.includes(cycle.officeId)) throw new NotFoundError('cycle', id);
    return cycle;
  }

  async get(id: string, manager?: EntityManager): Promise<Cycle> {
    const cycle = await (manager?.getRepository(Cycle) ?? this.cycles).findOneBy({ id });
    if (!cycle) throw new NotFoundError('cycle', id);
    return cycle;
  }

  /** The cycle an application may be created in: it must be open and inside its window. */
  async getOpenForApplication(id: string): Promise<Cycle> {
    const cycle = await this.get(id);
    const now = Date.now();
    if (cycle.status !== 'open' || now < cycle.applicationOpensAt.getTime() || now > cycle.applicationClosesAt.getTime()) {
      throw new DomainError(ErrorCode.CycleNotOpen, { title: cycle.title }, { cycleStatus: cycle.status });
    }
    return cycle;
  }

  async update(id: string, input: UpdateCycleDto, admin: AuthUser): Promise<CycleDto> {
    const cycle = await this.getForAdmin(id, admin);
    const award = getAward(cycle.awardCode);
    const before = toCycleDto(structuredClone(cycle));
    const touched = Object.keys(input).filter((k) => (input as Record<string, unknown>)[k] !== undefined);
    // A 名牌 batch's validity is set up to its 审定, which comes after the window has closed.
    const validityOnly = touched.length > 0 && touched.every((k) => (RECOGNITION_VALIDITY_FIELDS as readonly string[]).includes(k));
    if (cycle.status === 'archived' || (cycle.status === 'closed' && !validityOnly)) throw new DomainError(ErrorCode.CycleLocked, { cycleStatus: cycle.status });
    if (cycle.status === 'open') {
      if (touched.includes('stagePlan')) throw new DomainError(ErrorCode.StagePlanPinned);
      if (touched.includes('applicationOpensAt') || touched.includes('applicationClosesAt')) {
        throw new DomainError(ErrorCode.ApplicationWindowRunning);
      }
      const frozen = touched.filter((k) => (FROZEN_AFTER_SUBMISSION as readonly string[]).includes(k));
      if (frozen.length && (await this.hooks.hasSubmittedApplications(cycle.id))) {
        throw new DomainError(ErrorCode.CycleRulesFrozen, { fields: frozen });
      }
    }
    if (input.title !== undefined) cycle.title = input.title;
    if (input.applicationOpensAt !== undefined) cycle.applicationOpensAt = parseBeijingInstant(input.applicationOpensAt, 'start');
    if (input.applicationClosesAt !== undefined) cycle.applicationClosesAt = parseBeijingInstant(input.applicationClosesAt, 'end');
    // A plan saved before v3 may say only publicityBeforePanel: both sides are read into `publicity` before merging.
    if (input.stagePlan !== undefined) cycle.stagePlan = normalisePlan(award.family, { ...upgradeStagePlan(cycle.stagePlan), ...upgradeStagePlan(definedOnly(input.stagePlan)) });
    if (input.quota !== undefined) cycle.quota = { awards: input.quota.awards, secondTier: input.quota.secondTier ?? null, perRecommender: input.quota.perRecommender ?? null, letterRequired: cycle.quota.letterRequired };
    if (input.recommendationLetterRequired !== undefined) cycle.quota = { ...cycle.quota, letterRequired: input.recommendationLetterRequired };
    if (input.panel !== undefined) cycle.panel = { quorum: input.panel.quorum, majority: input.panel.majority ?? DEFAULT_MAJORITY };
    if (input.certificateNumberFormat !== undefined) cycle.certificateNumberFormat = emptyToNull(input.certificateNumberFormat);
    if (input.eligibilityReferenceDate !== undefined) cycle.eligibilityReferenceDate = emptyToNull(input.eligibilityReferenceDate);
    if (input.outlierThreshold !== undefined) cycle.outlierThreshold = input.outlierThreshold;
    if (input.eligibility !== undefined) input = { ...input, eligibility: await this.officeEligibility(input.eligibility, cycle.officeId) };
    for (const key of ['reviewersPerApplication', 'scoreAggregation', 'publicityDays', 'supplementDays', 'reviewDueDays', 'reminderDaysBefore', 'eligibility', 'blindReview', 'reassignOverdue', 'recognitionValidityYears', ...RECOGNITION_VALIDITY_FIELDS] as const) {
      if (input[key] !== undefined) (cycle as unknown as Record<string, unknown>)[key] = input[key];
    }
    const units = { ...cycle.durationOverrides?.dayUnits, ...pickDayUnits(input) };
    cycle.durationOverrides = withDayUnits(input.durationOverrides !== undefined ? { ...input.durationOverrides } : { ...cycle.durationOverrides }, units);
    const errors = [...this.validate(cycle, award), ...stagePlanErrors(award, input.stagePlan, cycle.stagePlan)];
    if (!errors.length) errors.push(...(await this.checkCalendar(cycle)));
    if (!errors.length) errors.push(...(await this.batchValidityProblems(cycle, before)));
    if (errors.length) throw new FieldValidationError(errors);
    await this.cycles.manager.transaction(async (m) => {
      await m.save(cycle);
      await this.audit.record({ action: AuditAction.CycleChanged, entityType: AuditEntityType.Cycle, entityId: cycle.id, officeIds: [cycle.officeId], before, after: toCycleDto(cycle) }, m);
    });
    return toCycleDto(cycle);
  }

  /** Opens the cycle and pins the workflow definition its stage plan compiles to. */
  async open(id: string, admin: AuthUser): Promise<CycleDto> {
    const cycle = await this.getForAdmin(id, admin);
    if (cycle.status !== 'draft') throw new DomainError(ErrorCode.CycleAlreadyOpened, { cycleStatus: cycle.status });
    if (cycle.applicationClosesAt.getTime() <= Date.now()) {
      throw new FieldValidationError([{ field: 'applicationClosesAt', messages: ['开放申报时，截止日期须在未来'] }]);
    }
    const definition = compileStagePlan(getAward(cycle.awardCode), cycle.stagePlan);
    const pinned = await this.definitions.register(definition);
    const opened = { status: 'open' as const, definitionCode: pinned.code, definitionVersion: pinned.version, openedAt: new Date() };
    await this.cycles.manager.transaction(async (m) => {
      const result = await m.update(Cycle, { id: cycle.id, status: 'draft' }, opened);
      if (!result.affected) throw new DomainError(ErrorCode.CycleChanged);
      await this.audit.record({ action: AuditAction.CycleOpened, entityType: AuditEntityType.Cycle, entityId: cycle.id, officeIds: [cycle.officeId], before: { status: cycle.status }, after: opened }, m);
    });
    return toCycleDto(await this.get(cycle.id));
  }

  /** Closes the application window now: submitted applications move into review. */
  async close(id: string, admin: AuthUser): Promise<CycleDto & { movedToReview: number; expired: number }> {
    const cycle = await this.getForAdmin(id, admin);
    if (cycle.status !== 'open') throw new DomainError(ErrorCode.CycleNotClosable, { cycleStatus: cycle.status });
    const closing = { status: 'closed' as const, closedAt: new Date() };
    await this.cycles.manager.transaction(async (m) => {
      const result = await m.update(Cycle, { id: cycle.id, status: 'open' }, closing);
      if (!result.affected) throw new DomainError(ErrorCode.CycleChanged);
      await this.audit.record({ action: AuditAction.CycleClosed, entityType: AuditEntityType.Cycle, entityId: cycle.id, officeIds: [cycle.officeId], before: { status: cycle.status }, after: closing }, m);
    });
    const closed = await this.get(cycle.id);
    const moved = await this.hooks.onCycleClosed(closed, { id: admin.id, role: admin.role });
    return { ...toCycleDto(closed), ...moved };
  }

  async workflowOf(id: string, user: AuthUser): Promise<WorkflowDefinition> {
    const cycle = await this.getForUser(id, user);
    if (cycle.definitionCode && cycle.definitionVersion) return this.definitions.get(cycle.definitionCode, cycle.definitionVersion);
    return compileStagePlan(getAward(cycle.awardCode), cycle.stagePlan);
  }

  /** The context every application instance of this cycle starts with (timers read it). */
  instanceContext(cycle: Cycle): Record<string, unknown> {
    const o = cycle.durationOverrides ?? {};
    const durations = cycleDurations(cycle);
    return {
      cycleId: cycle.id,
      awardCode: cycle.awardCode,
      officeId: cycle.officeId,
      year: cycle.year,
      applicationClosesAt: cycle.applicationClosesAt.toISOString(),
      supplementDuration: durations.supplement,
      publicityDuration: durations.publicity,
      reviewDueDuration: durations.reviewDue,
      recognitionValidity: o.recognitionValidity ?? `P${cycle.recognitionValidityYears ?? 3}Y`,
      blindReview: cycle.blindReview,
    };
  }

  /** The planned date of every stage of the cycle's plan (admins of its office). */
  async timeline(id: string, admin: AuthUser): Promise<CycleTimelineDto> {
    const { items, warnings } = await this.planTimeline(await this.getForAdmin(id, admin));
    return { items: items.map((i) => ({ ...i, plannedAt: i.plannedAt?.toISOString() ?? null })), warnings };
  }

  /**
   * A year another process just added is read before a plan is refused for lacking it: a timeline
   * that misses a year is computed once more on a fresh read of the calendar.
   */
  private async planTimeline(cycle: Cycle): Promise<CycleTimeline> {
    const input = {
      family: getAward(cycle.awardCode).family,
      stagePlan: cycle.stagePlan,
      applicationOpensAt: cycle.applicationOpensAt,
      applicationClosesAt: cycle.applicationClosesAt,
      durations: cycleDurations(cycle),
    };
    let planned: CycleTimeline | undefined;
    try {
      return await this.calendars.withCalendar((calendar) => {
        planned = planCycleTimeline(input, calendar);
        if (planned.missingYears.length) throw new DomainError(ErrorCode.CalendarYearMissing, { year: planned.missingYears[0] });
        return planned;
      });
    } catch (error) {
      if (planned && error instanceof DomainError && error.code === ErrorCode.CalendarYearMissing) return planned;
      throw error;
    }
  }

  /** A working-day period whose dates can be planned must not reach into a year without a calendar: refused, never guessed. */
  private async checkCalendar(cycle: Cycle): Promise<FieldError[]> {
    if (!Object.values(cycleDurations(cycle)).some(isWorkingDayDuration)) return [];
    const { missing } = await this.planTimeline(cycle);
    const overrides = cycle.durationOverrides ?? {};
    return missing.map(({ duration, year }) => ({
      field: overrides[duration] ? `durationOverrides.${duration}` : DAY_UNIT_FIELDS[duration],
      messages: [`按工作日计算的${PERIOD_NAMES[duration]}将进入 ${year} 年，系统中还没有该年的法定节假日和调休安排；请待国务院办公厅公布后由管理员录入该年日历，或改按自然日计算`],
    }));
  }

  /** The rules with the office's own division and industry plan written into those that depend on it. */
  private async officeEligibility(rules: EligibilityRuleRef[], officeId: string | undefined): Promise<EligibilityRuleRef[]> {
    const division = officeId ? await officeDivision(this.cycles.manager, officeId) : null;
    return division ? materialiseEligibility(rules, { division, prefix: divisionPrefix(division) }) : rules;
  }

  /** A batch's period, once a recognition of it was given it, is the batch's: it no longer changes. */
  private async batchValidityProblems(cycle: Cycle, before: CycleDto): Promise<FieldError[]> {
    const changed = (['recognitionValidFrom', 'recognitionValidUntil'] as const).filter((k) => before[k] !== null && before[k] !== (cycle[k] ?? null));
    if (!changed.length) return [];
    const [given] = await sqlRows<{ id: string }>(
      this.cycles.manager,
      `SELECT i.id FROM ${INSTANCE_CONTEXTS_RELATION} i WHERE i.context->>'cycleId' = $1 AND i.context ? 'recognitionValidUntil' LIMIT 1`,
      [cycle.id],
    );
    return given ? changed.map((field) => ({ field, messages: ['本批已有认定按此有效期发证，不能再更改'] })) : [];
  }

  private validate(cycle: Cycle, award: AwardDefinition | undefined): FieldError[] {
    const errors: FieldError[] = [];
    if (cycle.eligibilityReferenceDate !== null && !isDay(cycle.eligibilityReferenceDate)) errors.push({ field: 'eligibilityReferenceDate', messages: ['不是有效的日期'] });
    if (Number.isNaN(cycle.applicationOpensAt.getTime())) errors.push({ field: 'applicationOpensAt', messages: ['不是有效的日期'] });
    if (Number.isNaN(cycle.applicationClosesAt.getTime())) errors.push({ field: 'applicationClosesAt', messages: ['不是有效的日期'] });
    else if (cycle.applicationOpensAt >= cycle.applicationClosesAt) errors.push({ field: 'applicationClosesAt', messages: ['须晚于申报开始日期'] });
    if (cycle.quota.secondTier && award && !award.secondTierLabel) errors.push({ field: 'quota.secondTier', messages: [`${award.name}不设第二档`] });
    const { numerator, denominator } = cycle.panel.majority;
    if (numerator > denominator) errors.push({ field: 'panel.majority', messages: ['分子不能大于分母'] });
    errors.push(...checkEligibilityRules(cycle.eligibility));
    errors.push(...recognitionValidityProblems(cycle, award));
    if (cycle.certificateNumberFormat !== null) {
      const problems = certificateNumberFormatProblems(cycle.certificateNumberFormat);
      if (!problems.length && cycle.quota.secondTier && !formatNamesTier(cycle.certificateNumberFormat)) problems.push('本届设有第二档，须包含 {tier} 以区分两档的证书编号');
      if (problems.length) errors.push({ field: 'certificateNumberFormat', messages: problems });
    }
    const overrides = Object.keys(cycle.durationOverrides ?? {}).filter((k) => k !== 'dayUnits');
    if (overrides.length && !this.settings().shortDurations) {
      errors.push({ field: 'durationOverrides', messages: ['本环境未开启测试用短时长（ALLOW_SHORT_DURATIONS），请使用天数设置'] });
    }
    return errors;
  }
}

/** The date the cycle's eligibility counts years to: its own, else the deadline's Beijing date (截至申报截止日). */
export function eligibilityReferenceDate(c: Pick<Cycle, 'eligibilityReferenceDate' | 'applicationClosesAt'>): string {
  return c.eligibilityReferenceDate ?? beijingDate(c.applicationClosesAt.toISOString());
}

const PLAN_VALUE_LABELS: Record<string, string> = { before_panel: '先公示后审议', after_panel: '先审议后公示', after_approval: '审议、政府审批后公示' };

/** A stage plan's values the award's family does not offer, and a scored 答辩 without a 答辩. */
function stagePlanErrors(award: AwardDefinition | undefined, asked: StagePlan | undefined, plan: StagePlan): FieldError[] {
  if (!award || !asked) return [];
  const errors: FieldError[] = planProblems(award.family, asked).map(({ flag, offered }) => ({
    field: `stagePlan.${flag}`,
    messages: [`${award.name}的评审流程不提供此选项${offered.some((v) => typeof v === 'string') ? `，可选：${offered.map((v) => PLAN_VALUE_LABELS[String(v)] ?? String(v)).join('、')}` : ''}`],
  }));
  if (asked.scoredDefense === true && !plan.defense) errors.push({ field: 'stagePlan.scoredDefense', messages: ['答辩评分须同时设企业答辩'] });
  return errors;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** A batch validity is for a 名牌 only, given whole (both dates, a real period), with a notice inside it. */
function recognitionValidityProblems(cycle: Cycle, award: AwardDefinition | undefined): FieldError[] {
  const { recognitionValidFrom: from, recognitionValidUntil: until, expiryNoticeDays: notice } = cycle;
  if (!award || (from == null && until == null && notice == null)) return [];
  if (!expiresWithBatch(award)) {
    const field = from != null ? 'recognitionValidFrom' : until != null ? 'recognitionValidUntil' : 'expiryNoticeDays';
    return [{ field, messages: [award.recheckEveryYears ? `${award.name}不设有效期，由认定机关定期复核` : `${award.name}不设认定有效期`] }];
  }
  const errors: FieldError[] = [];
  for (const [field, value] of [['recognitionValidFrom', from], ['recognitionValidUntil', until]] as const) {
    if (value != null && !isCalendarDate(value)) errors.push({ field, messages: ['不是有效的日期'] });
  }
  if (errors.length) return errors;
  if ((from == null) !== (until == null)) errors.push({ field: from == null ? 'recognitionValidFrom' : 'recognitionValidUntil', messages: ['认定有效期的起始日和截止日须同时填写'] });
  else if (from != null && until! < from) errors.push({ field: 'recognitionValidUntil', messages: ['须不早于认定有效期起始日'] });
  return errors;
}

function isCalendarDate(value: string): boolean {
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** An empty format is no format of its own: the award's default applies. */
function emptyToNull(format: string | undefined): string | null {
  return format === undefined || format.trim() === '' ? null : format.trim();
}

function isOfficeStaff(user: AuthUser): boolean {
  return user.role === Role.Admin || user.role === Role.Reviewer;
}

function canSee(cycle: Cycle, user: AuthUser): boolean {
  if (isOfficeStaff(user)) return user.officeIds.includes(cycle.officeId);
  return cycle.status === 'open' || cycle.status === 'closed';
}

export function toCycleDto(c: Cycle): CycleDto {
  return {
    id: c.id,
    officeId: c.officeId,
    awardCode: c.awardCode,
    awardName: findAward(c.awardCode)?.name ?? c.awardCode,
    year: c.year,
    title: c.title,
    status: c.status,
    applicationOpensAt: c.applicationOpensAt,
    applicationClosesAt: c.applicationClosesAt,
    // Plans saved before v3 read with today's options (a legacy publicityBeforePanel as `publicity`).
    stagePlan: findAward(c.awardCode) ? normalisePlan(findAward(c.awardCode)!.family, c.stagePlan) : c.stagePlan,
    quota: { awards: c.quota.awards, secondTier: c.quota.secondTier ?? undefined, perRecommender: c.quota.perRecommender ?? undefined },
    reviewersPerApplication: c.reviewersPerApplication,
    scoreAggregation: c.scoreAggregation,
    publicityDays: c.publicityDays,
    supplementDays: c.supplementDays,
    reviewDueDays: c.reviewDueDays,
    ...dayUnitFields(c),
    reminderDaysBefore: c.reminderDaysBefore,
    panel: c.panel,
    eligibility: c.eligibility,
    eligibilityReferenceDate: eligibilityReferenceDate(c),
    eligibilityReferenceDateSet: c.eligibilityReferenceDate !== null,
    blindReview: c.blindReview,
    reassignOverdue: c.reassignOverdue,
    recommendationLetterRequired: c.quota.letterRequired ?? false,
    recognitionValidityYears: c.recognitionValidityYears,
    recognitionValidFrom: c.recognitionValidFrom ?? null,
    recognitionValidUntil: c.recognitionValidUntil ?? null,
    expiryNoticeDays: c.expiryNoticeDays ?? null,
    outlierThreshold: c.outlierThreshold ?? null,
    durationOverrides: withDayUnits({ ...c.durationOverrides }, {}),
    certificateNumberFormat: c.certificateNumberFormat ?? findAward(c.awardCode)?.certificateNumberFormat ?? '',
    definitionCode: c.definitionCode,
    definitionVersion: c.definitionVersion,
    openedAt: c.openedAt,
    closedAt: c.closedAt,
  };
}

function pickDayUnits(input: Partial<Pick<CreateCycleDto, 'publicityDayUnit' | 'supplementDayUnit' | 'reviewDueDayUnit'>>): DayUnits {
  const units: DayUnits = {};
  for (const [period, field] of Object.entries(DAY_UNIT_FIELDS) as [keyof DayUnits, (typeof DAY_UNIT_FIELDS)[keyof DayUnits]][]) {
    if (input[field] !== undefined) units[period] = input[field];
  }
  return units;
}

/** The overrides with the day units set (none kept when every period counts calendar days by default). */
function withDayUnits(overrides: DurationOverrides, units: DayUnits): DurationOverrides {
  const { dayUnits: _, ...rest } = overrides;
  return Object.keys(units).length ? { ...rest, dayUnits: units } : rest;
}

function dayUnitFields(c: Cycle): Pick<CycleDto, 'publicityDayUnit' | 'supplementDayUnit' | 'reviewDueDayUnit'> {
  const units = dayUnitsOf(c);
  return { publicityDayUnit: units.publicity, supplementDayUnit: units.supplement, reviewDueDayUnit: units.reviewDue };
}
