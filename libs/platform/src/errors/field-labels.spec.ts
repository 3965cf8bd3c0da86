import { describe, expect, it } from '@jest/globals';
import { fieldLabel } from './field-labels';

describe('fieldLabel', () => {
  it.each([
    ['organizationId', '申报单位'],
    ['contact.phone', '联系电话'],
    ['form.selfAssessment.results', '自评报告·结果'],
    ['form.keyResults.0.indicator', '关键绩效指标第 1 项·指标'],
    ['form.keyResults[2].year', '关键绩效指标第 3 项·年份'],
    ['eligibility[0].params.years', '申报条件第 1 项·年数'],
    ['eligibility[1].rule', '申报条件第 2 项·规则'],
    ['items[4.1.2]', '评分项 4.1.2'],
    ['categories[4.1]', '评分类目 4.1'],
    ['categories[4.7].opportunities', '评分类目 4.7·改进机会'],
    ['officeIds.1', '所属办公室第 2 项'],
    ['form.project.unknownThing', '工程项目·“unknownThing”'],
    ['madeUp', '“madeUp”'],
  ])('%s → %s', (field, label) => {
    expect(fieldLabel(field)).toBe(label);
  });
});
