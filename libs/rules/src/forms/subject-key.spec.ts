import { describe, expect, it } from '@jest/globals';
import { formProblems } from './family-forms';
import { applicationSubject, effectiveSubjectKey, normalizeSubjectText, subjectEnteredOnce, subjectKindOf } from './subject-key';

const ORG = '11111111-1111-1111-1111-111111111111';
const OTHER = '22222222-2222-2222-2222-222222222222';

describe('the subject of an application', () => {
  it('is the organisation for the quality awards and any award not listed, a project, product or brand elsewhere', () => {
    expect(['district-quality-award', 'city-quality-award', 'tourism-service-benchmark', 'some-new-award'].map(subjectKindOf)).toEqual(['organization', 'organization', 'organization', 'organization']);
    expect(['luban-award', 'lichun-award', 'dayu-award', 'zhantianyou-award'].map(subjectKindOf)).toEqual(['project', 'project', 'project', 'project']);
    expect(['cq-famous-brand-product', 'cq-famous-agri-product'].map(subjectKindOf)).toEqual(['product', 'product']);
    expect(subjectKindOf('cq-time-honored-brand')).toBe('brand');
  });

  it('gives a quality award no key of its own: the organisation is the subject', () => {
    expect(applicationSubject('city-quality-award', ORG, { selfAssessment: {} })).toEqual({ kind: 'organization', key: null, name: null });
    expect(effectiveSubjectKey(null, ORG)).toBe(`organization:${ORG}`);
  });

  it('identifies a project by its name and location, whoever enters it, alike across widths, case, spaces and punctuation', () => {
    const a = applicationSubject('luban-award', ORG, { project: { name: '重庆市民中心（一期）', location: '重庆市 渝中区' } });
    const b = applicationSubject('luban-award', OTHER, { project: { name: ' 重庆市民中心(一期)', location: '重庆市渝中区。' } });
    expect(a).toEqual({ kind: 'project', key: 'project:重庆市民中心一期@重庆市渝中区', name: '重庆市民中心（一期）' });
    expect(b.key).toBe(a.key);
    expect(applicationSubject('luban-award', ORG, { project: { name: '综合楼', location: '重庆市江北区' } }).key).not.toBe(applicationSubject('luban-award', ORG, { project: { name: '综合楼', location: '重庆市渝北区' } }).key);
    expect(normalizeSubjectText('ＡＢＣ Tower－2')).toBe('abctower2');
  });

  it('has no key until the project is named with its location (the draft counts as the organisation’s unnamed one)', () => {
    expect(applicationSubject('luban-award', ORG, {}).key).toBeNull();
    expect(applicationSubject('luban-award', ORG, { project: { name: '重庆市民中心' } })).toEqual({ kind: 'project', key: null, name: '重庆市民中心' });
    expect(applicationSubject('luban-award', ORG, { project: { name: '重庆市民中心', location: '  ' } }).key).toBeNull();
    expect(applicationSubject('luban-award', ORG, { project: { name: 42, location: '重庆' } }).key).toBeNull();
    expect(applicationSubject('luban-award', ORG, 'not a form').key).toBeNull();
  });

  it('keys a product or a brand within its organisation: another enterprise’s product of the same name is another product', () => {
    const mine = applicationSubject('cq-famous-brand-product', ORG, { brand: { name: '陈麻花' }, product: { name: '原味麻花' } });
    expect(mine).toEqual({ kind: 'product', key: `product:${ORG}:原味麻花`, name: '原味麻花' });
    expect(applicationSubject('cq-famous-brand-product', ORG, { product: { name: '原味 麻花' } }).key).toBe(mine.key);
    expect(applicationSubject('cq-famous-brand-product', OTHER, { product: { name: '原味麻花' } }).key).not.toBe(mine.key);
    expect(applicationSubject('cq-famous-brand-product', ORG, { product: { name: '椒盐麻花' } }).key).not.toBe(mine.key);
    expect(applicationSubject('cq-famous-agri-product', ORG, { brand: { name: '涪陵榨菜' } }).key).toBeNull();
    expect(applicationSubject('cq-time-honored-brand', ORG, { brand: { name: '陈麻花' } })).toEqual({ kind: 'brand', key: `brand:${ORG}:陈麻花`, name: '陈麻花' });
  });

  it('bars re-entry of a project only where the award’s rules do (鲁班奖)', () => {
    expect(subjectEnteredOnce('luban-award')).toBe(true);
    expect(['lichun-award', 'cq-famous-brand-product', 'city-quality-award'].map(subjectEnteredOnce)).toEqual([false, false, false]);
  });
});

describe('the subject sections of the forms', () => {
  it('takes the project’s 承建单位, 建筑面积 and 参建单位 with their roles, every row complete', () => {
    const project = { name: '重庆市民中心', location: '重庆市渝中区', scale: '12.6 万平方米', investment: 86000, constructionUnit: '重庆城投', completionAcceptanceDate: '2025-06-30' };
    const full = { ...project, grossFloorArea: 126000, contractor: '中建八局', constructionPermitNumber: '500103202301010101', participants: [{ name: '重庆建工', role: '参建（机电安装）' }] };
    expect(formProblems('engineering', { project: full }, { complete: true })).toEqual([]);
    expect(formProblems('engineering', { project: { ...full, participants: [{ name: '重庆建工' }], grossFloorArea: -1 } }, { complete: true }).map((p) => [p.field, p.label, p.messages])).toEqual([
      ['form.project.participants.0.role', '工程项目·参建单位第 1 行·承担角色', ['未填写']],
      ['form.project.grossFloorArea', '工程项目·建筑面积（平方米）', ['不能小于 0']],
    ]);
  });

  it('takes the product’s trademark, specifications, annual output and sales', () => {
    const product = { name: '原味麻花', trademark: '陈昌银', specifications: '250g/袋', batchProductionSince: '2015-01-01', annualOutput: 1200, outputUnit: '吨', annualSales: 8600 };
    expect(formProblems('brand', { brand: { name: '陈麻花', foundedYear: 1876, category: '传统食品' }, product }, { complete: true, requiredSections: ['product'] })).toEqual([]);
    expect(formProblems('brand', { product: { ...product, annualSales: '很多' } }, { complete: false }).map((p) => p.field)).toEqual(['form.product.annualSales']);
  });
});
