import { describe, expect, it } from '@jest/globals';
import { formProblems, validateForm } from './family-forms';

const SELF_ASSESSMENT = {
  leadership: '高层领导确立质量优先的发展战略。',
  strategy: '以卓越绩效模式统领战略制定与部署。',
  customersAndMarkets: '建立顾客满意度测量体系。',
  resources: '人才、财务、信息与技术资源保障到位。',
  processManagement: '关键过程识别、设计与持续改进。',
  measurementAnalysisImprovement: '绩效测量分析与改进创新机制。',
  results: '主要经营指标连续三年增长。',
};
const PROJECT = { name: '重庆市民中心', location: '重庆市渝中区', scale: '12.6 万平方米', investment: 86000, constructionUnit: '重庆城投', completionAcceptanceDate: '2025-06-30' };
const BRAND = { name: '陈麻花', foundedYear: 1876, category: '传统食品' };

const missing = (family: 'quality' | 'engineering' | 'brand', form: unknown, requiredSections?: string[]) =>
  formProblems(family, form, { complete: true, requiredSections }).filter((p) => p.kind === 'missing').map((p) => [p.field, p.label]);

describe('family forms', () => {
  it('accepts a half-filled draft but names every field submission still needs, by its Chinese label', () => {
    expect(validateForm('quality', { selfAssessment: { leadership: '草稿' } }, { complete: false })).toEqual([]);
    expect(missing('quality', { selfAssessment: { leadership: '草稿', results: '   ' } })).toEqual([
      ['form.selfAssessment.strategy', '自评报告·战略'],
      ['form.selfAssessment.customersAndMarkets', '自评报告·顾客与市场'],
      ['form.selfAssessment.resources', '自评报告·资源'],
      ['form.selfAssessment.processManagement', '自评报告·过程管理'],
      ['form.selfAssessment.measurementAnalysisImprovement', '自评报告·测量、分析与改进'],
      ['form.selfAssessment.results', '自评报告·结果'],
    ]);
  });

  it('requires the whole self-assessment of a quality award even when no key results are given', () => {
    expect(missing('quality', { keyResults: [] })).toHaveLength(7);
    expect(formProblems('quality', { selfAssessment: SELF_ASSESSMENT }, { complete: true })).toEqual([]);
  });

  it('requires every row that is there to be complete', () => {
    expect(missing('quality', { selfAssessment: SELF_ASSESSMENT, keyResults: [{ indicator: '合格率', value: 99 }] })).toEqual([
      ['form.keyResults.0.unit', '关键绩效指标第 1 行·单位'],
      ['form.keyResults.0.year', '关键绩效指标第 1 行·年份'],
    ]);
  });

  it('requires the project of an engineering award and the brand of a brand recognition', () => {
    expect(missing('engineering', {}).map(([f]) => f)).toEqual(['name', 'location', 'scale', 'investment', 'constructionUnit', 'completionAcceptanceDate'].map((k) => `form.project.${k}`));
    expect(missing('engineering', { project: PROJECT })).toEqual([]);
    expect(missing('brand', {})).toEqual([
      ['form.brand.name', '品牌·名称'],
      ['form.brand.foundedYear', '品牌·创立年份'],
      ['form.brand.category', '品牌·品类'],
    ]);
  });

  it('requires the product where the award asks for it, and a product that is given to be complete', () => {
    expect(missing('brand', { brand: BRAND })).toEqual([]);
    expect(missing('brand', { brand: BRAND }, ['product'])).toEqual([
      ['form.product.name', '产品·名称'],
      ['form.product.batchProductionSince', '产品·批量生产起始日期'],
    ]);
    expect(missing('brand', { brand: BRAND, product: { name: '麻花' } })).toEqual([['form.product.batchProductionSince', '产品·批量生产起始日期']]);
  });

  it('reports a malformed value once, in Chinese, with the label in the message and the path as the field', () => {
    const errors = validateForm('engineering', { project: { ...PROJECT, investment: 'lots', completionAcceptanceDate: '2025-02-30' }, colour: 'red' }, { complete: true });
    expect(errors.sort((a, b) => a.field.localeCompare(b.field))).toEqual([
      { field: 'form.colour', label: '“colour”', messages: ['不是申报书中的填写项'] },
      { field: 'form.project.completionAcceptanceDate', label: '工程项目·竣工验收日期', messages: ['须为日期（YYYY-MM-DD）'] },
      { field: 'form.project.investment', label: '工程项目·投资（万元）', messages: ['须为数字'] },
    ]);
  });

  it('does not call a missing field malformed too', () => {
    const problems = formProblems('brand', { brand: { name: '', foundedYear: 1876, category: '食品' } }, { complete: true });
    expect(problems).toEqual([{ field: 'form.brand.name', label: '品牌·名称', kind: 'missing', messages: ['未填写'] }]);
  });

  it('names a malformed row and a key a section does not have, as class-validator did before', () => {
    expect(validateForm('quality', { keyResults: [{ indicator: '合格率', year: 1999, extra: 1 }, 'x'] }, { complete: false })).toEqual([
      { field: 'form.keyResults', label: '关键绩效指标', messages: ['每一行须为一组填写项'] },
    ]);
    expect(validateForm('quality', { keyResults: [{ indicator: '', year: 1999, extra: 1 }] }, { complete: false })).toEqual([
      { field: 'form.keyResults.0.extra', label: '关键绩效指标第 1 行·“extra”', messages: ['不是申报书中的填写项'] },
      { field: 'form.keyResults.0.indicator', label: '关键绩效指标第 1 行·指标', messages: ['不能为空'] },
      { field: 'form.keyResults.0.year', label: '关键绩效指标第 1 行·年份', messages: ['不能小于 2000'] },
    ]);
  });

  it('refuses a form that is not an object', () => {
    expect(validateForm('brand', 'x', { complete: false })).toEqual([{ field: 'form', label: '申报书', messages: ['格式不正确（须为一组填写项）'] }]);
  });
});
