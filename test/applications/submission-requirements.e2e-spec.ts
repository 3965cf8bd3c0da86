import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openCycle, QUALITY_REQUIRED, qualityForm, registerEnterprise, uploadMaterials } from '../support/award-fixtures';
import { startTestApp, TestContext } from '../support/test-app';

const BRAND_DOCUMENTS = ['application_form', 'business_license', 'quality_certificates', 'brand_history'];
const SELF_ASSESSMENT_LABELS = ['领导', '战略', '顾客与市场', '资源', '过程管理', '测量、分析与改进', '结果'];

interface Reason {
  rule: string;
  reason: string;
  field?: string;
}

/** What a family's 申报书 must contain is required at submission, whatever the cycle's eligibility rules say. */
describe('the 申报书 each family requires at submission', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await startTestApp();
  });
  afterAll(() => ctx.close());

  /** A draft with `form` and `documents` uploaded; the submit's answer, and the application after it. */
  const trySubmit = async (cycleId: string, name: string, form: Record<string, unknown>, documents: string[], organization: Record<string, unknown> = {}) => {
    const enterprise = await registerEnterprise(ctx, name, organization);
    const created = await ctx.http.post('/applications').set('Authorization', enterprise.token).send({ cycleId, form }).expect(201);
    await uploadMaterials(ctx, enterprise.token, created.body.id, documents);
    const res = await ctx.http.post(`/applications/${created.body.id}/actions/submit`).set('Authorization', enterprise.token).send({});
    const after = (await ctx.http.get(`/applications/${created.body.id}`).set('Authorization', enterprise.token).expect(200)).body;
    return { res, after, enterprise };
  };

  const formReasons = (reasons: Reason[]) => reasons.filter((r) => r.rule === 'form');

  it('refuses a quality application without its self-assessment, naming each of the seven categories in Chinese', async () => {
    const cycle = await openCycle(ctx);
    const { res, after } = await trySubmit(cycle.id, '重庆无自评报告有限公司', { keyResults: [] }, QUALITY_REQUIRED);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('INELIGIBLE');
    expect(formReasons(res.body.reasons)).toEqual(
      SELF_ASSESSMENT_LABELS.map((label, i) => ({
        rule: 'form',
        field: `form.selfAssessment.${['leadership', 'strategy', 'customersAndMarkets', 'resources', 'processManagement', 'measurementAnalysisImprovement', 'results'][i]}`,
        reason: `申报书未填写：自评报告·${label}`,
      })),
    );
    // The reason a person reads names the field, never its path.
    for (const r of res.body.reasons as Reason[]) expect(r.reason).not.toMatch(/form\.|selfAssessment/);
    expect(res.body.message).not.toMatch(/form\./);
    expect(after).toMatchObject({ state: 'draft', receiptNumber: null, version: 1 });
  });

  it('refuses a 老字号 with an empty form even when the cycle has no eligibility rules', async () => {
    const cycle = await openCycle(ctx, { awardCode: 'cq-time-honored-brand', title: '老字号 空表测试', quota: { awards: 5 }, eligibility: [] });
    const { res, after } = await trySubmit(cycle.id, '重庆空表老字号有限公司', {}, BRAND_DOCUMENTS);
    expect(res.status).toBe(422);
    expect(res.body.reasons).toEqual([
      { rule: 'form', field: 'form.brand.name', reason: '申报书未填写：品牌·名称' },
      { rule: 'form', field: 'form.brand.foundedYear', reason: '申报书未填写：品牌·创立年份' },
      { rule: 'form', field: 'form.brand.category', reason: '申报书未填写：品牌·品类' },
    ]);
    expect(after).toMatchObject({ state: 'draft', receiptNumber: null });
  });

  it('refuses a 名牌产品 that names no product, and an engineering nomination without its project', async () => {
    const brandCycle = await openCycle(ctx, { awardCode: 'cq-famous-brand-product', title: '名牌产品 缺产品测试', quota: { awards: 5 }, eligibility: [] });
    const brand = await trySubmit(brandCycle.id, '重庆无产品名牌有限公司', { brand: { name: '山城', foundedYear: 1990, category: '机械' } }, BRAND_DOCUMENTS);
    expect(brand.res.status).toBe(422);
    expect(formReasons(brand.res.body.reasons).map((r) => r.reason)).toEqual(['申报书未填写：产品·名称', '申报书未填写：产品·批量生产起始日期']);

    const engineeringCycle = await openCycle(ctx, { awardCode: 'luban-award', title: '鲁班奖 缺项目测试', quota: { awards: 2 }, eligibility: [] });
    const project = await trySubmit(engineeringCycle.id, '重庆无项目建筑有限公司', {}, ['application_form', 'completion_acceptance', 'quality_evaluation', 'business_license'], { industry: 'E4710' });
    expect(project.res.status).toBe(422);
    expect(formReasons(project.res.body.reasons).map((r) => r.field)).toEqual(
      ['name', 'location', 'scale', 'investment', 'constructionUnit', 'completionAcceptanceDate'].map((k) => `form.project.${k}`),
    );
    expect(project.after.receiptNumber).toBeNull();
  });

  it('lists every missing material, every missing field and every failed rule in one answer', async () => {
    const cycle = await openCycle(ctx);
    const form = qualityForm();
    const { resources: _resources, results: _results, ...partial } = form.selfAssessment;
    const { res } = await trySubmit(cycle.id, '重庆样样缺有限公司', { ...form, selfAssessment: partial }, ['application_form', 'self_assessment_report', 'business_license'], { foundedAt: '2024-01-01' });
    expect(res.status).toBe(422);
    expect(res.body.reasons).toEqual([
      { rule: 'documents', reason: '缺少申报材料：无重大质量、安全、环保事故承诺书' },
      { rule: 'form', field: 'form.selfAssessment.resources', reason: '申报书未填写：自评报告·资源' },
      { rule: 'form', field: 'form.selfAssessment.results', reason: '申报书未填写：自评报告·结果' },
      { rule: 'min_operating_years', reason: expect.stringContaining('连续正常生产经营不满3年') },
    ]);
    expect(res.body.message).toMatch(/^申报不符合要求：缺少申报材料/);
  });

  it('takes the same application once its form is complete', async () => {
    const cycle = await openCycle(ctx);
    const enterprise = await registerEnterprise(ctx, '重庆补全自评有限公司');
    const created = await ctx.http.post('/applications').set('Authorization', enterprise.token).send({ cycleId: cycle.id, form: { keyResults: [] } }).expect(201);
    await uploadMaterials(ctx, enterprise.token, created.body.id);
    await ctx.http.post(`/applications/${created.body.id}/actions/submit`).set('Authorization', enterprise.token).send({}).expect(422);
    const saved = await ctx.http.patch(`/applications/${created.body.id}`).set('Authorization', enterprise.token).send({ form: qualityForm() }).expect(200);
    const submitted = await ctx.http.post(`/applications/${created.body.id}/actions/submit`).set('Authorization', enterprise.token).set('If-Match', saved.headers.etag).send({}).expect(200);
    expect(submitted.body.receiptNumber).toMatch(/-DMQ-0001$/);
  });
});
