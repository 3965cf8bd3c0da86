import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CyclesService } from '../../libs/cycles/src';
import { createUser, startTestApp, TestContext } from '../support/test-app';

/** A 重庆名牌产品 cycle: 区县推荐 → 形式审查 → 专家评审 → 社会公示 → 审定. */
const brandCycle = (over: Record<string, unknown> = {}) => ({
  awardCode: 'cq-famous-brand-product',
  year: 2025,
  title: '2025年度重庆名牌产品认定',
  applicationOpensAt: '2025-06-01',
  applicationClosesAt: '2025-08-15',
  quota: { awards: 20 },
  reviewersPerApplication: 3,
  ...over,
});

interface Item {
  key: string;
  label: string;
  plannedAt: string | null;
  date: string | null;
  basis: string;
}

describe('cycle durations in calendar or working days, and the plan preview', () => {
  let ctx: TestContext;
  let yzAdmin: string;
  let cityAdmin: string;
  let yuzhong: string;

  beforeAll(async () => {
    ctx = await startTestApp();
    const offices: Array<{ id: string; code: string }> = await ctx.dataSource.query(`SELECT id, code FROM offices`);
    yuzhong = offices.find((o) => o.code === 'CQ-YZ')!.id;
    const city = offices.find((o) => o.code === 'CQ')!.id;
    yzAdmin = (await createUser(ctx, { username: 'yz-admin', role: 'admin', officeIds: [yuzhong] })).token;
    cityAdmin = (await createUser(ctx, { username: 'cq-admin', role: 'admin', officeIds: [city] })).token;
  });
  afterAll(() => ctx.close());

  it('creates a cycle with 5 个工作日 公示; the workflow context carries P5WD and the other periods stay in calendar days', async () => {
    const res = await ctx.http
      .post('/cycles')
      .set('Authorization', yzAdmin)
      .send(brandCycle({ publicityDays: 5, publicityDayUnit: 'working', supplementDays: 15, reviewDueDays: 29 }))
      .expect(201);
    expect(res.body).toMatchObject({ publicityDays: 5, publicityDayUnit: 'working', supplementDayUnit: 'calendar', reviewDueDayUnit: 'calendar', durationOverrides: {} });
    const cycle = await ctx.api.get(CyclesService).get(res.body.id);
    expect(ctx.api.get(CyclesService).instanceContext(cycle)).toMatchObject({ publicityDuration: 'P5WD', supplementDuration: 'P15D', reviewDueDuration: 'P29D' });
    expect((await ctx.http.get(`/cycles/${res.body.id}`).set('Authorization', yzAdmin).expect(200)).body.publicityDayUnit).toBe('working');

    // The plan: 补正 8-30, 专家评审 29 日 → Sunday 9-28 (a 调休 working day), 公示 from Monday 9-29 for 5 working days across 国庆·中秋.
    const timeline = await ctx.http.get(`/cycles/${res.body.id}/timeline`).set('Authorization', yzAdmin).expect(200);
    const items: Item[] = timeline.body.items;
    expect(items.map((i) => [i.label, i.date])).toEqual([
      ['申报开始', '2025-06-01'],
      ['申报截止', '2025-08-15'],
      ['补正期限', '2025-08-30'],
      ['专家评审截止', '2025-09-28'],
      ['公示开始', '2025-09-29'],
      ['公示结束', '2025-10-13'],
      ['审定', '2025-10-14'],
    ]);
    const ends = items.find((i) => i.key === 'publicityEnds')!;
    expect(ends).toEqual({ key: 'publicityEnds', label: '公示结束', plannedAt: '2025-10-13T16:00:00.000Z', date: '2025-10-13', basis: '公示开始次日起算 5 个工作日，至最后一日 24:00（北京时间）' });
    expect(items.find((i) => i.key === 'publicityStarts')!.basis).toContain('实际以办公室发布公示时确定的开始日期为准');
    expect(timeline.body.warnings).toEqual([]);
  });

  it('switches a period between calendar and working days by PATCH, keeping the test overrides apart', async () => {
    const created = await ctx.http.post('/cycles').set('Authorization', yzAdmin).send(brandCycle({ awardCode: 'city-quality-award', year: 2026, applicationOpensAt: '2026-01-05', applicationClosesAt: '2026-02-10' })).expect(201);
    expect(created.body).toMatchObject({ publicityDayUnit: 'calendar', supplementDayUnit: 'calendar', reviewDueDayUnit: 'calendar' });
    const patched = await ctx.http.patch(`/cycles/${created.body.id}`).set('Authorization', yzAdmin).send({ supplementDays: 5, supplementDayUnit: 'working', reviewDueDays: 10, reviewDueDayUnit: 'working' }).expect(200);
    expect(patched.body).toMatchObject({ supplementDayUnit: 'working', reviewDueDayUnit: 'working', publicityDayUnit: 'calendar', durationOverrides: {} });
    // An override set later leaves the units as they were.
    const overridden = await ctx.http.patch(`/cycles/${created.body.id}`).set('Authorization', yzAdmin).send({ durationOverrides: { publicity: 'PT1H' } }).expect(200);
    expect(overridden.body).toMatchObject({ supplementDayUnit: 'working', durationOverrides: { publicity: 'PT1H' } });
    const cycle = await ctx.api.get(CyclesService).get(created.body.id);
    expect(ctx.api.get(CyclesService).instanceContext(cycle)).toMatchObject({ supplementDuration: 'P5WD', reviewDueDuration: 'P10WD', publicityDuration: 'PT1H' });

    // 春节 2026 (2-15…2-23 off; 2-14 and 2-28 worked): 补正 2-24, 资料评审 3-9; the quality plan's 答辩, 现场评审 set by the office.
    const timeline = await ctx.http.get(`/cycles/${created.body.id}/timeline`).set('Authorization', yzAdmin).expect(200);
    const items: Item[] = timeline.body.items;
    expect(items.map((i) => [i.key, i.date])).toEqual([
      ['applicationOpens', '2026-01-05'],
      ['applicationCloses', '2026-02-10'],
      ['supplementDue', '2026-02-24'],
      ['reviewDue', '2026-03-09'],
      ['defense', null],
      ['onsiteReview', null],
      ['publicityStarts', '2026-03-10'],
      ['publicityEnds', '2026-03-10'],
      ['panel', null],
      ['approval', '2026-03-11'],
    ]);
    expect(items.find((i) => i.key === 'supplementDue')!.basis).toContain('申报截止后 5 个工作日');
    expect(timeline.body.warnings[0]).toContain('企业答辩、现场评审、评审委员会审议的日期由办公室安排');
    expect(await ctx.http.patch(`/cycles/${created.body.id}`).set('Authorization', yzAdmin).send({ publicityDayUnit: 'weekdays' }).expect(400).then((r) => r.body.errors)).toEqual([
      { field: 'publicityDayUnit', label: '公示天数计算方式', messages: ['须为 calendar（自然日）或 working（工作日）'] },
    ]);
  });

  it('refuses a working-day period that reaches into a year with no calendar, in Chinese, at creation and by PATCH', async () => {
    const late = brandCycle({ year: 2026, applicationOpensAt: '2026-10-01', applicationClosesAt: '2026-12-25' });
    const refused = await ctx.http.post('/cycles').set('Authorization', yzAdmin).send({ ...late, supplementDays: 5, supplementDayUnit: 'working' }).expect(400);
    expect(refused.body.errors).toEqual([
      {
        field: 'supplementDayUnit',
        label: '补正天数计算方式',
        messages: ['按工作日计算的补正期限将进入 2027 年，系统中还没有该年的法定节假日和调休安排；请待国务院办公厅公布后由管理员录入该年日历，或改按自然日计算'],
      },
    ]);
    // In calendar days it is accepted; the preview says which dates it cannot give rather than guessing them.
    const created = await ctx.http.post('/cycles').set('Authorization', yzAdmin).send(late).expect(201);
    const timeline = await ctx.http.get(`/cycles/${created.body.id}/timeline`).set('Authorization', yzAdmin).expect(200);
    expect(timeline.body.items.find((i: Item) => i.key === 'supplementDue').date).toBe('2027-01-09');
    expect(timeline.body.items.find((i: Item) => i.key === 'reviewDue').date).toBe('2027-01-23');
    expect(timeline.body.items.filter((i: Item) => i.date === null).map((i: Item) => i.key)).toEqual(['publicityStarts', 'publicityEnds', 'approval']);
    expect(timeline.body.warnings).toEqual(['公示开始：系统中还没有 2027 年的法定节假日和调休安排，无法计算；请待国务院办公厅公布后由管理员录入该年日历']);

    const patch = await ctx.http.patch(`/cycles/${created.body.id}`).set('Authorization', yzAdmin).send({ reviewDueDayUnit: 'working' }).expect(400);
    expect(patch.body.errors[0]).toMatchObject({ field: 'reviewDueDayUnit', messages: [expect.stringContaining('按工作日计算的评审期限将进入 2027 年')] });
    expect((await ctx.http.get(`/cycles/${created.body.id}`).set('Authorization', yzAdmin).expect(200)).body.reviewDueDayUnit).toBe('calendar');
  });

  it('shows the timeline to admins of the cycle\'s office only: 404 for another office, 403 for other roles', async () => {
    const [cycle] = (await ctx.http.get('/cycles').set('Authorization', yzAdmin).expect(200)).body.items;
    await ctx.http.get(`/cycles/${cycle.id}/timeline`).set('Authorization', cityAdmin).expect(404);
    const reviewer = await createUser(ctx, { username: 'yz-expert', role: 'reviewer', officeIds: [yuzhong] });
    const applicant = await createUser(ctx, { username: 'qiye.wang', role: 'applicant' });
    for (const token of [reviewer.token, applicant.token]) await ctx.http.get(`/cycles/${cycle.id}/timeline`).set('Authorization', token).expect(403);
    await ctx.http.get(`/cycles/${cycle.id}/timeline`).expect(401);
    await ctx.http.get('/cycles/00000000-0000-4000-8000-000000000000/timeline').set('Authorization', yzAdmin).expect(404);
  });
});
