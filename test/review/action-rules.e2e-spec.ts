import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ACTION_TABLE, GENERIC_ACTION_ROUTE, SYSTEM_ONLY } from '../../libs/awards/src';
import { Enterprise, openCycle, readyApplication, registerEnterprise, uploadMaterials } from '../support/award-fixtures';
import { act, publishPublicity, Reviewer, reviewerPool } from '../support/review-fixtures';
import { createUser, startTestApp, TestContext } from '../support/test-app';

const PROJECT = {
  project: { name: '重庆市规划展览馆', location: '重庆市渝中区', scale: '建筑面积 3.2 万平方米', investment: 52000, constructionUnit: '重庆市城市建设投资（集团）有限公司', completionAcceptanceDate: '2025-06-30' },
};
const ENGINEERING_DOCS = ['application_form', 'completion_acceptance', 'quality_evaluation', 'business_license'];

/**
 * The action table over HTTP: the generic action route refuses what it may not carry (unknown
 * actions, decisions with their own use case, timers' actions, undeclared payload) and changes
 * nothing; experts see and act only on the 初审 / 现场复查 the office named them for; panels,
 * named experts and hand-picked experts come from the cycle's office. A 鲁班奖 nomination is
 * driven through 初审, 现场复查, the committee and 公示 (no worker is needed on that path).
 */
describe('the action table over HTTP', () => {
  let ctx: TestContext;
  let admin: string;
  let builder: Enterprise;
  let rival: Enterprise;
  let recommender: { id: string; token: string };
  let experts: Reviewer[];
  let outsider: { id: string; token: string };
  let cycle: { id: string; officeId: string };
  let otherOfficeId: string;
  let appId: string;

  const get = (token: string, path = `/applications/${appId}`) => ctx.http.get(path).set('Authorization', token);
  const post = (token: string, action: string, body: Record<string, unknown> = {}) => ctx.http.post(`/applications/${appId}/actions/${action}`).set('Authorization', token).send(body);
  const snapshot = async () => {
    const [row] = await ctx.dataSource.query(
      `SELECT i.state, i.version, (SELECT count(*)::int FROM workflow_history h WHERE h.instance_id = i.id) AS history,
              (SELECT count(*)::int FROM objections o WHERE o.application_id = a.id) AS objections
         FROM applications a JOIN workflow_instances i ON i.id = a.instance_id WHERE a.id = $1`,
      [appId],
    );
    return row as { state: string; version: number; history: number; objections: number };
  };

  beforeAll(async () => {
    ctx = await startTestApp();
    admin = await ctx.adminToken();
    const created = await openCycle(ctx, { awardCode: 'luban-award', title: '2026年度鲁班奖推荐（规则测试）', quota: { awards: 2 }, panel: { quorum: 1 } });
    cycle = (await get(admin, `/cycles/${created.id}`).expect(200)).body;
    [{ id: otherOfficeId }] = await ctx.dataSource.query(`SELECT id FROM offices WHERE id <> $1 ORDER BY code LIMIT 1`, [cycle.officeId]);
    builder = await registerEnterprise(ctx, '重庆建工规则测试建设有限公司', { industry: 'E4710' });
    rival = await registerEnterprise(ctx, '重庆某竞争建设有限公司', { industry: 'E4710' });
    recommender = await createUser(ctx, { username: 'rules-recommender', role: 'recommender', displayName: '重庆市建筑业协会' });
    experts = await reviewerPool(ctx, 3);
    // An expert of another office only (in the pool, registered by an admin of every office).
    const res = await ctx.http.post('/users').set('Authorization', admin).send({ username: 'rules-outsider', displayName: '外区专家', role: 'reviewer', password: 'user-password-1', officeIds: [otherOfficeId] }).expect(201);
    outsider = { id: res.body.id, token: await ctx.login('rules-outsider', 'user-password-1') };
    await ctx.http.post('/reviews/reviewers').set('Authorization', admin).send({ userId: outsider.id, expertise: ['E'], ties: [] }).expect(201);

    const draft = await ctx.http.post('/applications').set('Authorization', builder.token).send({ cycleId: cycle.id, form: PROJECT }).expect(201);
    appId = draft.body.id;
    await uploadMaterials(ctx, builder.token, appId, ENGINEERING_DOCS);
  });
  afterAll(async () => ctx?.close());

  it('names every dedicated route of the table in the OpenAPI document', async () => {
    const paths = Object.keys((await ctx.http.get('/docs/openapi.json').expect(200)).body.paths).map((p) => p.replace(/\{[^}]+\}/g, ':id'));
    const dedicated = [...new Set(Object.values(ACTION_TABLE).map((r) => r.route).filter((r) => r !== GENERIC_ACTION_ROUTE && r !== SYSTEM_ONLY))];
    expect(dedicated.length).toBe(5);
    for (const route of dedicated) expect(paths).toContain(route.replace(/^POST /, '').replace(/:\w+/g, ':id'));
  });

  it('refuses an unknown action with 404 naming it, and a timer\'s action with 403; nothing changes', async () => {
    const before = await snapshot();
    const unknown = await post(builder.token, 'approve_everything').expect(404);
    expect(unknown.body).toMatchObject({ code: 'UNKNOWN_ACTION', action: 'approve_everything' });
    expect(unknown.body.message).toContain('approve_everything');
    const timer = await post(admin, 'application_window_closed').expect(403);
    expect(timer.body).toMatchObject({ code: 'ACTION_TAKEN_BY_SYSTEM', action: 'application_window_closed' });
    await post(admin, 'publicity_ended').expect(403);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a payload field the table does not declare, naming payload.<field>; nothing changes', async () => {
    const before = await snapshot();
    const res = await post(builder.token, 'submit', { payload: { votePassed: true, receiptNumber: 'X-1' } }).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['payload.receiptNumber', 'payload.votePassed']);
    // A person reads the action by its name, not its API name nor "payload".
    expect(res.body.errors.map((e: { messages: string[] }) => e.messages)).toEqual([['「提交申报」不接受附加信息'], ['「提交申报」不接受附加信息']]);
    expect(res.body.message).not.toMatch(/submit|payload/);
    expect(await snapshot()).toEqual(before);
  });

  it('lists in a 409 only the actions the caller may take, and refuses a role the table does not give it', async () => {
    expect((await post(builder.token, 'submit').expect(200)).body.state).toBe('awaiting_endorsement');
    const again = await post(builder.token, 'submit').expect(409);
    expect(again.body).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED', allowedActions: ['withdraw'] });
    const office = await post(admin, 'pass_preliminary_review').expect(409);
    expect(office.body.allowedActions.sort()).toEqual(['decline_endorsement', 'endorse']);
    const applicant = await post(builder.token, 'endorse').expect(403);
    expect(applicant.body).toMatchObject({ code: 'FORBIDDEN', action: 'endorse', message: '「同意推荐」只能由推荐单位、评奖办公室办理' });
    // What the page offers is the same list, each with the route to take it by.
    expect((await get(builder.token).expect(200)).body.availableActions).toEqual([expect.objectContaining({ action: 'withdraw', route: GENERIC_ACTION_ROUTE })]);
  });

  it('gives 初审 to the experts the office named for it, and to no other expert of the office', async () => {
    const outside = await ctx.http.put(`/cycles/${cycle.id}/stage-reviewers`).set('Authorization', admin).send({ stage: 'formal_review', userIds: [experts[0].id, outsider.id] }).expect(400);
    expect(outside.body.errors).toEqual([expect.objectContaining({ field: 'userIds' })]);
    expect(JSON.stringify(outside.body.errors)).toContain(outsider.id);
    const bad = await ctx.http.put(`/cycles/${cycle.id}/stage-reviewers`).set('Authorization', admin).send({ stage: 'panel', userIds: ['x'] }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['stage', 'userIds']);
    const named = await ctx.http.put(`/cycles/${cycle.id}/stage-reviewers`).set('Authorization', admin).send({ stage: 'formal_review', userIds: [experts[0].id] }).expect(200);
    expect(named.body).toMatchObject({ cycleId: cycle.id, stage: 'formal_review', applicationId: null, reviewers: [{ userId: experts[0].id }] });

    await act(ctx, recommender.token, appId, 'endorse');
    expect((await snapshot()).state).toBe('preliminary_review');
    // Not named: the expert neither finds it, nor sees it, nor acts on it.
    expect((await get(experts[1].token, '/reviews/tasks').expect(200)).body.items).toEqual([]);
    await get(experts[1].token).expect(404);
    const before = await snapshot();
    await post(experts[1].token, 'pass_preliminary_review').expect(404);
    await post(outsider.token, 'reject', { comment: '材料不全' }).expect(404);
    expect(await snapshot()).toEqual(before);
    // Named: it finds, sees and passes it.
    const tasks = (await get(experts[0].token, '/reviews/tasks').expect(200)).body.items;
    expect(tasks).toEqual([expect.objectContaining({ applicationId: appId, stage: '初审' })]);
    const seen = (await get(experts[0].token).expect(200)).body;
    expect(seen.availableActions.map((a: { action: string }) => a.action).sort()).toEqual(['pass_preliminary_review', 'reject', 'request_supplement']);
    expect((await post(experts[0].token, 'pass_preliminary_review').expect(200)).body.state).toBe('onsite_review');
  });

  it('gives 现场复查 to the experts named for that application (or the cycle), and to no other expert', async () => {
    // The 初审 expert is not on site: it loses sight of the application.
    await get(experts[0].token).expect(404);
    expect((await get(experts[0].token, '/reviews/tasks').expect(200)).body.items).toEqual([]);
    const outside = await ctx.http.put(`/applications/${appId}/onsite-reviewers`).set('Authorization', admin).send({ userIds: [outsider.id] }).expect(400);
    expect(outside.body.errors).toEqual([expect.objectContaining({ field: 'userIds' })]);
    await ctx.http.put(`/applications/${appId}/onsite-reviewers`).set('Authorization', admin).send({ userIds: [experts[1].id] }).expect(200);
    expect((await get(admin, `/applications/${appId}/onsite-reviewers`).expect(200)).body.reviewers).toEqual([expect.objectContaining({ userId: experts[1].id })]);

    const before = await snapshot();
    await post(experts[2].token, 'pass_onsite_review', { payload: { findings: '未被指定的专家' } }).expect(404);
    await post(experts[0].token, 'fail_onsite_review', { comment: '未被指定的专家' }).expect(404);
    expect(await snapshot()).toEqual(before);
    expect((await get(experts[1].token, '/reviews/tasks').expect(200)).body.items).toEqual([expect.objectContaining({ applicationId: appId, state: 'onsite_review' })]);
    // The payload it carries is what the table declares for it, nothing more.
    const smuggled = await post(experts[1].token, 'pass_onsite_review', { payload: { findings: '主体结构质量良好', scoreAdjustment: 1, votePassed: true } }).expect(400);
    expect(smuggled.body.errors).toEqual([expect.objectContaining({ field: 'payload.votePassed', messages: ['「现场复查通过」只接受附加信息「现场评审发现」「现场评审分数调整」'] })]);
    expect(await snapshot()).toEqual(before);
    const passed = await post(experts[1].token, 'pass_onsite_review', { payload: { findings: '主体结构与装饰装修质量符合申报', scoreAdjustment: 1 } }).expect(200);
    expect(passed.body.state).toBe('panel');
  });

  it('refuses close_panel_vote with votePassed and no votes on the generic route, naming the votes route; nothing changes', async () => {
    const before = await snapshot();
    expect(before.state).toBe('panel');
    const offered = (await get(admin).expect(200)).body.availableActions;
    expect(offered).toContainEqual(expect.objectContaining({ action: 'close_panel_vote', route: 'POST /applications/:id/votes/close' }));
    for (const body of [{ payload: { votePassed: true } }, {}]) {
      const res = await post(admin, 'close_panel_vote', body).expect(405);
      expect(res.body).toMatchObject({ code: 'ACTION_HAS_DEDICATED_ROUTE', action: 'close_panel_vote', route: 'POST /applications/:id/votes/close' });
      // A person reads the action by its label and where to go instead; the route stays in the body.
      expect(res.body.message).toBe('「表决」不能在这里直接办理，须由评奖办公室按评审委员会的表决结果计票');
    }
    expect(await snapshot()).toEqual(before);
    // The votes route with no votes: no quorum, nothing moves.
    await ctx.http.post(`/applications/${appId}/votes/close`).set('Authorization', admin).expect(409);
    expect(await snapshot()).toEqual(before);
  });

  it("seats only the cycle's office on the panel, and moves the application by the counted votes", async () => {
    const outside = await ctx.http.post(`/cycles/${cycle.id}/panel`).set('Authorization', admin).send({ memberIds: [experts[2].id, outsider.id] }).expect(400);
    expect(outside.body.errors).toEqual([expect.objectContaining({ field: 'memberIds' })]);
    expect(JSON.stringify(outside.body.errors)).toContain(outsider.id);
    await ctx.http.post(`/cycles/${cycle.id}/panel`).set('Authorization', admin).send({ memberIds: [experts[2].id] }).expect(200);
    await ctx.http.post(`/applications/${appId}/votes`).set('Authorization', experts[2].token).send({ vote: 'approve' }).expect(200);
    const closed = await ctx.http.post(`/applications/${appId}/votes/close`).set('Authorization', admin).expect(200);
    expect(closed.body).toMatchObject({ state: 'awaiting_publicity', outcome: { approve: 1, passed: true } });
    await publishPublicity(ctx, admin, cycle.id);
    // A seat on the panel shows what is before it or was voted on, not the cycle's other applications.
    // Another project: the same one is the builder's entry (one active application per project, issue 17).
    const rivalDraft = await ctx.http.post('/applications').set('Authorization', rival.token).send({ cycleId: cycle.id, form: { project: { ...PROJECT.project, name: '重庆市规划展览馆二期' } } }).expect(201);
    await ctx.http.get(`/applications/${rivalDraft.body.id}`).set('Authorization', experts[2].token).expect(404);
    await ctx.http.get(`/applications/${rivalDraft.body.id}/history`).set('Authorization', experts[2].token).expect(404);
    await ctx.http.get(`/applications/${appId}`).set('Authorization', experts[2].token).expect(200);
  });

  it('refuses file_objection by the enterprise on the generic route, naming the objections route; nothing changes', async () => {
    const before = await snapshot();
    expect(before.state).toBe('publicity');
    for (const body of [{}, { comment: '我方自行提出异议' }]) {
      const res = await post(builder.token, 'file_objection', body).expect(405);
      expect(res.body).toMatchObject({ code: 'ACTION_HAS_DEDICATED_ROUTE', route: 'POST /applications/:id/objections', message: '「提出异议」不能在这里直接办理，请在社会公示期内以实名书面异议提出' });
    }
    // Another enterprise cannot see the application at all, so it learns nothing of its actions.
    await post(rival.token, 'file_objection', {}).expect(404);
    expect(await snapshot()).toEqual(before);
    // Through its own route, an objection is a written record and holds the application.
    const filed = await ctx.http
      .post(`/applications/${appId}/objections`)
      .set('Authorization', rival.token)
      .send({ objectorName: '赵六', contactPhone: '13800000001', content: '该工程竣工验收资料与现场情况不一致，请核查相关记录。', evidence: '竣工验收备案表复印件' })
      .expect(201);
    expect(await snapshot()).toMatchObject({ state: 'objection_review', objections: 1 });

    const held = await snapshot();
    for (const action of ['dismiss_objection', 'uphold_objection']) {
      const res = await post(admin, action, { comment: '经核查' }).expect(405);
      expect(res.body).toMatchObject({ code: 'ACTION_HAS_DEDICATED_ROUTE', route: 'POST /objections/:id/resolve' });
    }
    expect(await snapshot()).toEqual(held);
    await ctx.http.post(`/objections/${filed.body.id}/resolve`).set('Authorization', admin).send({ decision: 'dismiss', resolution: '经核查，验收资料与现场一致' }).expect(200);
    expect((await snapshot()).state).toBe('publicity');
  });

  describe("experts come from the cycle's office", () => {
    let quality: { id: string };
    let qualityApp: string;

    beforeAll(async () => {
      quality = await openCycle(ctx, { title: '2026年度区长质量管理奖（规则测试）', officeId: cycle.officeId, reviewersPerApplication: 1 });
      const enterprise = await registerEnterprise(ctx, '重庆规则测试精密仪器有限公司');
      qualityApp = await readyApplication(ctx, enterprise, quality.id);
      // No worker here: 资料评审 stays unstaffed until the office assigns an expert by hand.
      await act(ctx, enterprise.token, qualityApp, 'submit');
      await act(ctx, admin, qualityApp, 'start_review');
      await act(ctx, admin, qualityApp, 'pass_formal_review');
    });

    it('refuses to assign or reassign an expert of another office, naming reviewerId', async () => {
      const refused = await ctx.http.post(`/reviews/applications/${qualityApp}/assignments`).set('Authorization', admin).send({ reviewerId: outsider.id }).expect(400);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'reviewerId' })]);
      await ctx.http.post(`/reviews/applications/${qualityApp}/assignments`).set('Authorization', admin).send({ reviewerId: experts[0].id }).expect(200);
      const [assignment] = await ctx.dataSource.query(`SELECT id FROM review_assignments WHERE application_id = $1 AND status = 'assigned'`, [qualityApp]);
      const moved = await ctx.http.post(`/reviews/assignments/${assignment.id}/reassign`).set('Authorization', admin).send({ reviewerId: outsider.id }).expect(400);
      expect(moved.body.errors).toEqual([expect.objectContaining({ field: 'reviewerId' })]);
      expect(await ctx.dataSource.query(`SELECT reviewer_id, status FROM review_assignments WHERE application_id = $1`, [qualityApp])).toEqual([{ reviewer_id: experts[0].id, status: 'assigned' }]);
    });

    it("refuses an office's pool registration of another office's user, naming userId", async () => {
      // An admin of the cycle's office only.
      await ctx.http.post('/users').set('Authorization', admin).send({ username: 'rules-office-admin', displayName: '区办公室', role: 'admin', password: 'user-password-1', officeIds: [cycle.officeId] }).expect(201);
      const officeAdmin = await ctx.login('rules-office-admin', 'user-password-1');
      const res = await ctx.http.post('/reviews/reviewers').set('Authorization', officeAdmin).send({ userId: outsider.id, expertise: ['C'], ties: [] }).expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'userId' })]);
      await ctx.http.post('/reviews/reviewers').set('Authorization', officeAdmin).send({ userId: experts[1].id, expertise: ['C'], ties: [] }).expect(201);
    });
  });
});
