import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createUser, startTestApp, TestContext } from '../support/test-app';

interface PoolRow {
  userId: string;
  displayName: string;
  expertise: string[];
  maxLoad: number;
  openAssignments: number;
}

/**
 * The office's 专家库 (GET /reviews/reviewers) like the other lists (issue 18): searched by name,
 * filtered by GB/T 4754 field (a section covers its codes and a code is covered by its section),
 * sorted on the server by 姓名 or 在评数 or 任务上限 either way with a stable tie-break, paged; a bad
 * value is a 400 naming the field in Chinese.
 */
describe('the expert pool list', () => {
  let ctx: TestContext;
  let admin: string;
  const experts: Array<{ name: string; expertise: string[]; maxLoad: number }> = [
    { name: '池测试王敏', expertise: ['C38'], maxLoad: 10 },
    { name: '池测试李强', expertise: ['C'], maxLoad: 20 },
    { name: '池测试张伟', expertise: ['E47'], maxLoad: 15 },
    { name: '池测试陈静', expertise: ['C26', 'M'], maxLoad: 15 },
  ];

  beforeAll(async () => {
    ctx = await startTestApp();
    admin = await ctx.adminToken();
    let n = 0;
    for (const e of experts) {
      const user = await createUser(ctx, { username: `pool.list.${++n}`, role: 'reviewer', displayName: e.name });
      await ctx.http.post('/reviews/reviewers').set('Authorization', admin).send({ userId: user.id, expertise: e.expertise, ties: [], maxLoad: e.maxLoad }).expect(201);
    }
  }, 300_000);
  afterAll(async () => ctx?.close());

  const list = async (query: Record<string, string | number>) =>
    (await ctx.http.get('/reviews/reviewers').query({ search: '池测试', ...query }).set('Authorization', admin).expect(200)).body as { items: PoolRow[]; total: number; page: number; pageSize: number };

  it('searches by a part of the name', async () => {
    expect((await list({})).total).toBe(4);
    const found = await list({ search: '李强' });
    expect(found.items.map((r) => r.displayName)).toEqual(['池测试李强']);
  });

  it('filters by field: a section covers its codes, a code is covered by its section', async () => {
    expect((await list({ expertise: 'C', sort: 'displayName' })).items.map((r) => r.displayName).sort()).toEqual(['池测试李强', '池测试王敏', '池测试陈静'].sort());
    // C38: the C38 expert and the one whose field is the whole of C, not C26 or E47.
    expect((await list({ expertise: 'C38' })).items.map((r) => r.displayName).sort()).toEqual(['池测试李强', '池测试王敏'].sort());
    expect((await list({ expertise: 'M' })).items.map((r) => r.displayName)).toEqual(['池测试陈静']);
  });

  it('sorts by 姓名 in Chinese order and by 任务上限 either way, ties in one order across pages', async () => {
    const names = (await list({ sort: 'displayName' })).items.map((r) => r.displayName);
    expect(names).toEqual([...names].sort(new Intl.Collator('zh-CN').compare));
    expect((await list({ sort: '-displayName' })).items.map((r) => r.displayName)).toEqual([...names].reverse());
    const byLoad = (await list({ sort: 'maxLoad' })).items;
    expect(byLoad.map((r) => r.maxLoad)).toEqual([10, 15, 15, 20]);
    expect((await list({ sort: '-maxLoad' })).items.map((r) => r.maxLoad)).toEqual([20, 15, 15, 10]);
    // The two with 15 come in the same order on pages of one as on the whole page.
    const paged = [];
    for (let page = 1; page <= 4; page++) paged.push(...(await list({ sort: 'maxLoad', page, pageSize: 1 })).items.map((r) => r.userId));
    expect(paged).toEqual(byLoad.map((r) => r.userId));
    expect((await list({ sort: '-openAssignments' })).items).toHaveLength(4);
  });

  it('refuses an unknown sort column and a malformed field, naming them in Chinese', async () => {
    const bad = await ctx.http.get('/reviews/reviewers').query({ sort: 'ties' }).set('Authorization', admin).expect(400);
    expect(bad.body.message).toContain('排序');
    expect(bad.body.message).toContain('只能按姓名、在评数或任务上限排序');
    const field = await ctx.http.get('/reviews/reviewers').query({ expertise: 'c38;drop' }).set('Authorization', admin).expect(400);
    expect(field.body.message).toContain('专业领域');
  });

  it('is the office admin\'s only', async () => {
    const expert = await createUser(ctx, { username: 'pool.list.outsider', role: 'reviewer' });
    await ctx.http.get('/reviews/reviewers').set('Authorization', expert.token).expect(403);
  });
});
