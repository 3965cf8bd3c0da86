import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { beijingDate, WorkCalendars } from '../../libs/calendar/src';
import { DefinitionRegistry, EffectRegistry, GuardRegistry, WorkflowEngine } from '../../libs/workflow/src';
import { registerSampleGuardsAndEffects, sampleDefinition } from '../../libs/workflow/src/testing/sample-definitions';
import { createUser, startTestApp, TestContext } from '../support/test-app';

/** 2027 as a notice might have it; the dates are made up for the test, not the State Council's. */
const YEAR_2027 = {
  notice: '国办发明电〔2026〕测试号',
  holidays: [
    { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
    { name: '春节', from: '2027-02-06', to: '2027-02-13' },
  ],
  makeUpWorkdays: ['2027-02-14', '2027-02-20'],
};

describe('the working-day calendar API', () => {
  let ctx: TestContext;
  let admin: string;
  let applicant: string;

  beforeAll(async () => {
    ctx = await startTestApp();
    admin = await ctx.adminToken();
    applicant = (await createUser(ctx, { username: `cal${Date.now().toString(36)}`, role: 'applicant' })).token;
  });
  afterAll(() => ctx?.close());

  it('is read by anyone signed in, written only by admins', async () => {
    expect((await ctx.http.get('/calendar/years')).status).toBe(401);
    expect((await ctx.http.put('/calendar/years/2027').send(YEAR_2027)).status).toBe(401);
    const refused = await ctx.http.put('/calendar/years/2027').set('Authorization', applicant).send(YEAR_2027);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('FORBIDDEN');

    const list = await ctx.http.get('/calendar/years').set('Authorization', applicant).expect(200);
    expect(list.body.map((y: { year: number; source: string; notice: string }) => [y.year, y.source, y.notice])).toEqual([
      [2024, 'shipped', '国办发明电〔2023〕7号'],
      [2025, 'shipped', '国办发明电〔2024〕12号'],
      [2026, 'shipped', '国办发明电〔2025〕7号'],
    ]);
    const y2025 = await ctx.http.get('/calendar/years/2025').set('Authorization', admin).expect(200);
    expect(y2025.body.holidays).toContainEqual({ name: '国庆节、中秋节', from: '2025-10-01', to: '2025-10-08' });
    expect(y2025.body.makeUpWorkdays).toEqual(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']);
    const missing = await ctx.http.get('/calendar/years/2027').set('Authorization', admin);
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe('未找到该年度节假日安排，或您无权查看');
  });

  it('refuses bad input with 400s that name each field and the reason in Chinese', async () => {
    const shape = await ctx.http
      .put('/calendar/years/2027')
      .set('Authorization', admin)
      .send({ notice: '', holidays: [{ name: '春节', from: '2027/02/06', to: '2027-02-13' }], makeUpWorkdays: ['2027-02-14', 'soon'] });
    expect(shape.status).toBe(400);
    expect(shape.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(shape.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'notice', label: '通知文号' }),
        expect.objectContaining({ field: 'holidays.0.from', label: '放假安排第 1 项·放假首日', messages: ['须为日期（YYYY-MM-DD）'] }),
        expect.objectContaining({ field: 'makeUpWorkdays', label: '调休上班日', messages: ['须为日期（YYYY-MM-DD）'] }),
      ]),
    );

    const dates = await ctx.http
      .put('/calendar/years/2027')
      .set('Authorization', admin)
      .send({
        notice: '国办发明电〔2026〕测试号',
        holidays: [
          { name: '春节', from: '2027-02-30', to: '2027-03-05' },
          { name: '国庆节', from: '2027-10-01', to: '2027-10-07' },
          { name: '元旦', from: '2026-12-31', to: '2027-01-01' },
          { name: '  ', from: '2027-09-20', to: '2027-09-15' },
        ],
        makeUpWorkdays: ['2027-02-17', '2027-10-02'],
      });
    expect(dates.status).toBe(400);
    expect(dates.body.errors).toEqual([
      { field: 'holidays.0.from', label: '放假安排第 1 项·放假首日', messages: ['不是有效的日期'] },
      { field: 'holidays.2.from', label: '放假安排第 3 项·放假首日', messages: ['须在 2027 年内'] },
      { field: 'holidays.3.name', label: '放假安排第 4 项·节日名称', messages: ['不能为空'] },
      { field: 'holidays.3.to', label: '放假安排第 4 项·放假末日', messages: ['不能早于放假首日'] },
      { field: 'makeUpWorkdays.0', label: '调休上班日第 1 项', messages: ['须为星期六或星期日（周一至周五本就上班）'] },
      { field: 'makeUpWorkdays.1', label: '调休上班日第 2 项', messages: ['不能同时是放假日'] },
    ]);
    expect(dates.body.message).toContain('放假安排第 4 项·放假末日：不能早于放假首日');

    const year = await ctx.http.put('/calendar/years/27').set('Authorization', admin).send(YEAR_2027);
    expect(year.status).toBe(400);
    expect(year.body).toMatchObject({ code: 'VALIDATION_FAILED', message: '年度：须为 2000 至 2099 之间的四位年份' });
  });

  it('does not let a shipped year be typed over by mistake', async () => {
    const res = await ctx.http.put('/calendar/years/2025').set('Authorization', admin).send(YEAR_2027);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'CALENDAR_YEAR_SHIPPED', year: 2025 });
    expect(res.body.message).toContain('国办发明电〔2024〕12号');
    expect((await ctx.http.get('/calendar/years/2025').set('Authorization', admin)).body.source).toBe('shipped');
  });

  it('computes working days into 2027 once an admin has entered its notice, and refuses before', async () => {
    const calendars = ctx.api.get(WorkCalendars);
    const beforeSpringFestival = new Date('2027-02-04T10:00:00+08:00');
    await expect(calendars.endOfWorkingDays(beforeSpringFestival, 5)).rejects.toMatchObject({ code: 'CALENDAR_YEAR_MISSING', params: { year: 2027 } });

    const put = await ctx.http.put('/calendar/years/2027').set('Authorization', admin).send(YEAR_2027);
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ year: 2027, source: 'admin', notice: YEAR_2027.notice, makeUpWorkdays: YEAR_2027.makeUpWorkdays });
    expect((await ctx.http.get('/calendar/years').set('Authorization', applicant)).body.map((y: { year: number }) => y.year)).toEqual([2024, 2025, 2026, 2027]);

    // 2-5 (Fri), then 春节 2-6…2-13, the 调休 Sunday 2-14, 2-15, 2-16, 2-17: the fifth ends at 24:00 Beijing.
    expect((await calendars.endOfWorkingDays(beforeSpringFestival, 5)).toISOString()).toBe('2027-02-17T16:00:00.000Z');
    const [audit] = await ctx.dataSource.query(`SELECT action, entity_type, entity_id FROM audit_events WHERE entity_type = 'calendar_year'`);
    expect(audit).toEqual({ action: 'calendar_year_set', entity_type: 'calendar_year', entity_id: '2027' });
  });

  it('replaces a shipped year only when told to (an amended notice)', async () => {
    const amended = { notice: '国办发明电〔2025〕7号（调整）', holidays: [{ name: '国庆节', from: '2026-10-01', to: '2026-10-09' }], makeUpWorkdays: [], replacesShipped: true };
    const res = await ctx.http.put('/calendar/years/2026').set('Authorization', admin).send(amended);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ year: 2026, source: 'admin', replacesShipped: true });
    expect(await ctx.api.get(WorkCalendars).withCalendar((c) => c.lastWorkingDay('2026-09-30', 1))).toBe('2026-10-12');
  });

  it('plans a workflow timer given in working days with the calendar (P5WD)', async () => {
    registerSampleGuardsAndEffects(ctx.api.get(GuardRegistry), ctx.api.get(EffectRegistry));
    await ctx.api.get(DefinitionRegistry).register(sampleDefinition());
    const engine = ctx.api.get(WorkflowEngine);
    const calendars = ctx.api.get(WorkCalendars);
    // The engine counts from now: give the calendar this year and the next if no notice covers them (runs after 2027).
    const thisYear = Number(beijingDate(new Date()).slice(0, 4));
    for (const year of [thisYear, thisYear + 1]) {
      if (!(await calendars.year(year))) {
        await ctx.http.put(`/calendar/years/${year}`).set('Authorization', admin).send({ notice: '测试', holidays: [{ name: '元旦', from: `${year}-01-01`, to: `${year}-01-01` }], makeUpWorkdays: [] }).expect(200);
      }
    }
    const actor = { id: randomUUID(), role: 'applicant' };
    const instance = await engine.start({ definition: { code: 'sample-review', version: 1 }, subjectType: 'sample', subjectId: randomUUID(), context: { supplementDuration: 'P5WD' }, actor });
    await engine.fire({ instanceId: instance.id, action: 'submit', actor });
    await engine.fire({ instanceId: instance.id, action: 'request_supplement', actor: { id: randomUUID(), role: 'admin' }, comment: '请补充营业执照' });
    const [row] = await ctx.dataSource.query(
      `SELECT d.due_at, h.created_at FROM deadlines d JOIN workflow_history h ON h.instance_id = d.instance_id AND h.action = 'request_supplement'
        WHERE d.instance_id = $1 AND d.kind = 'supplement'`,
      [instance.id],
    );
    expect(row.due_at).toEqual(await calendars.endOfWorkingDays(row.created_at, 5));
    expect(row.due_at.toISOString()).toMatch(/T16:00:00\.000Z$/);
  });
});
