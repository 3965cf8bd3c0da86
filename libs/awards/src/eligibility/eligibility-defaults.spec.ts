import { describe, expect, it } from '@jest/globals';
import { getAward } from '../catalog/award-catalog';
import { EligibilityFacts } from './eligibility-facts';
import { checkEligibilityRules, evaluateEligibility } from './eligibility-rules';
import { industryPlanOf, materialiseEligibility } from './eligibility-defaults';

const JIANGBEI = { division: '500105', prefix: '500105' };
const YUZHONG = { division: '500103', prefix: '500103' };
const CITY = { division: '500000', prefix: '50' };

function org(regionCode: string, industry: string, creditGrade: 'A' | 'B' | 'C' | 'D' | null = null): EligibilityFacts {
  return {
    organization: { id: 'o', name: '某公司', uscc: '91350100M000100Y43', regionCode, industry, foundedAt: '2015-01-01', creditGrade },
    records: [],
    form: {},
    cycle: { id: 'c', awardCode: 'district-quality-award', year: 2026, regionCode: '' },
    now: '2026-04-01T02:00:00.000Z',
    referenceDate: '2026-05-31',
  };
}

const rule = (rules: Array<{ rule: string; params?: Record<string, unknown> }>, name: string) => rules.find((r) => r.rule === name)?.params;

describe('materialiseEligibility', () => {
  it("writes a district cycle's region and industry from its own office, valid as any cycle's rules", () => {
    const rules = materialiseEligibility(getAward('district-quality-award').defaultEligibility, JIANGBEI);
    expect(rule(rules, 'region')).toEqual({ allowedPrefixes: ['500105'] });
    // 江北区 has no plan here: 工业、建筑业和服务业 (GB/T 4754 B–R).
    expect(rule(rules, 'industry_sections')).toEqual({ sections: 'BCDEFGHIJKLMNOPQR'.split('') });
    expect(checkEligibilityRules(rules)).toEqual([]);
  });

  it('follows 渝中区\'s plan: modern services admissible, not mining or utilities', () => {
    const sections = rule(materialiseEligibility(getAward('district-quality-award').defaultEligibility, YUZHONG), 'industry_sections')!.sections as string[];
    for (const s of ['F', 'G', 'H', 'I', 'J', 'L', 'M', 'Q', 'R']) expect(sections).toContain(s);
    expect(sections).not.toContain('B');
    expect(sections).not.toContain('D');
    expect(industryPlanOf('500103').source).toMatch(/渝中区质量强区建设工作实施方案/);
  });

  it('a city office admits its whole city; the 市长质量管理奖 keeps its B/C/D (渝人社〔2023〕560号)', () => {
    const rules = materialiseEligibility(getAward('city-quality-award').defaultEligibility, CITY);
    expect(rule(rules, 'region')).toEqual({ allowedPrefixes: ['50'] });
    expect(rule(rules, 'industry_sections')).toEqual({ sections: ['B', 'C', 'D'] });
    for (const code of ['luban-award', 'cq-famous-brand-product']) {
      expect(rule(materialiseEligibility(getAward(code).defaultEligibility, CITY), 'region')).toEqual({ allowedPrefixes: ['50'] });
    }
  });

  it('leaves parameters an admin wrote alone', () => {
    const own = [{ rule: 'region', params: { allowedPrefixes: ['5001'] } }, { rule: 'industry_sections', params: { sections: ['C'] } }];
    expect(materialiseEligibility(own, JIANGBEI)).toEqual(own);
  });

  it('江北区 cycle: a 江北 services organisation without a grade is admitted, a 渝中 one refused for its region alone', () => {
    const rules = materialiseEligibility(getAward('district-quality-award').defaultEligibility, JIANGBEI);
    expect(evaluateEligibility(rules, org('500105', 'I6510'))).toEqual([]);
    expect(evaluateEligibility(rules, org('500103', 'I6510'))).toEqual([{ rule: 'region', reason: '注册地（行政区划代码 500103）不在本奖项受理范围内' }]);
    expect(evaluateEligibility(rules, org('500105', 'S9221')).map((f) => f.rule)).toEqual(['industry_sections']);
    expect(evaluateEligibility(rules, org('500105', 'I6510', 'C'))).toEqual([{ rule: 'min_credit_grade', reason: '质量信用等级须为B级及以上（当前为C级）' }]);
  });
});
