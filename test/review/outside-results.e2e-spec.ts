import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openCycle, registerEnterprise, uploadMaterials } from '../support/award-fixtures';
import { endWindow } from '../support/end-window';
import { act, publishPublicity, reviewerPool, waitForState } from '../support/review-fixtures';
import { waitFor } from '../support/throwaway-redis';
import { createUser, startTestApp, TestContext } from '../support/test-app';

/**
 * 鲁班奖 is decided by 中国建筑业协会, not by the office: the local stages select a project to
 * recommend ("推荐参评2026年度鲁班奖"); the office then records the result above, and only that
 * says "荣获". Every notice the enterprise gets says which it is.
 */
describe('a result decided above the office: 鲁班奖', () => {
  let ctx: TestContext;
  let admin: string;
  let association: { id: string; token: string };
  let builder: Awaited<ReturnType<typeof registerEnterprise>>;
  let appId: string;
  let cycleId: string;
  type Notice = { template: string; title: string; body: string };
  const notices = async (): Promise<Notice[]> => (await ctx.http.get('/notifications?pageSize=100').set('Authorization', builder.token).expect(200)).body.items;
  const noticeOf = (template: string) => waitFor(async () => (await notices()).find((n) => n.template === template), 30_000, `the ${template} notice`);

  beforeAll(async () => {
    ctx = await startTestApp({ worker: true, env: { OUTBOX_POLL_INTERVAL_MS: '200', DEADLINE_SCHEDULE_INTERVAL_MS: '100' } });
    admin = await ctx.adminToken();
    association = await createUser(ctx, { username: 'cqjzxh', role: 'recommender', displayName: '重庆市建筑业协会', recommendsAwardCodes: ['luban-award'] } as never);
    const cycle = await openCycle(ctx, { awardCode: 'luban-award', year: 2026, title: '2026年度鲁班奖推荐', quota: { awards: 2 }, panel: { quorum: 3 } });
    cycleId = cycle.id;
    builder = await registerEnterprise(ctx, '重庆建工第三建设有限责任公司', { industry: 'E4710' });
    const draft = await ctx.http.post('/applications').set('Authorization', builder.token).send({
      cycleId,
      form: { project: { name: '重庆市民中心', location: '重庆市渝中区', scale: '建筑面积 12.6 万平方米', investment: 86000, constructionUnit: '重庆市城市建设投资（集团）有限公司', completionAcceptanceDate: '2025-06-30' } },
    });
    if (draft.status !== 201) throw new Error(`draft: ${draft.status} ${JSON.stringify(draft.body)}`);
    appId = draft.body.id;
    await uploadMaterials(ctx, builder.token, appId, ['application_form', 'completion_acceptance', 'quality_evaluation', 'business_license']);
    await act(ctx, builder.token, appId, 'submit');
    await act(ctx, association.token, appId, 'endorse', { payload: { opinion: '工程质量优良，同意推荐参评鲁班奖。' } });
    await act(ctx, admin, appId, 'pass_preliminary_review');
    await act(ctx, admin, appId, 'pass_onsite_review', { comment: '现场复查：主体结构与装饰装修质量符合申报' });
    const members = await reviewerPool(ctx, 3);
    await ctx.http.post(`/cycles/${cycleId}/panel`).set('Authorization', admin).send({ memberIds: members.map((m) => m.id) }).expect(200);
    for (const m of members) await ctx.http.post(`/applications/${appId}/votes`).set('Authorization', m.token).send({ vote: 'approve' }).expect(200);
    await ctx.http.post(`/applications/${appId}/votes/close`).set('Authorization', admin).expect(200);
    await waitForState(ctx, appId, 'awaiting_publicity');
    await publishPublicity(ctx, admin, cycleId);
    await endWindow(ctx, appId, 'publicity_end');
    await waitForState(ctx, appId, 'awaiting_approval');
  }, 240_000);
  afterAll(async () => ctx?.close());

  it('审定 selects the project for recommendation: 推荐参评, never 荣获, in the notice and on the certificate', async () => {
    // Nothing above the office can be recorded before the local stages have selected it.
    const early = await ctx.http.put(`/applications/${appId}/outside-result`).set('Authorization', admin).send({ recommendedOn: '2026-06-30' }).expect(409);
    expect(early.body).toMatchObject({ code: 'OUTSIDE_RESULT_NOT_ALLOWED', message: '只有经审定入选推荐的申报可以登记上级评选结果；该申报现为「待审定」' });
    expect((await act(ctx, admin, appId, 'approve')).state).toBe('awarded');
    const selected = await noticeOf('awarded');
    expect(selected.title).toBe('推荐结果通知：2026年度鲁班奖推荐');
    expect(selected.body).toContain('已入选，推荐参评2026年度鲁班奖，将报送中国建筑业协会评定');
    const certificate = (await ctx.http.get(`/applications/${appId}/certificate`).set('Authorization', builder.token).expect(200)).body;
    expect(certificate.tierLabel).toBe('入选推荐');
    // Before anything is recorded above: none, and the statistics count a nomination, not an award.
    expect((await ctx.http.get(`/applications/${appId}/outside-result`).set('Authorization', builder.token).expect(200)).body).toEqual({
      applicationId: appId,
      chain: { recommendedTo: '中国建筑业协会', stagesAbove: '初审、现场复查、评审委员会投票' },
      result: null,
    });
    await ctx.http.post('/stats/refresh').set('Authorization', admin).expect(200);
    expect((await ctx.http.get('/stats').query({ awardCode: 'luban-award' }).set('Authorization', admin).expect(200)).body.totals).toMatchObject({ awards: 0, nominations: 1, outsideAwards: 0 });
  });

  it('the office records the recommendation, then the result with its 文号: 荣获 only now', async () => {
    const bad = await ctx.http.put(`/applications/${appId}/outside-result`).set('Authorization', admin).send({ recommendedOn: '2026-06-31', outcome: 'awarded' }).expect(400);
    expect(bad.body.errors.map((e: { field: string; label: string }) => [e.field, e.label]).sort()).toEqual([
      ['decidedOn', '决定日期'],
      ['documentNumber', '文号'],
      ['recommendedOn', '推荐日期'],
    ]);
    // The enterprise and the association may read it, not record it.
    await ctx.http.put(`/applications/${appId}/outside-result`).set('Authorization', builder.token).send({ recommendedOn: '2026-06-30' }).expect(403);

    const sent = (await ctx.http.put(`/applications/${appId}/outside-result`).set('Authorization', admin).send({ recommendedOn: '2026-06-30' }).expect(200)).body;
    expect(sent).toMatchObject({ recommendedTo: '中国建筑业协会', recommendedOn: '2026-06-30', outcome: 'pending', outcomeText: '推荐参评2026年度鲁班奖', documentNumber: null });
    const recommended = await noticeOf('outside_recommended');
    expect(recommended.body).toContain('已于 2026-06-30 报送中国建筑业协会，推荐参评2026年度鲁班奖');
    // Until the result is recorded, no notice says 荣获.
    expect((await notices()).filter((n) => `${n.title}${n.body}`.includes('荣获'))).toEqual([]);

    const decided = (await ctx.http.put(`/applications/${appId}/outside-result`).set('Authorization', admin)
      .send({ recommendedOn: '2026-06-30', outcome: 'awarded', documentNumber: '建协〔2026〕18号', decidedOn: '2026-11-20' }).expect(200)).body;
    expect(decided).toMatchObject({ outcome: 'awarded', outcomeText: '荣获2026年度鲁班奖', documentNumber: '建协〔2026〕18号', decidedOn: '2026-11-20', revision: 2 });
    const conferred = await noticeOf('outside_awarded');
    expect(conferred.title).toBe('评定结果：荣获2026年度鲁班奖');
    expect(conferred.body).toContain('经中国建筑业协会评定，贵单位荣获2026年度鲁班奖（建协〔2026〕18号，2026-11-20）');
    // Of every notice the enterprise got, only the result above says 荣获.
    const all = await notices();
    expect(all.filter((n) => `${n.title}${n.body}`.includes('荣获')).map((n) => n.template)).toEqual(['outside_awarded']);

    // The enterprise reads it on its application; the statistics count the award conferred above.
    expect((await ctx.http.get(`/applications/${appId}/outside-result`).set('Authorization', builder.token).expect(200)).body.result).toMatchObject({ outcome: 'awarded', outcomeText: '荣获2026年度鲁班奖' });
    expect((await ctx.http.get('/stats').query({ awardCode: 'luban-award' }).set('Authorization', admin).expect(200)).body.totals).toMatchObject({ awards: 0, nominations: 1, outsideAwards: 1 });
    // The workflow is untouched: the local 审定 stands.
    expect((await ctx.http.get(`/applications/${appId}`).set('Authorization', builder.token).expect(200)).body.state).toBe('awarded');
  });

  it('an award the office confers itself has nothing above to record; only the office records', async () => {
    const quality = await openCycle(ctx, { awardCode: 'district-quality-award', title: '渝中区区长质量管理奖（无上级）' });
    const firm = await registerEnterprise(ctx, '重庆渝中精工机械有限公司');
    const draft = await ctx.http.post('/applications').set('Authorization', firm.token).send({ cycleId: quality.id }).expect(201);
    const refused = await ctx.http.put(`/applications/${draft.body.id}/outside-result`).set('Authorization', admin).send({ recommendedOn: '2026-06-30' }).expect(409);
    expect(refused.body).toMatchObject({ code: 'OUTSIDE_RESULT_NOT_ALLOWED', message: '区长质量管理奖由本办公室审定，没有上级评选结果可登记' });
    const other = await ctx.http.put(`/applications/${appId}/outside-result`).set('Authorization', association.token).send({ recommendedOn: '2026-06-30' }).expect(403);
    expect(other.body.code).toBe('FORBIDDEN');
    // The association that recommended it reads the result.
    expect((await ctx.http.get(`/applications/${appId}/outside-result`).set('Authorization', association.token).expect(200)).body.result.outcome).toBe('awarded');
    // An award the office confers itself: no chain, nothing to record.
    expect((await ctx.http.get(`/applications/${draft.body.id}/outside-result`).set('Authorization', firm.token).expect(200)).body).toEqual({ applicationId: draft.body.id, chain: null, result: null });
  });
});
