import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { WorkflowEngine } from '../../libs/workflow/src';
import { openCycle, qualityForm, registerEnterprise } from '../support/award-fixtures';
import { startTestApp, TestContext } from '../support/test-app';

describe("extending a cycle's application window", () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await startTestApp();
  });
  afterAll(() => ctx.close());

  it("moves the cycle's close and each application's copy through the engine: a new version and a history row", async () => {
    const cycle = await openCycle(ctx);
    const enterprise = await registerEnterprise(ctx, '重庆窗口延期测试有限公司');
    const created = await ctx.http.post('/applications').set('Authorization', enterprise.token).send({ cycleId: cycle.id, form: qualityForm() }).expect(201);
    const engine = ctx.api.get(WorkflowEngine);
    const before = await engine.getBySubject('application', created.body.id);
    const closesAt = new Date(String(before.context.applicationClosesAt));

    await ctx.http
      .post(`/cycles/${cycle.id}/deadlines/extend`)
      .set('Authorization', await ctx.adminToken())
      .send({ kind: 'application_window_close', by: 'P7D', reason: '延长申报期' })
      .expect(200);

    const moved = new Date(closesAt.getTime() + 7 * 86_400_000).toISOString();
    const cycleAfter = await ctx.http.get(`/cycles/${cycle.id}`).set('Authorization', await ctx.adminToken()).expect(200);
    expect(new Date(cycleAfter.body.applicationClosesAt).toISOString()).toBe(moved);
    const after = await engine.getBySubject('application', created.body.id);
    expect(after).toMatchObject({ state: before.state, version: before.version + 1, context: { applicationClosesAt: moved } });
    const history = await engine.history(after.id);
    expect(history.chainValid).toBe(true);
    expect(history.entries.at(-1)).toMatchObject({ action: 'change_context', comment: '延长申报期', actorRole: 'admin', payload: { contextPatch: { applicationClosesAt: moved } } });
  });
});
