/** A complete 区长质量管理奖 application form, as the tests and benches fill it in. */
export function sampleQualityForm(overrides: Record<string, unknown> = {}) {
  return {
    selfAssessment: {
      leadership: '高层领导确立质量优先的发展战略。',
      strategy: '以卓越绩效模式统领战略制定与部署。',
      customersAndMarkets: '建立顾客满意度测量体系。',
      resources: '人才、财务、信息与技术资源保障到位。',
      processManagement: '关键过程识别、设计与持续改进。',
      measurementAnalysisImprovement: '绩效测量分析与改进创新机制。',
      results: '主要经营指标连续三年增长。',
    },
    keyResults: [{ indicator: '产品一次交验合格率', value: 99.8, unit: '%', year: 2025 }],
    ...overrides,
  };
}

/** A 渝中区 enterprise's registration, as the tests and benches register one. */
export function sampleOrganization(name: string, uscc: string, email: string) {
  return {
    name,
    uscc,
    regionCode: '500103',
    address: '重庆市渝中区解放碑民族路 1 号',
    legalRepresentative: '张三',
    contact: { name: '王经理', phone: '023-63000000', email },
    foundedAt: '2010-03-01',
    industry: 'C3825',
  };
}
