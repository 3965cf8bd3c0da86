import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Enterprise, openCycle, qualityForm, registerEnterprise, uploadMaterials } from '../support/award-fixtures';
import { act, assignmentsOf, intoExpertReview, Reviewer, reviewerPool } from '../support/review-fixtures';
import { waitFor } from '../support/throwaway-redis';
import { startTestApp, TestContext } from '../support/test-app';

/**
 * The expert's two lists page like every list route ({items, total, page, pageSize}, bounds a 400
 * naming the field): 我的评审任务 by due date, 待办 stage by stage. In a blind cycle neither names
 * the organisation on any page.
 */
describe("the expert's lists page", () => {
  let ctx: TestContext;
  let admin: string;
  let experts: Reviewer[];
  let cycleId: string;
  const enterprises: Enterprise[] = [];
  const scoring: string[] = [];
  const formal: string[] = [];

  beforeAll(async () => {
    ctx = await startTestApp({ worker: true, env: { OUTBOX_POLL_INTERVAL_MS: '200' } });
    admin = await ctx.adminToken();
    experts = await reviewerPool(ctx, 2);
    // Both experts on every application: each has three assignments.
    cycleId = (await openCycle(ctx, { blindReview: true, reviewersPerApplication: 2 })).id;
    for (let i = 0; i < 5; i++) {
      const enterprise = await registerEnterprise(ctx, `重庆分页列表测试${'甲乙丙丁戊'[i]}有限公司`);
      enterprises.push(enterprise);
      const created = await ctx.http.post('/applications').set('Authorization', enterprise.token).send({ cycleId, form: qualityForm() }).expect(201);
      await uploadMaterials(ctx, enterprise.token, created.body.id);
      (i < 3 ? scoring : formal).push(created.body.id);
    }
    for (const [i, id] of scoring.entries()) await intoExpertReview(ctx, enterprises[i], id);
    // Two wait in 形式审查, for which the office names experts[0].
    for (const [i, id] of formal.entries()) {
      await act(ctx, enterprises[3 + i].token, id, 'submit');
      await act(ctx, admin, id, 'start_review');
    }
    await ctx.http.put(`/cycles/${cycleId}/stage-reviewers`).set('Authorization', admin).send({ stage: 'formal_review', userIds: [experts[0].id] }).expect(200);
    for (const id of scoring) await waitFor(async () => ((await assignmentsOf(ctx, id)).length === 2 ? true : null), 20_000, 'two assignments');
  });
  afterAll(async () => ctx?.close());

  const get = (token: string, path: string, query: Record<string, unknown> = {}) => ctx.http.get(path).query(query).set('Authorization', token);
  const noNames = (body: unknown) => {
    const json = JSON.stringify(body);
    for (const e of enterprises) {
      expect(json).not.toContain(e.name);
      expect(json).not.toContain(e.uscc);
    }
  };

  it('我的评审任务: pages by due date that fit together, without the organisation of a blind cycle', async () => {
    const whole = (await get(experts[0].token, '/reviews/assignments').expect(200)).body;
    expect(whole).toMatchObject({ total: 3, page: 1, pageSize: 20 });
    expect(whole.items.map((a: { applicationId: string }) => a.applicationId).sort()).toEqual([...scoring].sort());
    const dues = whole.items.map((a: { dueAt: string }) => Date.parse(a.dueAt));
    expect(dues).toEqual([...dues].sort((x, y) => x - y));

    const first = (await get(experts[0].token, '/reviews/assignments', { page: 1, pageSize: 2 }).expect(200)).body;
    const second = (await get(experts[0].token, '/reviews/assignments', { page: 2, pageSize: 2 }).expect(200)).body;
    expect([first.total, first.page, first.pageSize, first.items.length]).toEqual([3, 1, 2, 2]);
    expect([second.total, second.page, second.pageSize, second.items.length]).toEqual([3, 2, 2, 1]);
    expect([...first.items, ...second.items].map((a: { id: string }) => a.id)).toEqual(whole.items.map((a: { id: string }) => a.id));
    // Past the end: no rows, the total still told.
    expect((await get(experts[0].token, '/reviews/assignments', { page: 9, pageSize: 2 }).expect(200)).body).toEqual({ items: [], total: 3, page: 9, pageSize: 2 });

    for (const page of [whole, first, second]) {
      for (const item of page.items) expect(item.organizationName).toBeUndefined();
      noNames(page);
    }
  });

  it('待办: a page of the tasks, stage by stage, blind in a blind cycle; another expert has none', async () => {
    const whole = (await get(experts[0].token, '/reviews/tasks').expect(200)).body;
    expect(whole).toMatchObject({ total: 2, page: 1, pageSize: 20 });
    expect(whole.items.map((t: { applicationId: string; stage: string }) => [t.applicationId, t.stage]).sort()).toEqual(formal.map((id) => [id, '形式审查']).sort());
    const first = (await get(experts[0].token, '/reviews/tasks', { pageSize: 1 }).expect(200)).body;
    const second = (await get(experts[0].token, '/reviews/tasks', { pageSize: 1, page: 2 }).expect(200)).body;
    expect([first.total, first.items.length, second.total, second.items.length]).toEqual([2, 1, 2, 1]);
    expect([first.items[0].applicationId, second.items[0].applicationId]).toEqual(whole.items.map((t: { applicationId: string }) => t.applicationId));
    for (const page of [whole, first, second]) {
      for (const item of page.items) expect(item.organizationName).toBeUndefined();
      noNames(page);
    }
    expect((await get(experts[1].token, '/reviews/tasks').expect(200)).body).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
  });

  it('refuses paging out of bounds with a 400 naming 页码 / 每页条数', async () => {
    for (const path of ['/reviews/assignments', '/reviews/tasks']) {
      for (const [query, field] of [
        [{ page: 0 }, 'page'],
        [{ pageSize: 201 }, 'pageSize'],
        [{ pageSize: 'x' }, 'pageSize'],
      ] as const) {
        const res = await get(experts[0].token, path, query).expect(400);
        expect(res.body.errors).toEqual([expect.objectContaining({ field })]);
        expect(JSON.stringify(res.body)).toMatch(field === 'page' ? /页码/ : /每页条数/);
      }
    }
  });
});
