import { describe, expect, it } from '@jest/globals';
import { EligibilityFacts } from './eligibility-facts';
import { checkEligibilityRules, EligibilityRuleRef, eligibilityChecklist, evaluateEligibility, ruleLabel } from './eligibility-rules';

const NOW = '2026-06-01T02:00:00.000Z';

function facts(over: Partial<EligibilityFacts> = {}, org: Partial<EligibilityFacts['organization']> = {}): EligibilityFacts {
  return {
    organization: { id: 'o1', name: '重庆示例精密制造有限公司', uscc: '91350100M000100Y43', regionCode: '500103', industry: 'C3825', foundedAt: '2010-03-01', creditGrade: 'A', ...org },
    records: [],
    form: { brand: { foundedYear: 1950 }, product: { batchProductionSince: '2020-01-01' }, project: { completionAcceptanceDate: '2024-06-30' } },
    cycle: { id: 'c1', awardCode: 'city-quality-award', year: 2026, regionCode: '500000' },
    now: NOW,
    ...over,
  };
}

const ALL: EligibilityRuleRef[] = [
  { rule: 'region', params: { allowedPrefixes: ['50'] } },
  { rule: 'industry_sections', params: { sections: ['B', 'C', 'D'] } },
  { rule: 'min_operating_years', params: { years: 5 } },
  { rule: 'no_major_accident_within_years', params: { years: 3 } },
  { rule: 'no_sampling_failure_within_years', params: { years: 3 } },
  { rule: 'no_penalty_within_years', params: { years: 3 } },
  { rule: 'not_blacklisted' },
  { rule: 'not_abnormal_operation' },
  { rule: 'not_dishonest_debtor' },
  { rule: 'min_credit_grade', params: { grade: 'B' } },
  { rule: 'no_reapplication_ban' },
  { rule: 'no_win_within_editions', params: { editions: 2 } },
  { rule: 'brand_founded_years_ago', params: { years: 50 } },
  { rule: 'batch_production_years', params: { years: 3 } },
  { rule: 'completion_date_window', params: { from: '2023-01-01', to: '2025-12-31' } },
];

const CASES: Array<[string, EligibilityFacts, RegExp]> = [
  ['region', facts({}, { regionCode: '510104' }), /^注册地（行政区划代码 510104）不在本奖项受理范围内$/],
  ['industry_sections', facts({}, { industry: 'F5121' }), /^所属行业门类 F（F5121）不在受理范围（B、C、D）内$/],
  ['min_operating_years', facts({}, { foundedAt: '2021-06-02' }), /^连续正常生产经营不满5年（成立于 2021-06-02，计算至 2026-06-01）$/],
  ['no_major_accident_within_years', facts({ records: [{ kind: 'major_accident', reason: '较大生产安全事故', occurredAt: '2024-02-01' }] }), /^近3年内发生重大质量、环境、安全生产责任事故：较大生产安全事故（2024-02-01）$/],
  ['no_sampling_failure_within_years', facts({ records: [{ kind: 'sampling_failure', reason: '产品监督抽查不合格', occurredAt: '2025-11-11' }] }), /^近3年内出现监督抽查严重不合格：产品监督抽查不合格（2025-11-11）$/],
  ['no_penalty_within_years', facts({ records: [{ kind: 'penalty', reason: '虚假宣传罚款', occurredAt: '2026-01-05' }] }), /^近3年内受到行政处罚：虚假宣传罚款（2026-01-05）$/],
  ['not_blacklisted', facts({ records: [{ kind: 'blacklist', reason: '严重违法失信', from: '2026-01-01', until: null }] }), /^列入市场监督管理严重违法失信名单：严重违法失信$/],
  ['not_abnormal_operation', facts({ records: [{ kind: 'abnormal_operation', reason: '未按时公示年报', from: '2026-03-01', until: '2027-03-01' }] }), /^列入经营异常名录：未按时公示年报（至 2027-03-01）$/],
  ['not_dishonest_debtor', facts({ records: [{ kind: 'dishonest_debtor', reason: '（2025）渝0105执1234号', from: '2025-09-01', until: null }] }), /^被列入失信被执行人名单：（2025）渝0105执1234号$/],
  ['no_win_within_editions', facts({ wins: [{ cycleId: 'c0', year: 2025, editionsSince: 1 }] }), /^已获2025年度本奖项，获奖企业2届内不得再次申报$/],
  ['min_credit_grade', facts({}, { creditGrade: 'C' }), /^质量信用等级须为B级及以上（当前为C级）$/],
  ['no_reapplication_ban', facts({ records: [{ kind: 'reapplication_ban', reason: '2024 年获奖后撤销', from: '2025-01-01', until: '2027-12-31', awardCode: 'city-quality-award' }] }), /禁止再次申报期内/],
  ['brand_founded_years_ago', facts({ form: { brand: { foundedYear: 1990 } , product: { batchProductionSince: '2020-01-01' }, project: { completionAcceptanceDate: '2024-06-30' } } }), /^品牌创立于 1990 年，不满50年$/],
  ['batch_production_years', facts({ form: { brand: { foundedYear: 1950 }, product: { batchProductionSince: '2024-01-01' }, project: { completionAcceptanceDate: '2024-06-30' } } }), /^批量生产不满3年/],
  ['completion_date_window', facts({ form: { brand: { foundedYear: 1950 }, product: { batchProductionSince: '2020-01-01' }, project: { completionAcceptanceDate: '2022-12-31' } } }), /^竣工验收日期 2022-12-31 不在规定期间/],
];

describe('evaluateEligibility', () => {
  it('passes an organisation that meets every rule', () => {
    expect(evaluateEligibility(ALL, facts())).toEqual([]);
  });

  it.each(CASES)('%s failing alone gives its own reason', (rule, f, reason) => {
    const failures = evaluateEligibility(ALL, f);
    expect(failures).toHaveLength(1);
    expect(failures[0].rule).toBe(rule);
    expect(failures[0].reason).toMatch(reason);
  });

  it('reports every failed rule, not just the first', () => {
    const f = facts({ records: [{ kind: 'blacklist', reason: '严重违法失信', from: '2026-01-01', until: null }] }, { regionCode: '510104', creditGrade: 'D', foundedAt: '2024-01-01' });
    expect(evaluateEligibility(ALL, f).map((x) => x.rule)).toEqual(['region', 'min_operating_years', 'not_blacklisted', 'min_credit_grade']);
  });

  it('counts years in Beijing dates and ignores lapsed listings and old events', () => {
    // 2026-06-01 02:00 UTC is already 10:00 on 1 June in Beijing: founded 2021-06-01 makes five years.
    expect(evaluateEligibility([{ rule: 'min_operating_years', params: { years: 5 } }], facts({}, { foundedAt: '2021-06-01' }))).toEqual([]);
    const old = facts({ records: [{ kind: 'blacklist', reason: 'x', from: '2020-01-01', until: '2022-01-01' }, { kind: 'major_accident', reason: 'y', occurredAt: '2022-05-31' }] });
    expect(evaluateEligibility(ALL, old)).toEqual([]);
  });

  it('admits an organisation without a credit grade unless the cycle requires one, and says which grade', () => {
    const ungraded = facts({}, { creditGrade: null });
    expect(evaluateEligibility([{ rule: 'min_credit_grade', params: { grade: 'B' } }], ungraded)).toEqual([]);
    expect(evaluateEligibility([{ rule: 'min_credit_grade', params: { grade: 'B', requireGrade: false } }], ungraded)).toEqual([]);
    expect(evaluateEligibility([{ rule: 'min_credit_grade', params: { grade: 'B', requireGrade: true } }], ungraded)).toEqual([
      { rule: 'min_credit_grade', reason: '质量信用等级须为B级及以上（尚未评定质量信用等级）' },
    ]);
    expect(evaluateEligibility([{ rule: 'min_credit_grade', params: { grade: 'A', requireGrade: true } }], facts({}, { creditGrade: 'B' }))[0].reason).toBe('质量信用等级须为A级及以上（当前为B级）');
    expect(evaluateEligibility([{ rule: 'min_credit_grade', params: { grade: 'B', requireGrade: true } }], facts({}, { creditGrade: 'A' }))).toEqual([]);
  });

  it('counts a win in editions of the award: refused within N editions, admitted after', () => {
    const rule: EligibilityRuleRef[] = [{ rule: 'no_win_within_editions', params: { editions: 2 } }];
    const won = (editionsSince: number) => facts({ wins: [{ cycleId: 'c0', year: 2020, editionsSince }] });
    expect(evaluateEligibility(rule, won(1))).toHaveLength(1);
    expect(evaluateEligibility(rule, won(2))[0].reason).toBe('已获2020年度本奖项，获奖企业2届内不得再次申报');
    expect(evaluateEligibility(rule, won(3))).toEqual([]);
    // Six years on but only two editions held since (a biennial award): still refused.
    expect(evaluateEligibility(rule, facts({ wins: [{ cycleId: 'c0', year: 2020, editionsSince: 2 }] }))).toHaveLength(1);
    expect(evaluateEligibility(rule, facts({ wins: undefined }))).toEqual([]);
  });

  it('measures years of operation and event windows to the cycle reference date, listings to today', () => {
    const rules: EligibilityRuleRef[] = [
      { rule: 'min_operating_years', params: { years: 5 } },
      { rule: 'no_major_accident_within_years', params: { years: 3 } },
      { rule: 'not_dishonest_debtor' },
    ];
    // Evaluated on 1 July 2026 (after the deadline), counted 截至申报截止日 2026-05-31.
    const later = { now: '2026-07-01T02:00:00.000Z', referenceDate: '2026-05-31' };
    const f = facts({ ...later, records: [{ kind: 'major_accident', reason: '一般质量事故', occurredAt: '2023-06-15' }, { kind: 'dishonest_debtor', reason: '已履行', from: '2024-01-01', until: '2026-06-15' }] }, { foundedAt: '2021-06-10' });
    expect(evaluateEligibility(rules, f).map((x) => x.reason)).toEqual([
      '连续正常生产经营不满5年（成立于 2021-06-10，计算至 2026-05-31）',
      '近3年内发生重大质量、环境、安全生产责任事故：一般质量事故（2023-06-15）',
    ]);
    // Without a reference date the same facts are counted to 1 July: five years, the accident 3 years before 2023-07-01 is out of the window.
    expect(evaluateEligibility(rules, facts({ now: later.now, records: f.records }, { foundedAt: '2021-06-10' }))).toEqual([]);
  });

  it('words every rule with its numbers, never a literal N', () => {
    const labels = ALL.map(ruleLabel);
    expect(labels).toContain('连续正常生产经营5年以上');
    expect(labels).toContain('近3年未发生重大质量、环境、安全生产责任事故');
    expect(labels).toContain('未列入市场监督管理严重违法失信名单');
    expect(labels).toContain('未被列入失信被执行人名单');
    expect(labels).toContain('获奖企业2届内不得再次申报');
    expect(labels).toContain('质量信用等级须为B级及以上（未评定等级的不受此限）');
    expect(labels).toContain('所属行业门类为 B、C、D（GB/T 4754-2017）');
    for (const label of labels) expect(label).not.toMatch(/\bN\b/);
    expect(ruleLabel({ rule: 'min_credit_grade', params: { grade: 'B', requireGrade: true } })).toBe('质量信用等级须为B级及以上');
  });

  it('checks the enterprise\'s own rules in the console against the same reference date', () => {
    const checks = eligibilityChecklist([{ rule: 'min_operating_years', params: { years: 5 } }], {
      organization: facts().organization,
      form: {},
      now: '2026-07-01T02:00:00.000Z',
      referenceDate: '2009-12-31',
    });
    expect(checks).toEqual([{ rule: 'min_operating_years', label: '连续正常生产经营5年以上', ok: false, reason: '连续正常生产经营不满5年（成立于 2010-03-01，计算至 2009-12-31）' }]);
  });
});

describe('checkEligibilityRules', () => {
  it('names each bad rule and parameter', () => {
    expect(
      checkEligibilityRules([
        { rule: 'min_operating_years', params: { years: 0 } },
        { rule: 'astrology' },
        { rule: 'min_credit_grade', params: { grade: 'E' } },
        { rule: 'region', params: {} },
        { rule: 'min_credit_grade', params: { grade: 'B', requireGrade: 'yes' } },
        { rule: 'no_win_within_editions', params: { editions: 1.5 } },
      ]),
    ).toEqual([
      { field: 'eligibility[0].params.years', messages: ['须为正整数'] },
      { field: 'eligibility[1].rule', messages: [expect.stringMatching(/^没有名为“astrology”的申报条件/)] },
      { field: 'eligibility[2].params.grade', messages: ['须为 A、B、C、D 之一'] },
      { field: 'eligibility[3].params.allowedPrefixes', messages: ['须为非空列表'] },
      { field: 'eligibility[4].params.requireGrade', messages: ['须为 true 或 false'] },
      { field: 'eligibility[5].params.editions', messages: ['须为正整数'] },
    ]);
  });
});
