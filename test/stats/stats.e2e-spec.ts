import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { STATS_SHEETS } from '../../libs/stats/src/statistics/statistics-workbook';
import { openCycle } from '../support/award-fixtures';
import { seedApplication, seedChongqingOffices, Step } from '../support/seed-application';
import { createUser, startTestApp, TestContext } from '../support/test-app';
import { waitFor } from '../support/throwaway-redis';
import { binaryBody } from '../support/binary-body';

const T0 = Date.parse('2030-03-01T02:00:00Z');

/**
 * GET /stats on a small known dataset: two 区县 (渝中, 万州) under the city, three cycles, six
 * applications written with their history (known days in each stage), one open objection and one
 * overdue expert assignment. Every figure below is counted by hand from the table in `beforeAll`.
 */
describe('statistics (GET /stats)', () => {
  let ctx: TestContext;
  let cityAdmin: string;
  let yuzhongAdmin: string;
  let enterprise: string;
  let expert: string;
  let expertId: string;
  let city: string;
  let yuzhong: string;
  let wanzhou: string;

  const application = (cycleId: string, industry: string, steps: Step[], region = '500103') => seedApplication(ctx, cycleId, industry, steps, { region, t0: T0 });

  const get = (token: string, query: Record<string, string | number> = {}) => ctx.http.get('/stats').query(query).set('Authorization', token);

  beforeAll(async () => {
    ctx = await startTestApp();
    cityAdmin = await ctx.adminToken();
    const byDivision = await seedChongqingOffices(ctx);
    city = byDivision.get('500000')!;
    yuzhong = byDivision.get('500103')!;
    wanzhou = byDivision.get('500101')!;
    yuzhongAdmin = (await createUser(ctx, { username: 'yz-stats-admin', role: 'admin', officeIds: [yuzhong] })).token;
    enterprise = (await createUser(ctx, { username: 'stats-enterprise', role: 'applicant' })).token;
    const reviewer = await createUser(ctx, { username: 'stats-expert', role: 'reviewer', officeIds: [yuzhong] });
    expert = reviewer.token;
    expertId = reviewer.id;

    const wanzhouAdmin = (await createUser(ctx, { username: 'wz-stats-admin', role: 'admin', officeIds: [wanzhou] })).token;
    // A cycle is created by its own office's admin.
    const open = async (token: string, officeId: string, year: number) => (await openCycle(ctx, { year, title: `区长质量管理奖 统计测试 ${year}` }, { token, officeId })).id;
    const yz2030 = await open(yuzhongAdmin, yuzhong, 2030);
    const yz2031 = await open(yuzhongAdmin, yuzhong, 2031);
    const wz2030 = await open(wanzhouAdmin, wanzhou, 2030);

    // 渝中 2030: a1 awarded (formal review 2 days, expert review 7), a2 rejected at formal review (4 days), a3 a draft.
    await application(yz2030, 'C3825', [['draft', 0], ['submitted', 0], ['formal_review', 1], ['expert_review', 3], ['awarded', 10]]);
    await application(yz2030, 'C1810', [['draft', 0], ['submitted', 0], ['formal_review', 1], ['rejected', 5]]);
    await application(yz2030, 'E4710', [['draft', 0]]);
    // 渝中 2031: a4 asked for a 补正 after 1 day of formal review, back in formal review 6 days, now in expert review.
    const a4 = await application(yz2031, 'E4810', [['draft', 0], ['submitted', 0], ['formal_review', 2], ['supplement_requested', 3], ['formal_review', 4], ['expert_review', 10]]);
    // 万州 2030: b1 nominated (提名奖; formal review 1 day, expert review 3), b2 still in formal review.
    await application(wz2030, 'A0111', [['draft', 0], ['submitted', 0], ['formal_review', 1], ['expert_review', 2], ['nominated', 5]], '500101');
    await application(wz2030, 'C3825', [['draft', 0], ['submitted', 0], ['formal_review', 1]], '500101');

    const [objector] = await ctx.dataSource.query(`SELECT id FROM users WHERE username = 'stats-enterprise'`);
    await ctx.dataSource.query(
      `INSERT INTO objections (application_id, filed_by, objector_name, contact_phone, content, evidence) VALUES ($1, $2, '李四', '13800000000', '数据不实', '附件')`,
      [a4, objector.id],
    );
    await ctx.dataSource.query(
      `INSERT INTO review_assignments (application_id, cycle_id, reviewer_id, stage, status, due_at) VALUES ($1, $2, $3, 'expert', 'assigned', now() - interval '1 day')`,
      [a4, yz2031, expertId],
    );
    const refreshed = await ctx.http.post('/stats/refresh').set('Authorization', cityAdmin).expect(200);
    expect(refreshed.body).toMatchObject({ refreshed: true, applications: 6 });
  });

  afterAll(async () => {
    await ctx?.close();
  });

  it("gives the city its 38 区县's figures: totals, by year, award, office and industry, open objections and overdue reviews", async () => {
    const res = await get(cityAdmin).expect(200);
    const body = res.body;
    expect(body.office).toMatchObject({ id: city, name: '重庆市市场监督管理局' });
    expect(new Date(body.asOf).getTime()).toBeLessThanOrEqual(Date.now());
    expect(body.totals).toEqual({ applications: 5, drafts: 1, awards: 2, nominations: 0, outsideAwards: 0, recognitions: 0, openObjections: 1, overdueReviews: 1 });
    expect(body.byYear).toEqual([
      { key: '2030', label: '2030年', applications: 4, awards: 2, recognitions: 0 },
      { key: '2031', label: '2031年', applications: 1, awards: 0, recognitions: 0 },
    ]);
    expect(body.byAward).toEqual([{ key: 'district-quality-award', label: expect.stringContaining('质量管理奖'), applications: 5, awards: 2, recognitions: 0 }]);
    expect(body.byOffice).toHaveLength(39);
    const office = (id: string) => body.byOffice.find((o: { key: string }) => o.key === id);
    expect(office(yuzhong)).toMatchObject({ label: '渝中区市场监督管理局', regionCode: '500103', applications: 3, awards: 1, openObjections: 1, overdueReviews: 1 });
    expect(office(wanzhou)).toMatchObject({ regionCode: '500101', applications: 2, awards: 1, openObjections: 0, overdueReviews: 0 });
    expect(office(city)).toMatchObject({ applications: 0, awards: 0 });
    // By where the organisations are registered: 渝中's three applicants and 万州's two (the draft is not an application).
    expect(body.byRegion).toEqual([
      { key: '500101', label: '万州区', applications: 2, awards: 1, recognitions: 0 },
      { key: '500103', label: '渝中区', applications: 3, awards: 1, recognitions: 0 },
    ]);
    expect(body.byIndustry).toEqual([
      { key: 'A', label: 'A 农、林、牧、渔业', applications: 1, awards: 1, recognitions: 0 },
      { key: 'C', label: 'C 制造业', applications: 3, awards: 1, recognitions: 0 },
      { key: 'E', label: 'E 建筑业', applications: 1, awards: 0, recognitions: 0 },
    ]);
    expect(body.byState).toEqual(expect.arrayContaining([{ state: 'formal_review', label: expect.any(String), count: 1 }, { state: 'draft', label: '草稿', count: 1 }]));
    expect(body.years.map((y: { value: string }) => y.value)).toEqual(['2031', '2030']);
  });

  it('gives the pass rate and median days of each stage from the history (a 补正 neither passes nor fails)', async () => {
    const { body } = await get(cityAdmin).expect(200);
    const stage = (name: string) => body.stages.find((s: { stage: string }) => s.stage === name);
    // formal review: a1 2 d passed, a2 4 d failed, a4 1 d (补正) and 6 d passed, b1 1 d passed; b2 is still in it.
    expect(stage('formal_review')).toMatchObject({ label: '形式审查', completed: 5, passed: 3, failed: 1, passRate: 0.75, medianDays: 2 });
    expect(stage('expert_review')).toMatchObject({ completed: 2, passed: 2, failed: 0, passRate: 1, medianDays: 5 });
    expect(stage('submitted')).toMatchObject({ completed: 5, passed: 5, medianDays: 1 });
    expect(stage('supplement_requested')).toMatchObject({ completed: 1, medianDays: 1 });
    expect(stage('draft')).toBeUndefined();
  });

  it('narrows to a year, an award and one 区县 the city manages', async () => {
    expect((await get(cityAdmin, { year: 2031 }).expect(200)).body.totals).toMatchObject({ applications: 1, drafts: 0, openObjections: 1 });
    expect((await get(cityAdmin, { awardCode: 'cq-famous-brand-product' }).expect(200)).body.totals).toMatchObject({ applications: 0, awards: 0 });
    const wz = (await get(cityAdmin, { officeId: wanzhou }).expect(200)).body;
    expect(wz.office.id).toBe(wanzhou);
    expect(wz.byOffice.map((o: { key: string }) => o.key)).toEqual([wanzhou]);
    expect(wz.totals).toMatchObject({ applications: 2, awards: 1, openObjections: 0, overdueReviews: 0 });
  });

  it("gives a 区县's admin its own district only", async () => {
    const { body } = await get(yuzhongAdmin).expect(200);
    expect(body.office.id).toBe(yuzhong);
    expect(body.byOffice.map((o: { key: string }) => o.key)).toEqual([yuzhong]);
    expect(body.totals).toEqual({ applications: 3, drafts: 1, awards: 1, nominations: 0, outsideAwards: 0, recognitions: 0, openObjections: 1, overdueReviews: 1 });
    expect(body.stages.find((s: { stage: string }) => s.stage === 'formal_review')).toMatchObject({ completed: 4, passed: 2, failed: 1, passRate: 0.6667, medianDays: 3 });
    await get(yuzhongAdmin, { officeId: wanzhou }).expect(404);
    await get(yuzhongAdmin, { officeId: city }).expect(404);
  });

  it('refuses enterprises and experts (403), and a refresh by them', async () => {
    for (const token of [enterprise, expert]) {
      await get(token).expect(403);
      await ctx.http.get('/stats/export.xlsx').set('Authorization', token).expect(403);
      await ctx.http.post('/stats/refresh').set('Authorization', token).expect(403);
    }
    await ctx.http.get('/stats').expect(401);
  });

  it('refuses bad parameters with 400 and a Chinese message naming the field', async () => {
    for (const [query, field] of [
      [{ year: 'abc' }, 'year'],
      [{ year: 1999 }, 'year'],
      [{ awardCode: 'no-such-award' }, 'awardCode'],
      [{ officeId: 'not-a-uuid' }, 'officeId'],
    ] as const) {
      const res = await get(cityAdmin, query).expect(400);
      const error = res.body.errors.find((e: { field: string }) => e.field === field);
      expect(error).toBeDefined();
      expect(error.messages.join('')).toMatch(/[\u4e00-\u9fa5]/);
      expect(res.body.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('exports the same figures as an xlsx workbook, one sheet per breakdown', async () => {
    const json = (await get(cityAdmin).expect(200)).body;
    const res = await ctx.http
      .get('/stats/export.xlsx')
      .set('Authorization', cityAdmin)
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as never);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(Object.values(STATS_SHEETS));
    const rows = (name: string) => (workbook.getWorksheet(name)!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    const totals = new Map(rows(STATS_SHEETS.totals).map(([k, v]) => [k, v]));
    expect(totals.get('统计范围')).toBe(json.office.name);
    expect(totals.get('申报数')).toBe(json.totals.applications);
    expect(totals.get('获奖数')).toBe(json.totals.awards);
    expect(totals.get('待处理异议')).toBe(json.totals.openObjections);
    expect(totals.get('逾期评审')).toBe(json.totals.overdueReviews);
    expect(rows(STATS_SHEETS.byYear).slice(1)).toEqual(json.byYear.map((r: { label: string; applications: number; awards: number; recognitions: number }) => [r.label, r.applications, r.awards, r.recognitions]));
    const offices = rows(STATS_SHEETS.byOffice);
    expect(offices).toHaveLength(1 + json.byOffice.length);
    expect(offices.find((r) => r[1] === '500103')).toEqual(['渝中区市场监督管理局', '500103', 3, 1, 0, 1, 1]);
    expect(rows(STATS_SHEETS.byRegion).slice(1)).toEqual([['万州区', 2, 1, 0], ['渝中区', 3, 1, 0]]);
    expect(rows(STATS_SHEETS.byIndustry).slice(1)).toEqual(json.byIndustry.map((r: { label: string; applications: number; awards: number; recognitions: number }) => [r.label, r.applications, r.awards, r.recognitions]));
    expect(rows(STATS_SHEETS.stages).find((r) => r[0] === '形式审查')).toEqual(['形式审查', 5, 3, 1, 0.75, 2]);
  });
});

describe('statistics snapshot (the worker)', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await startTestApp({ worker: true });
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('is rebuilt by the worker when it starts, and GET /stats says how fresh it is', async () => {
    const rows = await waitFor(
      async () => {
        const found: Array<{ as_of: Date }> = await ctx.dataSource.query(`SELECT as_of FROM stats_snapshots`);
        return found.length ? found : undefined;
      },
      60_000,
      'the worker to rebuild the statistics snapshot',
    );
    expect(rows).toHaveLength(1);
    const { body } = await ctx.http.get('/stats').set('Authorization', await ctx.adminToken()).expect(200);
    expect(new Date(body.asOf).getTime()).toBe(new Date(rows[0].as_of).getTime());
    expect(body.totals).toMatchObject({ applications: 0, awards: 0 });
  });
});
