import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openCycle, registerEnterprise, uploadMaterials } from '../support/award-fixtures';
import { endWindow } from '../support/end-window';
import { act, publishPublicity, reviewerPool, stateOf, waitForState } from '../support/review-fixtures';
import { createUser, startTestApp, TestContext } from '../support/test-app';

/** The other two families: a 鲁班奖 nomination that the panel turns down, and a 老字号 recognised for good (re-checked, never expiring). */
describe('engineering nominations and brand recognitions', () => {
  let ctx: TestContext;
  let admin: string;
  let recommender: { id: string; token: string };

  beforeAll(async () => {
    ctx = await startTestApp({ worker: true, env: { ALLOW_SHORT_DURATIONS: 'true', OUTBOX_POLL_INTERVAL_MS: '200', DEADLINE_SCHEDULE_INTERVAL_MS: '100' } });
    admin = await ctx.adminToken();
    recommender = await createUser(ctx, { username: 'cqjzxh', role: 'recommender', displayName: '重庆市建筑业协会' });
  });
  afterAll(async () => ctx?.close());

  it('鲁班奖: endorsed by the recommending body, 初审, 现场复查, and a panel vote short of two thirds', async () => {
    const cycle = await openCycle(ctx, { awardCode: 'luban-award', title: '2026年度鲁班奖推荐', quota: { awards: 2 }, panel: { quorum: 3 } });
    const builder = await registerEnterprise(ctx, '重庆建工第三建设有限责任公司', { industry: 'E4710' });
    const declined = await registerEnterprise(ctx, '重庆某建筑工程有限公司', { industry: 'E4710' });
    const project = (name: string) => ({
      project: { name, location: '重庆市渝中区', scale: '建筑面积 12.6 万平方米', investment: 86000, constructionUnit: '重庆市城市建设投资（集团）有限公司', completionAcceptanceDate: '2025-06-30' },
    });
    const ids: string[] = [];
    for (const [e, name] of [[builder, '重庆市民中心'], [declined, '渝中区某住宅项目']] as const) {
      const res = await ctx.http.post('/applications').set('Authorization', e.token).send({ cycleId: cycle.id, form: project(name) }).expect(201);
      await uploadMaterials(ctx, e.token, res.body.id, ['application_form', 'completion_acceptance', 'quality_evaluation', 'business_license']);
      expect((await act(ctx, e.token, res.body.id, 'submit')).state).toBe('awaiting_endorsement');
      ids.push(res.body.id);
    }
    // The recommending body sees what waits for it, and declines one with a reason.
    await act(ctx, recommender.token, ids[1], 'decline_endorsement', { comment: '工程质量评价报告不完整' });
    expect(await stateOf(ctx, ids[1])).toBe('not_endorsed');
    await act(ctx, builder.token, ids[0], 'endorse', {}, 403);
    await act(ctx, recommender.token, ids[0], 'endorse');
    await act(ctx, admin, ids[0], 'pass_preliminary_review');
    expect(await stateOf(ctx, ids[0])).toBe('onsite_review');
    await act(ctx, admin, ids[0], 'pass_onsite_review', { comment: '现场复查：主体结构与装饰装修质量符合申报' });
    expect(await stateOf(ctx, ids[0])).toBe('panel');

    const members = await reviewerPool(ctx, 3);
    await ctx.http.post(`/cycles/${cycle.id}/panel`).set('Authorization', admin).send({ memberIds: members.map((m) => m.id) }).expect(200);
    const bad = await ctx.http.post(`/applications/${ids[0]}/votes`).set('Authorization', members[0].token).send({ vote: 'yes' }).expect(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', message: '表决意见：须为同意、反对或弃权之一' });
    expect(bad.body.errors).toEqual([{ field: 'vote', label: '表决意见', messages: ['须为同意、反对或弃权之一'] }]);
    for (const [i, m] of members.entries()) await ctx.http.post(`/applications/${ids[0]}/votes`).set('Authorization', m.token).send({ vote: i === 0 ? 'reject' : i === 1 ? 'abstain' : 'approve' }).expect(200);
    const closed = await ctx.http.post(`/applications/${ids[0]}/votes/close`).set('Authorization', admin).expect(200);
    // One of three present approves: short of two thirds.
    expect(closed.body).toMatchObject({ state: 'not_selected', outcome: { present: 3, approve: 1, passed: false } });
    const history = (await ctx.http.get(`/applications/${ids[0]}/history`).set('Authorization', builder.token).expect(200)).body;
    expect(history.entries.at(-1)).toMatchObject({ action: 'close_panel_vote', toState: 'not_selected', chainValid: true });
    // The count is the office's: the enterprise reads the outcome, not how the members voted.
    expect(history.entries.at(-1)).toMatchObject({ actionLabel: '表决未通过', comment: null, payload: {} });
    const office = (await ctx.http.get(`/applications/${ids[0]}/history`).set('Authorization', admin).expect(200)).body;
    expect(office.entries.at(-1)).toMatchObject({ payload: { votePassed: false, approve: 1, reject: 1, abstain: 1 } });
  });

  it('重庆老字号: recognised with a certificate, and no validity deadline (it is re-checked instead)', async () => {
    const cycle = await openCycle(ctx, {
      awardCode: 'cq-time-honored-brand',
      title: '2026年度重庆老字号认定',
      quota: { awards: 10 },
      stagePlan: { expertReview: false },
      durationOverrides: { publicity: 'PT1S' },
    });
    const shop = await registerEnterprise(ctx, '重庆陈麻花食品有限公司', { industry: 'C1419', foundedAt: '1990-01-01' });
    const young = { brand: { name: '新潮麻花', foundedYear: 2015, category: '食品' } };
    const res = await ctx.http.post('/applications').set('Authorization', shop.token).send({ cycleId: cycle.id, form: young }).expect(201);
    await uploadMaterials(ctx, shop.token, res.body.id, ['application_form', 'business_license', 'quality_certificates', 'brand_history']);
    // Founded less than 50 years ago: refused at submit with the reason, nothing changes.
    const refused = await act(ctx, shop.token, res.body.id, 'submit', {}, 422);
    expect(JSON.stringify(refused)).toContain('50');
    expect(await stateOf(ctx, res.body.id)).toBe('draft');
    const current = (await ctx.http.get(`/applications/${res.body.id}`).set('Authorization', shop.token).expect(200)).body;
    await ctx.http.patch(`/applications/${res.body.id}`).set('Authorization', shop.token).set('If-Match', String(current.version))
      .send({ form: { brand: { name: '陈麻花', foundedYear: 1876, category: '传统食品', description: '磁器口传统手工麻花' } } }).expect(200);
    await act(ctx, shop.token, res.body.id, 'submit');
    await act(ctx, recommender.token, res.body.id, 'endorse');
    await act(ctx, admin, res.body.id, 'pass_formal_review');
    // The office publishes the 公示; its end (fired here rather than waited for) leads to 审定.
    await waitForState(ctx, res.body.id, 'awaiting_publicity');
    await publishPublicity(ctx, admin, cycle.id);
    await endWindow(ctx, res.body.id, 'publicity_end');
    await waitForState(ctx, res.body.id, 'awaiting_approval');
    expect((await act(ctx, admin, res.body.id, 'approve')).state).toBe('recognised');
    const [certificate] = await ctx.dataSource.query(`SELECT number FROM certificates WHERE application_id = $1`, [res.body.id]);
    expect(certificate.number).toMatch(/^\d{4}[A-Z]+-\d{6}-J001$/);
    // A 老字号 does not expire (its office re-checks it: test/review/validity-and-rechecks.e2e-spec.ts).
    const timers = await ctx.dataSource.query(`SELECT d.kind FROM deadlines d JOIN applications a ON a.instance_id = d.instance_id WHERE a.id = $1 AND d.status = 'pending'`, [res.body.id]);
    expect(timers).toEqual([]);
    expect(await stateOf(ctx, res.body.id)).toBe('recognised');
  });
});
