import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openCycle } from '../support/award-fixtures';
import { seedApplication, seedChongqingOffices } from '../support/seed-application';
import { createUser, startTestApp, TestContext } from '../support/test-app';

const T0 = Date.parse('2026-03-01T02:00:00Z');

/**
 * GET /workbench: the office's desk on two 区县 offices' cycles with known contents — applications
 * by stage and by 区县, a late expert, an objection, deadlines inside and outside the coming week,
 * a flag — and who may see which.
 */
describe('the office workbench (GET /workbench)', () => {
  let ctx: TestContext;
  let cityAdmin: string;
  let yuzhongAdmin: string;
  let wanzhouAdmin: string;
  let reviewerToken: string;
  let yz: string;
  let wz: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ctx = await startTestApp();
    const byDivision = await seedChongqingOffices(ctx);
    const yuzhong = byDivision.get('500103')!;
    const wanzhou = byDivision.get('500101')!;
    cityAdmin = (await createUser(ctx, { username: 'city-desk-admin', role: 'admin', officeIds: [byDivision.get('500000')!] })).token;
    yuzhongAdmin = (await createUser(ctx, { username: 'yz-desk-admin', role: 'admin', officeIds: [yuzhong] })).token;
    wanzhouAdmin = (await createUser(ctx, { username: 'wz-desk-admin', role: 'admin', officeIds: [wanzhou] })).token;
    const expert = await createUser(ctx, { username: 'desk-expert', role: 'reviewer', officeIds: [yuzhong], displayName: '陈专家' });
    reviewerToken = expert.token;
    const open = async (token: string, officeId: string, title: string) => (await openCycle(ctx, { year: 2026, title, quota: { awards: 3 } }, { token, officeId })).id;
    yz = await open(yuzhongAdmin, yuzhong, '渝中区区长质量管理奖 工作台测试');
    wz = await open(wanzhouAdmin, wanzhou, '万州区区长质量管理奖 工作台测试');

    const seed = (cycle: string, steps: Array<[string, number]>, region = '500103') => seedApplication(ctx, cycle, 'C3825', steps, { region, t0: T0 });
    ids.late = await seed(yz, [['draft', 0], ['submitted', 0], ['formal_review', 1], ['expert_review', 3]]);
    ids.objected = await seed(yz, [['draft', 0], ['submitted', 0], ['formal_review', 1], ['objection_review', 9]]);
    ids.formal = await seed(yz, [['draft', 0], ['submitted', 0], ['formal_review', 1]], '500105');
    ids.draft = await seed(yz, [['draft', 0]]);
    ids.wanzhou = await seed(wz, [['draft', 0], ['submitted', 0], ['formal_review', 1]], '500101');

    await ctx.dataSource.query(`INSERT INTO review_assignments (application_id, cycle_id, reviewer_id, stage, status, due_at) VALUES ($1, $2, $3, 'expert', 'assigned', now() - interval '1 day')`, [ids.late, yz, expert.id]);
    // Not late: due tomorrow.
    await ctx.dataSource.query(`INSERT INTO review_assignments (application_id, cycle_id, reviewer_id, stage, status, due_at) VALUES ($1, $2, $3, 'expert', 'assigned', now() + interval '1 day')`, [ids.formal, yz, expert.id]);
    await ctx.dataSource.query(`INSERT INTO objections (application_id, filed_by, objector_name, contact_phone, content, evidence) VALUES ($1, $2, '李四', '13800000000', '数据不实', '附件')`, [ids.objected, expert.id]);
    const instanceOf = async (id: string) => (await ctx.dataSource.query(`SELECT instance_id FROM applications WHERE id = $1`, [id]))[0].instance_id;
    await ctx.dataSource.query(`INSERT INTO deadlines (instance_id, kind, action, due_at) VALUES ($1, 'supplement', 'supplement_expired', now() + interval '3 days')`, [await instanceOf(ids.formal)]);
    await ctx.dataSource.query(`INSERT INTO deadlines (instance_id, kind, action, due_at) VALUES ($1, 'supplement', 'supplement_expired', now() + interval '30 days')`, [await instanceOf(ids.late)]);
    await ctx.dataSource.query(`INSERT INTO review_flags (application_id, reason) VALUES ($1, '专家评分差异过大')`, [ids.late]);
  });

  afterAll(async () => {
    await ctx?.close();
  });

  const desk = (token: string, query: Record<string, string> = {}) => ctx.http.get('/workbench').query(query).set('Authorization', token);

  it("gives a district office its own running cycle: stages, 区县, the late expert, the objection, the week's deadlines and the flags", async () => {
    const res = await desk(yuzhongAdmin).expect(200);
    expect(res.body.cycles.map((c: { id: string }) => c.id)).toEqual([yz]);
    const [cycle] = res.body.cycles;
    expect(cycle).toMatchObject({ title: '渝中区区长质量管理奖 工作台测试', awardName: '区长质量管理奖', status: 'open', applications: 3, drafts: 1 });
    expect(cycle.stages).toEqual([
      { state: 'draft', label: '草稿', count: 1 },
      { state: 'formal_review', label: '形式审查', count: 1 },
      { state: 'expert_review', label: '资料评审', count: 1 },
      { state: 'objection_review', label: '异议处理', count: 1 },
    ]);
    expect(cycle.districts).toEqual([
      { regionCode: '500103', name: '渝中区', count: 2 },
      { regionCode: '500105', name: '500105', count: 1 },
    ]);
    expect(cycle.overdueReviews).toEqual({ total: 1, items: [expect.objectContaining({ applicationId: ids.late, what: '陈专家（资料评审）', organizationName: expect.stringContaining('有限公司') })] });
    expect(cycle.openObjections).toEqual({ total: 1, items: [expect.objectContaining({ applicationId: ids.objected, what: '公示异议待处理' })] });
    expect(cycle.upcomingDeadlines).toEqual({ total: 1, items: [expect.objectContaining({ applicationId: ids.formal, what: '补正期限' })] });
    expect(cycle.flagged).toEqual({ total: 1, items: [expect.objectContaining({ applicationId: ids.late, what: '专家评分差异过大' })] });
  });

  it("gives the city its own cycles only (a 区县's cycles are the 区县's, as in the application list), and one cycle when asked", async () => {
    const city = await desk(cityAdmin).expect(200);
    expect(city.body.cycles.map((c: { id: string }) => c.id)).not.toContain(yz);
    expect(city.body.cycles.map((c: { id: string }) => c.id)).not.toContain(wz);
    await desk(cityAdmin, { cycleId: wz }).expect(404);
    const one = await desk(wanzhouAdmin, { cycleId: wz }).expect(200);
    expect(one.body.cycles).toHaveLength(1);
    expect(one.body.cycles[0]).toMatchObject({ id: wz, applications: 1, districts: [{ regionCode: '500101', name: '万州区', count: 1 }] });
  });

  it("refuses another office's cycle, a malformed id and anyone but an office admin", async () => {
    await desk(yuzhongAdmin, { cycleId: wz }).expect(404);
    const bad = await desk(yuzhongAdmin, { cycleId: 'x' }).expect(400);
    expect(JSON.stringify(bad.body.message)).toContain('评审周期');
    await desk(reviewerToken).expect(403);
    await ctx.http.get('/workbench').expect(401);
  });
});
