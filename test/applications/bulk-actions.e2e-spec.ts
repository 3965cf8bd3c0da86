import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { openCycle, readyApplication, registerEnterprise } from '../support/award-fixtures';
import { createUser, startTestApp, TestContext } from '../support/test-app';

/** POST /cycles/:id/bulk-actions/:action: an office action for many applications, each moved or skipped with its reason. */
describe('bulk office actions', () => {
  let ctx: TestContext;
  let admin: string;
  let cycle: string;
  const apps: string[] = [];

  beforeAll(async () => {
    ctx = await startTestApp();
    admin = await ctx.adminToken();
    cycle = (await openCycle(ctx)).id;
    for (let i = 0; i < 9; i++) {
      const enterprise = await registerEnterprise(ctx, `重庆批量办理${i}有限公司`);
      const id = await readyApplication(ctx, enterprise, cycle);
      await ctx.http.post(`/applications/${id}/actions/submit`).set('Authorization', enterprise.token).send({}).expect(200);
      apps.push(id);
    }
    await ctx.http.post(`/cycles/${cycle}/close`).set('Authorization', admin).expect(200);
  });
  afterAll(() => ctx.close());

  const bulk = (action: string, body: unknown, token = admin) => ctx.http.post(`/cycles/${cycle}/bulk-actions/${action}`).set('Authorization', token).send(body as object);
  const stateOf = async (id: string) => (await ctx.http.get(`/applications/${id}`).set('Authorization', admin).expect(200)).body;
  /** Puts applications where a stage earlier in the workflow would have left them (the stages between are tested elsewhere). */
  const placeIn = (ids: string[], state: string) =>
    ctx.dataSource.query(`UPDATE workflow_instances SET state = $2 WHERE id IN (SELECT instance_id FROM applications WHERE id = ANY($1::uuid[]))`, [ids, state]);

  it('refuses a malformed list, naming the field and the reason in Chinese, and an action that cannot be taken in bulk', async () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ applicationIds: [] }, /至少选择 1 项/],
      [{ applicationIds: Array.from({ length: 1001 }, () => randomUUID()) }, /最多办理 1000 项/],
      [{ applicationIds: ['not-a-uuid'] }, /有效的申报编号/],
      [{ applicationIds: [apps[0], apps[0]] }, /不能重复/],
      [{}, /[\u4e00-\u9fa5]/],
    ];
    for (const [body, message] of cases) {
      const res = await bulk('pass_formal_review', body).expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'applicationIds', label: '申报列表', messages: expect.arrayContaining([expect.stringMatching(message)]) })]);
    }
    const withdraw = await bulk('withdraw', { applicationIds: [apps[0]] }).expect(400);
    expect(withdraw.body.errors).toEqual([{ field: 'action', label: '操作', messages: [expect.stringContaining('该操作不能批量办理')] }]);
  });

  it('is the office admins\': another role is refused, an admin of another office does not see the cycle', async () => {
    const reviewer = await createUser(ctx, { username: 'bulk-reviewer', role: 'reviewer' });
    await bulk('pass_formal_review', { applicationIds: [apps[0]] }, reviewer.token).expect(403);
    const other = await ctx.http.post('/offices').set('Authorization', admin).send({ name: '四川省市场监督管理局', code: 'SC', divisionCode: '510000' }).expect(201);
    const outsider = await createUser(ctx, { username: 'bulk-outsider', role: 'admin', officeIds: [other.body.id] });
    await bulk('pass_formal_review', { applicationIds: [apps[0]] }, outsider.token).expect(404);
    expect((await stateOf(apps[0])).state).toBe('formal_review');
  });

  it('形式审查通过 for many: each moved with its own history row, the rest skipped with the reason', async () => {
    const stranger = randomUUID();
    const res = await bulk('pass_formal_review', { applicationIds: [apps[0], apps[1], apps[2], stranger], comment: '材料齐全' }).expect(200);
    expect(res.body.action).toBe('pass_formal_review');
    expect(res.body.moved.map((m: { applicationId: string }) => m.applicationId).sort()).toEqual([apps[0], apps[1], apps[2]].sort());
    expect(res.body.moved[0]).toMatchObject({ from: 'formal_review' });
    expect(res.body.skipped).toEqual([{ applicationId: stranger, code: 'NOT_FOUND', message: '该评审周期中没有这项申报' }]);
    for (const id of [apps[0], apps[1], apps[2]]) {
      const history = (await ctx.http.get(`/applications/${id}/history`).set('Authorization', admin).expect(200)).body;
      expect(history.chainValid).toBe(true);
      expect(history.entries.filter((e: { action: string }) => e.action === 'pass_formal_review')).toEqual([expect.objectContaining({ comment: '材料齐全', actionLabel: '形式审查通过' })]);
    }
    // Again: they have moved on, so the action is not available to them any more.
    const again = await bulk('pass_formal_review', { applicationIds: [apps[0]] }).expect(200);
    expect(again.body.moved).toEqual([]);
    expect(again.body.skipped).toEqual([expect.objectContaining({ applicationId: apps[0], code: 'TRANSITION_NOT_ALLOWED', message: expect.stringMatching(/[\u4e00-\u9fa5]/) })]);
  });

  it('入围 for many', async () => {
    await placeIn([apps[3], apps[4]], 'shortlisting');
    const res = await bulk('shortlist', { applicationIds: [apps[3], apps[4], apps[5]] }).expect(200);
    expect(res.body.moved.map((m: { applicationId: string }) => m.applicationId).sort()).toEqual([apps[3], apps[4]].sort());
    expect(res.body.skipped).toEqual([expect.objectContaining({ applicationId: apps[5], state: 'formal_review', code: 'TRANSITION_NOT_ALLOWED' })]);
    expect((await stateOf(apps[3])).state).not.toBe('shortlisting');
  });

  it('审定 within the quota: a batch over it is refused whole (409, nothing moved); one inside it is approved with certificates', async () => {
    const awaiting = apps.slice(5, 9);
    await placeIn(awaiting, 'awaiting_approval');
    // The quota is 3 awards.
    const over = await bulk('approve', { applicationIds: awaiting }).expect(409);
    expect(over.body).toMatchObject({ code: 'QUOTA_EXCEEDED_BY_BATCH', message: '本次批量审定 4 项，超出本届获奖名额（3 名，已审定 0 名，尚余 3 名）；未办理任何一项' });
    for (const id of awaiting) expect((await stateOf(id)).state).toBe('awaiting_approval');
    expect(Number((await ctx.dataSource.query(`SELECT count(*) FROM certificates WHERE cycle_id = $1`, [cycle]))[0].count)).toBe(0);

    const inside = await bulk('approve', { applicationIds: awaiting.slice(0, 3) }).expect(200);
    expect(inside.body.moved).toHaveLength(3);
    const numbers = (await ctx.dataSource.query(`SELECT application_id, number FROM certificates WHERE cycle_id = $1 ORDER BY number`, [cycle])).map((r: { number: string }) => r.number);
    expect(numbers).toHaveLength(3);
    expect(numbers.map((n: string) => n.slice(-3))).toEqual(['001', '002', '003']);
    for (const id of awaiting.slice(0, 3)) {
      const history = (await ctx.http.get(`/applications/${id}/history`).set('Authorization', admin).expect(200)).body;
      const approval = history.entries.find((e: { action: string }) => e.action === 'approve');
      expect(approval.comment).toMatch(/^证书编号 /);
      expect(numbers).toContain(approval.comment.replace('证书编号 ', ''));
    }
    // The single 审定 sees the same quota: the fourth is refused.
    const fourth = await ctx.http.post(`/applications/${awaiting[3]}/actions/approve`).set('Authorization', admin).send({}).expect(409);
    expect(fourth.body.code).toBe('QUOTA_EXHAUSTED');
  });
});
