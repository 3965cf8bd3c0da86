import { describe, expect, it } from '@jest/globals';
import { formProblems } from './family-forms';

const SELF_ASSESSMENT = {
  leadership: '以质量为核心的领导力。',
  strategy: '质量强企战略。',
  customersAndMarkets: '顾客满意度持续提升。',
  resources: '质量人才与技术资源。',
  processManagement: '全过程质量控制。',
  measurementAnalysisImprovement: '数据驱动的持续改进。',
  results: '关键质量指标行业领先。',
};

describe('the quality form: a nominee who is a person (中国质量奖 个人)', () => {
  it('needs no nominee when an organisation is the nominee', () => {
    expect(formProblems('quality', { selfAssessment: SELF_ASSESSMENT }, { complete: true })).toEqual([]);
  });

  it('names the person completely when there is one, by Chinese labels', () => {
    const problems = formProblems('quality', { selfAssessment: SELF_ASSESSMENT, nominee: { name: '李工' } }, { complete: true });
    expect(problems.map((p) => [p.field, p.label])).toEqual([
      ['form.nominee.position', '被推荐个人·职务'],
      ['form.nominee.workUnit', '被推荐个人·工作单位'],
      ['form.nominee.contribution', '被推荐个人·主要质量贡献'],
    ]);
    const complete = { name: '李工', position: '总工程师', workUnit: '重庆某精密制造有限公司', contribution: '主持建立企业质量管理体系，产品一次合格率提升至 99.8%。' };
    expect(formProblems('quality', { selfAssessment: SELF_ASSESSMENT, nominee: complete }, { complete: true })).toEqual([]);
  });
});
