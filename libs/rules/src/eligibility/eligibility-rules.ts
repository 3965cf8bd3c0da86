import { beijingDate, DAY_FORMAT } from '../formats/dates';
import { formValue } from '../forms/form-value';
import { CreditGrade, EligibilityFacts, OrganizationRecordFact, OrganizationRecordKind, OwnFacts } from './eligibility-facts';

/** A rule chosen for a cycle, with its parameters. */
export interface EligibilityRuleRef {
  rule: string;
  params?: Record<string, unknown>;
}

export interface EligibilityFailure {
  rule: string;
  /** zh-CN, shown to the enterprise as it is. */
  reason: string;
}

interface RuleBase {
  /** What the rule is, without its numbers (the catalog's list of rules). */
  label: string;
  /** The rule as a notice words it, its numbers filled in from the parameters (连续正常生产经营5年以上). */
  describe(params: Record<string, unknown>): string;
  /** Problems with the parameters, as `params.x: why` (empty = valid). */
  checkParams(params: Record<string, unknown>): string[];
}

/**
 * A rule on what the enterprise itself can see (its registration, its form) is checked by the
 * console as the form is filled; a rule on the office's records only at the API.
 */
type RuleDefinition =
  | (RuleBase & { needs: 'own'; /** null when the facts satisfy the rule, else the zh-CN reason. */ evaluate(facts: OwnFacts, params: Record<string, unknown>): string | null })
  | (RuleBase & { needs: 'records'; evaluate(facts: EligibilityFacts, params: Record<string, unknown>): string | null });

const GRADES: CreditGrade[] = ['A', 'B', 'C', 'D'];
export const RECORD_KIND_LABELS: Readonly<Record<string, string>> = {
  // 《市场监督管理严重违法失信名单管理办法》（国家市场监督管理总局令第44号）
  blacklist: '市场监督管理严重违法失信名单',
  abnormal_operation: '经营异常名录',
  // 渝人社〔2023〕560号（第九届重庆市市长质量管理奖）申报条件（四）的措辞
  major_accident: '重大质量、环境、安全生产责任事故',
  sampling_failure: '监督抽查严重不合格',
  penalty: '行政处罚',
  reapplication_ban: '禁止再次申报期',
  // 《最高人民法院关于公布失信被执行人名单信息的若干规定》（法释〔2017〕7号）
  dishonest_debtor: '失信被执行人名单',
} satisfies Record<OrganizationRecordKind, string>;


function minusYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y - years, m - 1, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), m, 0)).getUTCDate();
  return `${String(y - years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

function positiveInt(params: Record<string, unknown>, key: string): string[] {
  const v = params[key];
  return Number.isInteger(v) && (v as number) > 0 ? [] : [`params.${key}: 须为正整数`];
}

function stringList(params: Record<string, unknown>, key: string, pattern: RegExp): string[] {
  const v = params[key];
  if (!Array.isArray(v) || v.length === 0) return [`params.${key}: 须为非空列表`];
  return v.every((x) => typeof x === 'string' && pattern.test(x)) ? [] : [`params.${key}: 含有格式不正确的项`];
}

function activeOn(record: OrganizationRecordFact, today: string): boolean {
  const from = record.from ? record.from.slice(0, 10) : null;
  const until = record.until ? record.until.slice(0, 10) : null;
  return (!from || from <= today) && (!until || until >= today);
}

function recordsOf(facts: EligibilityFacts, kind: OrganizationRecordKind): OrganizationRecordFact[] {
  return facts.records.filter((r) => r.kind === kind);
}

/**
 * The date years are counted to: the cycle's reference date (截至申报截止日 by default), else today.
 * Listings and bans are not measured against it: what counts there is whether one holds today.
 */
export function referenceDateOf(facts: OwnFacts): string {
  return facts.referenceDate && DAY_FORMAT.test(facts.referenceDate) ? facts.referenceDate : beijingDate(facts.now);
}

function withinYears(facts: EligibilityFacts, kind: OrganizationRecordKind, years: number): OrganizationRecordFact | undefined {
  const until = referenceDateOf(facts);
  const since = minusYears(until, years);
  return recordsOf(facts, kind).find((r) => r.occurredAt && r.occurredAt.slice(0, 10) >= since && r.occurredAt.slice(0, 10) <= until);
}

const years = (p: Record<string, unknown>) => (Number.isInteger(p.years) ? String(p.years) : 'N');

/** An event within the last N years before the reference date; `verb` is how a notice says it happened (发生事故, 受到处罚). */
const eventWithinYears = (kind: OrganizationRecordKind, verb: string): RuleDefinition => ({
  label: `近年未${verb}${RECORD_KIND_LABELS[kind]}`,
  describe: (p) => `近${years(p)}年未${verb}${RECORD_KIND_LABELS[kind]}`,
  needs: 'records',
  checkParams: (p) => positiveInt(p, 'years'),
  evaluate: (facts, p) => {
    const hit = withinYears(facts, kind, p.years as number);
    return hit ? `近${p.years}年内${verb}${RECORD_KIND_LABELS[kind]}：${hit.reason}（${hit.occurredAt!.slice(0, 10)}）` : null;
  },
});

/** A listing held today; `listed` is how a notice words being on it. */
const notListed = (kind: OrganizationRecordKind, listed: string): RuleDefinition => ({
  label: `未${listed}`,
  describe: () => `未${listed}`,
  needs: 'records',
  checkParams: () => [],
  evaluate: (facts) => {
    const today = beijingDate(facts.now);
    const hit = recordsOf(facts, kind).find((r) => activeOn(r, today));
    return hit ? `${listed}：${hit.reason}${hit.until ? `（至 ${hit.until.slice(0, 10)}）` : ''}` : null;
  },
});

const gradeText = (p: Record<string, unknown>) => `质量信用等级须为${GRADES.includes(p.grade as CreditGrade) ? p.grade : 'B'}级及以上`;

/** The named, parameterised predicates a cycle chooses from. */
export const ELIGIBILITY_RULES: Readonly<Record<string, RuleDefinition>> = {
  region: {
    label: '注册地在本行政区域内',
    describe: () => '注册地在本行政区域内',
    needs: 'own',
    checkParams: (p) => stringList(p, 'allowedPrefixes', /^\d{2,6}$/),
    evaluate: (facts, p) =>
      ((p.allowedPrefixes as string[] | undefined) ?? []).some((prefix) => facts.organization.regionCode.startsWith(prefix))
        ? null
        : `注册地（行政区划代码 ${facts.organization.regionCode}）不在本奖项受理范围内`,
  },
  industry_sections: {
    label: '所属行业门类在受理范围内（GB/T 4754-2017）',
    describe: (p) =>
      Array.isArray(p.sections) && p.sections.length ? `所属行业门类为 ${(p.sections as string[]).join('、')}（GB/T 4754-2017）` : '所属行业门类在本辖区受理范围内（GB/T 4754-2017）',
    needs: 'own',
    checkParams: (p) => stringList(p, 'sections', /^[A-T]$/),
    evaluate: (facts, p) => {
      const section = facts.organization.industry.charAt(0);
      const sections = (p.sections as string[] | undefined) ?? [];
      return sections.includes(section) ? null : `所属行业门类 ${section}（${facts.organization.industry}）不在受理范围（${sections.join('、')}）内`;
    },
  },
  // 渝人社〔2023〕560号 申报条件（一）：“连续正常生产经营5年以上”
  min_operating_years: {
    label: '连续正常生产经营满规定年限',
    describe: (p) => `连续正常生产经营${years(p)}年以上`,
    needs: 'own',
    checkParams: (p) => positiveInt(p, 'years'),
    evaluate: (facts, p) => {
      const founded = facts.organization.foundedAt.slice(0, 10);
      const until = referenceDateOf(facts);
      return founded <= minusYears(until, p.years as number) ? null : `连续正常生产经营不满${p.years}年（成立于 ${founded}，计算至 ${until}）`;
    },
  },
  no_major_accident_within_years: eventWithinYears('major_accident', '发生'),
  no_sampling_failure_within_years: eventWithinYears('sampling_failure', '出现'),
  no_penalty_within_years: eventWithinYears('penalty', '受到'),
  not_blacklisted: notListed('blacklist', '列入市场监督管理严重违法失信名单'),
  not_abnormal_operation: notListed('abnormal_operation', '列入经营异常名录'),
  not_dishonest_debtor: notListed('dishonest_debtor', '被列入失信被执行人名单'),
  no_reapplication_ban: {
    label: '不在禁止再次申报期内',
    describe: () => '不在禁止再次申报期内',
    needs: 'records',
    checkParams: () => [],
    evaluate: (facts) => {
      const today = beijingDate(facts.now);
      const ban = recordsOf(facts, 'reapplication_ban').find((r) => activeOn(r, today) && (!r.awardCode || r.awardCode === facts.cycle.awardCode));
      return ban ? `处于禁止再次申报期内：${ban.reason}${ban.until ? `（至 ${ban.until.slice(0, 10)}）` : ''}` : null;
    },
  },
  // Counted in editions of the award (cycles the office held), not years: an award held every
  // other year bars a winner for the same number of rounds as a yearly one.
  no_win_within_editions: {
    label: '获奖后规定届数内不得再次申报',
    describe: (p) => `获奖企业${Number.isInteger(p.editions) ? p.editions : 'N'}届内不得再次申报`,
    needs: 'records',
    checkParams: (p) => positiveInt(p, 'editions'),
    evaluate: (facts, p) => {
      const n = p.editions as number;
      const win = (facts.wins ?? []).filter((w) => w.editionsSince <= n).sort((a, b) => b.year - a.year)[0];
      return win ? `已获${win.year}年度本奖项，获奖企业${n}届内不得再次申报` : null;
    },
  },
  // A grade is asked for only when the cycle says so (requireGrade): 质量信用分级 is not yet done
  // for every enterprise, and one never graded is not thereby below the threshold.
  min_credit_grade: {
    label: '质量信用等级不低于要求',
    describe: (p) => (p.requireGrade === true ? gradeText(p) : `${gradeText(p)}（未评定等级的不受此限）`),
    needs: 'own',
    checkParams: (p) => [
      ...(GRADES.includes(p.grade as CreditGrade) ? [] : ['params.grade: 须为 A、B、C、D 之一']),
      ...(p.requireGrade === undefined || typeof p.requireGrade === 'boolean' ? [] : ['params.requireGrade: 须为 true 或 false']),
    ],
    evaluate: (facts, p) => {
      const grade = facts.organization.creditGrade;
      if (!grade) return p.requireGrade === true ? `${gradeText(p)}（尚未评定质量信用等级）` : null;
      return GRADES.indexOf(grade) <= GRADES.indexOf(p.grade as CreditGrade) ? null : `${gradeText(p)}（当前为${grade}级）`;
    },
  },
  brand_founded_years_ago: {
    label: '品牌创立满规定年限（老字号）',
    describe: (p) => `品牌创立${years(p)}年以上`,
    needs: 'own',
    checkParams: (p) => positiveInt(p, 'years'),
    evaluate: (facts, p) => {
      const year = Number(formValue(facts.form, 'brand.foundedYear'));
      if (!Number.isInteger(year)) return '申报书未填写品牌创立年份';
      const age = Number(referenceDateOf(facts).slice(0, 4)) - year;
      return age >= (p.years as number) ? null : `品牌创立于 ${year} 年，不满${p.years}年`;
    },
  },
  batch_production_years: {
    label: '批量生产满规定年限（名牌产品）',
    describe: (p) => `批量生产${years(p)}年以上`,
    needs: 'own',
    checkParams: (p) => positiveInt(p, 'years'),
    evaluate: (facts, p) => {
      const since = String(formValue(facts.form, 'product.batchProductionSince') ?? '');
      if (!DAY_FORMAT.test(since)) return '申报书未填写批量生产起始日期';
      return since <= minusYears(referenceDateOf(facts), p.years as number) ? null : `批量生产不满${p.years}年（自 ${since} 起）`;
    },
  },
  completion_date_window: {
    label: '竣工验收日期在规定期间内',
    describe: (p) => (typeof p.from === 'string' && typeof p.to === 'string' ? `竣工验收日期在 ${p.from} 至 ${p.to} 之间` : '竣工验收日期在规定期间内'),
    needs: 'own',
    checkParams: (p) => {
      const problems: string[] = [];
      for (const key of ['from', 'to']) {
        if (typeof p[key] !== 'string' || !DAY_FORMAT.test(p[key] as string)) problems.push(`params.${key}: 须为日期（YYYY-MM-DD）`);
      }
      if (!problems.length && (p.from as string) > (p.to as string)) problems.push('params.from: 起始日期不能晚于截止日期');
      return problems;
    },
    evaluate: (facts, p) => {
      const date = String(formValue(facts.form, 'project.completionAcceptanceDate') ?? '');
      if (!DAY_FORMAT.test(date)) return '申报书未填写竣工验收日期';
      return date >= (p.from as string) && date <= (p.to as string) ? null : `竣工验收日期 ${date} 不在规定期间（${p.from} 至 ${p.to}）内`;
    },
  },
};

/** Parameter problems of a cycle's rule list, as field errors `eligibility[i].params.x`. */
export function checkEligibilityRules(rules: EligibilityRuleRef[]): Array<{ field: string; messages: string[] }> {
  const errors: Array<{ field: string; messages: string[] }> = [];
  rules.forEach((ref, i) => {
    const definition = ELIGIBILITY_RULES[ref.rule];
    if (!definition) {
      errors.push({ field: `eligibility[${i}].rule`, messages: [`没有名为“${ref.rule}”的申报条件；可用的有：${Object.keys(ELIGIBILITY_RULES).join('、')}`] });
      return;
    }
    for (const problem of definition.checkParams(ref.params ?? {})) {
      const [path, message] = problem.split(': ');
      errors.push({ field: `eligibility[${i}].${path}`, messages: [message] });
    }
  });
  return errors;
}

/** Every failed rule with its reason, not just the first. */
export function evaluateEligibility(rules: EligibilityRuleRef[], facts: EligibilityFacts): EligibilityFailure[] {
  const failures: EligibilityFailure[] = [];
  for (const ref of rules) {
    const definition = ELIGIBILITY_RULES[ref.rule];
    if (!definition) throw new Error(`unknown eligibility rule ${ref.rule}`);
    const reason = definition.evaluate(facts, ref.params ?? {});
    if (reason) failures.push({ rule: ref.rule, reason });
  }
  return failures;
}

/** One rule of a cycle as the enterprise sees it before submitting. */
export interface RuleCheck {
  rule: string;
  /** The rule with its numbers filled in (连续正常生产经营3年以上). */
  label: string;
  /** true passes, false fails (with reason), null: only the office can check it (records it keeps). */
  ok: boolean | null;
  reason?: string;
}

/** A rule reference as the notice words it, its numbers filled in from the parameters. */
export function ruleLabel(ref: EligibilityRuleRef): string {
  return ELIGIBILITY_RULES[ref.rule]?.describe(ref.params ?? {}) ?? ref.rule;
}

/**
 * The cycle's rules against what the enterprise can see of its own facts, with the same reasons
 * the API gives. Rules on records only the office holds are left to the API, which checks every
 * rule again at submission.
 */
export function eligibilityChecklist(rules: EligibilityRuleRef[], facts: OwnFacts): RuleCheck[] {
  return rules.map((ref) => {
    const label = ruleLabel(ref);
    const definition = ELIGIBILITY_RULES[ref.rule];
    if (!definition || definition.needs === 'records') return { rule: ref.rule, label, ok: null, reason: '由评奖办公室依据信用记录核查，提交时校验' };
    const reason = definition.evaluate(facts, ref.params ?? {});
    return reason ? { rule: ref.rule, label, ok: false, reason } : { rule: ref.rule, label, ok: true };
  });
}
