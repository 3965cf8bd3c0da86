import { describe, expect, it } from '@jest/globals';
import { EligibilityFacts } from './eligibility-facts';
import { checkEligibilityRules, EligibilityRuleRef, evaluateEligibility } from './eligibility-rules';

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
  { rule: 'min_credit_grade', params: { grade: 'B' } },
  { rule: 'no_reapplication_ban' },
  { rule: 'brand_founded_years_ago', params: { years: 50 } },
  { rule: 'batch_production_years', params: { years: 3 } },
  { rule: 'completion_date_window', params: { from: '2023-01-01', to: '2025-12-31' } },
];

const CASES: Array<[string, EligibilityFacts, RegExp]> = [
  ['region', facts({}, { regionCode: '510104' }), /^注册地（行政区划代码 510104）不在本奖项受理范围内$/],
  ['industry_sections', facts({}, { industry: 'F5121' }), /^所属行业门类 F（F5121）不在受理范围（B、C、D）内$/],
  ['min_operating_years', facts({}, { foundedAt: '2021-06-02' }), /^成立不满 5 年（成立于 2021-06-02）$/],
  ['no_major_accident_within_years', facts({ records: [{ kind: 'major_accident', reason: '较大生产安全事故', occurredAt: '2024-02-01' }] }), /^近 3 年内有重大质量、安全或环境事故记录：较大生产安全事故（2024-02-01）$/],
  ['no_sampling_failure_within_years', facts({ records: [{ kind: 'sampling_failure', reason: '产品监督抽查不合格', occurredAt: '2025-11-11' }] }), /监督抽查严重不合格/],
  ['no_penalty_within_years', facts({ records: [{ kind: 'penalty', reason: '虚假宣传罚款', occurredAt: '2026-01-05' }] }), /行政处罚记录：虚假宣传罚款/],
  ['not_blacklisted', facts({ records: [{ kind: 'blacklist', reason: '严重违法失信', from: '2026-01-01', until: null }] }), /^已列入严重违法失信名单（质量信用黑名单）：严重违法失信$/],
  ['not_abnormal_operation', facts({ records: [{ kind: 'abnormal_operation', reason: '未按时公示年报', from: '2026-03-01', until: '2027-03-01' }] }), /经营异常名录：未按时公示年报（至 2027-03-01）/],
  ['min_credit_grade', facts({}, { creditGrade: 'C' }), /^质量信用等级为 C 级，低于要求的 B 级$/],
  ['no_reapplication_ban', facts({ records: [{ kind: 'reapplication_ban', reason: '2024 年获奖后撤销', from: '2025-01-01', until: '2027-12-31', awardCode: 'city-quality-award' }] }), /禁止再次申报期内/],
  ['brand_founded_years_ago', facts({ form: { brand: { foundedYear: 1990 } , product: { batchProductionSince: '2020-01-01' }, project: { completionAcceptanceDate: '2024-06-30' } } }), /^品牌创立于 1990 年，不满 50 年$/],
  ['batch_production_years', facts({ form: { brand: { foundedYear: 1950 }, product: { batchProductionSince: '2024-01-01' }, project: { completionAcceptanceDate: '2024-06-30' } } }), /^批量生产不满 3 年/],
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

  it('treats a missing credit grade as not meeting the threshold', () => {
    expect(evaluateEligibility([{ rule: 'min_credit_grade', params: { grade: 'B' } }], facts({}, { creditGrade: null }))[0].reason).toBe('尚无质量信用等级评定（要求不低于 B 级）');
  });
});

describe('checkEligibilityRules', () => {
  it('names each bad rule and parameter', () => {
    expect(
      checkEligibilityRules([{ rule: 'min_operating_years', params: { years: 0 } }, { rule: 'astrology' }, { rule: 'min_credit_grade', params: { grade: 'E' } }, { rule: 'region', params: {} }]),
    ).toEqual([
      { field: 'eligibility[0].params.years', messages: ['须为正整数'] },
      { field: 'eligibility[1].rule', messages: [expect.stringMatching(/^没有名为“astrology”的申报条件/)] },
      { field: 'eligibility[2].params.grade', messages: ['须为 A、B、C、D 之一'] },
      { field: 'eligibility[3].params.allowedPrefixes', messages: ['须为非空列表'] },
    ]);
  });
});
