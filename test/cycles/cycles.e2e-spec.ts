import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DefinitionRegistry } from '../../libs/workflow/src';
import { createUser, startTestApp, TestContext } from '../support/test-app';

const validCycle = (over: Record<string, unknown> = {}) => ({
  awardCode: 'district-quality-award',
  year: 2026,
  title: '2026年度渝中区区长质量管理奖',
  applicationOpensAt: '2026-01-01',
  applicationClosesAt: '2099-05-31',
  quota: { awards: 3, secondTier: { label: '提名奖', count: 2 } },
  reviewersPerApplication: 5,
  ...over,
});

describe('award catalog and cycles over HTTP', () => {
  let ctx: TestContext;
  let admin: string;

  beforeAll(async () => {
    ctx = await startTestApp();
    admin = await ctx.adminToken();
  });
  afterAll(() => ctx.close());

  it('serves the catalog publicly, with rubric, documents and the workflow diagram', async () => {
    const list = await ctx.http.get('/awards').expect(200);
    expect(list.body.map((a: { name: string }) => a.name)).toEqual(expect.arrayContaining(['区长质量管理奖', '市长质量管理奖', '鲁班奖（中国建设工程鲁班奖）', '重庆老字号', '重庆名牌产品']));
    expect(list.body.some((a: { name: string }) => a.name.includes('著名商标'))).toBe(false);
    const award = await ctx.http.get('/awards/city-quality-award').expect(200);
    expect(award.body.rubric.total).toBe(1000);
    expect(award.body.requiredDocuments.map((d: { label: string }) => d.label)).toContain('自评报告');
    const workflow = await ctx.http.get('/awards/city-quality-award/workflow').expect(200);
    expect(workflow.body.mermaid).toMatch(/^stateDiagram-v2/);
    expect(workflow.body.definition.states.publicity.label).toBe('社会公示');
    await ctx.http.get('/awards/famous-trademark').expect(404);
  });

  it('creates a cycle with defaults from the award, dates in Beijing time', async () => {
    const res = await ctx.http.post('/cycles').set('Authorization', admin).send(validCycle()).expect(201);
    expect(res.body).toMatchObject({ status: 'draft', awardName: '区长质量管理奖', scoreAggregation: 'trimmed_mean', publicityDays: 7, reminderDaysBefore: [3, 1] });
    // "申报截止 5月31日" is the end of that day in Beijing, 15:59:59.999 UTC.
    expect(res.body.applicationClosesAt).toBe('2099-05-31T15:59:59.999Z');
    expect(res.body.applicationOpensAt).toBe('2025-12-31T16:00:00.000Z');
    expect(res.body.stagePlan).toEqual({
      districtRecommendation: false,
      defense: true,
      scoredDefense: false,
      onsiteReview: true,
      comprehensiveSelection: false,
      publicity: 'before_panel',
      publicityBeforePanel: true,
      expertReview: true,
    });
    expect(res.body.eligibility.map((r: { rule: string }) => r.rule)).toContain('not_blacklisted');
  });

  it('refuses one cycle per award and year twice with 409', async () => {
    const res = await ctx.http.post('/cycles').set('Authorization', admin).send(validCycle()).expect(409);
    expect(res.body).toMatchObject({ code: 'CYCLE_EXISTS', year: 2026, message: '区长质量管理奖在本办公室已有 2026 年度的评审周期' });
  });

  it('lists every bad field of a cycle in one 400 and creates nothing', async () => {
    const res = await ctx.http
      .post('/cycles')
      .set('Authorization', admin)
      .send(validCycle({ awardCode: 'famous-trademark', year: 2030, applicationOpensAt: '2030-06-01', applicationClosesAt: '2030-05-01', quota: { awards: 0 }, reviewersPerApplication: 0, publicityDays: 0 }))
      .expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['publicityDays', 'quota.awards', 'reviewersPerApplication']);
    const semantic = await ctx.http
      .post('/cycles')
      .set('Authorization', admin)
      .send(validCycle({ awardCode: 'famous-trademark', year: 2030, applicationOpensAt: '2030-06-01', applicationClosesAt: '2030-05-01', eligibility: [{ rule: 'min_operating_years', params: { years: -1 } }] }))
      .expect(400);
    expect(semantic.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['applicationClosesAt', 'awardCode', 'eligibility[0].params.years']);
    const list = await ctx.http.get('/cycles?year=2030').set('Authorization', admin).expect(200);
    expect(list.body).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
  });

  it('opens a cycle, pinning its definition, and refuses to open one whose window has passed', async () => {
    const created = await ctx.http.post('/cycles').set('Authorization', admin).send(validCycle({ year: 2027, stagePlan: { defense: false, publicityBeforePanel: false } })).expect(201);
    const opened = await ctx.http.post(`/cycles/${created.body.id}/open`).set('Authorization', admin).expect(200);
    expect(opened.body).toMatchObject({ status: 'open', definitionCode: 'quality:r0-d0-s0-o1-c0-pa', definitionVersion: 3 });
    const workflow = await ctx.http.get(`/cycles/${created.body.id}/workflow`).set('Authorization', admin).expect(200);
    expect(workflow.body.definition.states.defense).toBeUndefined();
    await ctx.http.patch(`/cycles/${created.body.id}`).set('Authorization', admin).send({ stagePlan: { defense: true } }).expect(409);

    const past = await ctx.http.post('/cycles').set('Authorization', admin).send(validCycle({ year: 2020, applicationOpensAt: '2020-01-01', applicationClosesAt: '2020-05-31' })).expect(201);
    const refused = await ctx.http.post(`/cycles/${past.body.id}/open`).set('Authorization', admin).expect(400);
    expect(refused.body.errors).toEqual([{ field: 'applicationClosesAt', label: '申报截止日期', messages: ['开放申报时，截止日期须在未来'] }]);
  });

  it('keeps a cycle opened before a new definition version on the old one', async () => {
    const created = await ctx.http.post('/cycles').set('Authorization', admin).send(validCycle({ year: 2028, stagePlan: { defense: false, onsiteReview: false } })).expect(201);
    await ctx.http.post(`/cycles/${created.body.id}/open`).set('Authorization', admin).expect(200);
    const registry = ctx.api.get(DefinitionRegistry);
    const opened = (await ctx.http.get(`/cycles/${created.body.id}/workflow`).set('Authorization', admin).expect(200)).body.definition.version;
    const current = await registry.get('quality:r0-d0-s0-o0-c0-pb', opened);
    await registry.register({ ...current, version: opened + 1, label: `${current.label}（修订）`, states: { ...current.states, publicity: { ...current.states.publicity, label: '公示（修订）' } } });
    const workflow = await ctx.http.get(`/cycles/${created.body.id}/workflow`).set('Authorization', admin).expect(200);
    expect(workflow.body.definition.version).toBe(opened);
    expect(workflow.body.definition.states.publicity.label).toBe('社会公示');
  });

  it('allows short durations for tests and demos, and refuses them where switched off', async () => {
    const res = await ctx.http.post('/cycles').set('Authorization', admin).send(validCycle({ year: 2029, durationOverrides: { publicity: 'PT5S', supplement: 'fortnight' } })).expect(400);
    expect(res.body.errors).toEqual([{ field: 'durationOverrides.supplement', label: '补正时长', messages: ['须为 ISO 8601 时长（如 P7D、PT30S）'] }]);
    await ctx.http.post('/cycles').set('Authorization', admin).send(validCycle({ year: 2029, durationOverrides: { publicity: 'PT5S' } })).expect(201);

    const strict = await startTestApp({ env: { ALLOW_SHORT_DURATIONS: 'false' } });
    try {
      const refused = await strict.http.post('/cycles').set('Authorization', await strict.adminToken()).send(validCycle({ durationOverrides: { publicity: 'PT5S' } })).expect(400);
      expect(refused.body.errors[0].field).toBe('durationOverrides');
    } finally {
      await strict.close();
    }
  });

  it('gives non-admins 403 on every admin route, and shows enterprises only open cycles', async () => {
    const applicant = await createUser(ctx, { username: 'qiye.zhang', role: 'applicant' });
    const reviewer = await createUser(ctx, { username: 'expert.li', role: 'reviewer' });
    const [any] = (await ctx.http.get('/cycles').set('Authorization', admin).expect(200)).body.items;
    for (const token of [applicant.token, reviewer.token]) {
      await ctx.http.post('/cycles').set('Authorization', token).send(validCycle({ year: 2031 })).expect(403);
      await ctx.http.patch(`/cycles/${any.id}`).set('Authorization', token).send({ title: 'x' }).expect(403);
      await ctx.http.post(`/cycles/${any.id}/open`).set('Authorization', token).expect(403);
      await ctx.http.post(`/cycles/${any.id}/close`).set('Authorization', token).expect(403);
    }
    const seen = (await ctx.http.get('/cycles').set('Authorization', applicant.token).expect(200)).body.items;
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((c: { status: string }) => c.status === 'open' || c.status === 'closed')).toBe(true);
  });

  it('closes an open cycle once', async () => {
    const created = await ctx.http.post('/cycles').set('Authorization', admin).send(validCycle({ year: 2032 })).expect(201);
    await ctx.http.post(`/cycles/${created.body.id}/open`).set('Authorization', admin).expect(200);
    const closed = await ctx.http.post(`/cycles/${created.body.id}/close`).set('Authorization', admin).expect(200);
    expect(closed.body).toMatchObject({ status: 'closed', movedToReview: 0 });
    await ctx.http.post(`/cycles/${created.body.id}/close`).set('Authorization', admin).expect(409);
  });
});
