import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openCycle, registerEnterprise } from '../support/award-fixtures';
import { createUser, startTestApp, TestContext } from '../support/test-app';

/**
 * Every list route answers one shape, `{items, total, page, pageSize}`, pages on the server with the
 * same `?page=&pageSize=` (pageSize 1–200, 20 when omitted), and refuses a bad page with a 400 that
 * names 页码 / 每页条数 in Chinese (issue 18).
 */
describe('list routes page alike', () => {
  let ctx: TestContext;
  let admin: string;
  const enterprises: Array<{ name: string; organizationId: string; token: string }> = [];

  /** Every GET list route of the office's console, with a query that keeps it to this test's rows where it can. */
  const ROUTES: Array<[string, Record<string, string>]> = [
    ['/users', {}],
    ['/organizations', { search: '分页测试' }],
    ['/cycles', {}],
    ['/admin/deadlines', {}],
    ['/reviews/flags', {}],
    ['/reviews/reviewers', {}],
    ['/admin/jobs/failed', {}],
    ['/admin/blacklist', {}],
    ['/notifications', {}],
    ['/applications', {}],
    ['/audit', {}],
  ];

  beforeAll(async () => {
    ctx = await startTestApp();
    admin = await ctx.adminToken();
    for (let i = 0; i < 5; i++) {
      const e = await registerEnterprise(ctx, `分页测试${String.fromCharCode(0x7532 + i)}有限公司`);
      enterprises.push(e);
    }
    for (const e of enterprises.slice(0, 3)) {
      await ctx.http.post(`/admin/organizations/${e.organizationId}/records`).set('Authorization', admin).send({ kind: 'blacklist', reason: '列入严重违法失信名单', from: '2025-01-01' }).expect(201);
    }
    for (let i = 0; i < 3; i++) await openCycle(ctx);
    // Settled deadlines of no office (every office sees those): the timers leave them alone.
    for (let day = 1; day <= 5; day++) {
      await ctx.dataSource.query(`INSERT INTO deadlines (kind, event, due_at, status, fired_at) VALUES ('paging_test', 'paging_test', $1, 'fired', now())`, [new Date(Date.UTC(2026, 0, day))]);
    }
  });

  afterAll(async () => {
    await ctx?.close();
  });

  const get = async (path: string, query: Record<string, string | number>, token = admin) => (await ctx.http.get(path).query(query).set('Authorization', token).expect(200)).body;

  it.each(ROUTES)('%s answers {items, total, page, pageSize}, 20 a page by default', async (path, filter) => {
    const body = await get(path, filter);
    expect(body).toMatchObject({ page: 1, pageSize: 20 });
    expect(Array.isArray(body.items)).toBe(true);
    expect(typeof body.total).toBe('number');
    expect(body.items.length).toBe(Math.min(body.total, 20));
    // Past the end: no rows, the same total.
    const past = await get(path, { ...filter, page: 1000, pageSize: 5 });
    expect(past).toMatchObject({ items: [], total: body.total, page: 1000, pageSize: 5 });
  });

  it.each(ROUTES.flatMap(([path, filter]) => [
    [path, filter, { pageSize: 0 }, 'pageSize', '每页条数', '不能小于 1'],
    [path, filter, { pageSize: 1000 }, 'pageSize', '每页条数', '不能大于 200'],
    [path, filter, { pageSize: 'x' }, 'pageSize', '每页条数', '须为整数'],
    [path, filter, { page: 0 }, 'page', '页码', '不能小于 1'],
  ] as Array<[string, Record<string, string>, Record<string, string | number>, string, string, string]>))('%s refuses %j… with a Chinese 400 naming the field', async (path, filter, bad, field, label, message) => {
    const res = await ctx.http.get(path).query({ ...filter, ...bad }).set('Authorization', admin).expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field, label, messages: [message] })]);
    expect(res.body.message).toContain(label);
  });

  /** Walks a route a page at a time: the pages fit together (no row twice, none missing). */
  const walk = async (path: string, filter: Record<string, string>, pageSize: number, key = (r: { id: string }) => r.id) => {
    const whole = await get(path, { ...filter, pageSize: 200 });
    const seen: string[] = [];
    for (let page = 1; page <= Math.ceil(whole.total / pageSize); page++) {
      const body = await get(path, { ...filter, page, pageSize });
      expect(body).toMatchObject({ total: whole.total, page, pageSize });
      seen.push(...body.items.map(key));
    }
    expect(seen).toEqual(whole.items.map(key));
    return whole;
  };

  it('pages users, organisations, cycles, deadlines and the blacklist without a row twice or missing', async () => {
    expect((await walk('/users', {}, 2)).total).toBe(6); // admin + the five enterprises' accounts
    expect((await walk('/organizations', { search: '分页测试' }, 2)).total).toBe(5);
    expect((await walk('/cycles', {}, 2)).total).toBe(3);
    expect((await walk('/admin/blacklist', {}, 2)).total).toBe(3);
    expect((await walk('/admin/deadlines', { kind: 'paging_test' }, 2)).total).toBe(5);
  });

  it('filters and sorts users on the server: by role, by a name fragment, by 用户名 either way', async () => {
    await createUser(ctx, { username: 'paging.expert.b', role: 'reviewer', displayName: '分页专家乙' });
    await createUser(ctx, { username: 'paging.expert.a', role: 'reviewer', displayName: '分页专家甲' });
    const experts = await get('/users', { role: 'reviewer' });
    expect(experts.total).toBe(2);
    expect(experts.items.map((u: { username: string }) => u.username)).toEqual(['paging.expert.b', 'paging.expert.a']);
    const sorted = await get('/users', { role: 'reviewer', sort: 'username' });
    expect(sorted.items.map((u: { username: string }) => u.username)).toEqual(['paging.expert.a', 'paging.expert.b']);
    const reversed = await get('/users', { sort: '-username', pageSize: 1 });
    expect(reversed.items[0].username).toBe('paging.expert.b');
    expect((await get('/users', { search: '专家甲' })).items.map((u: { username: string }) => u.username)).toEqual(['paging.expert.a']);
    // A LIKE wildcard in the search is a character, not "anything".
    expect((await get('/users', { search: '%' })).total).toBe(0);
    const badSort = await ctx.http.get('/users').query({ sort: 'password' }).set('Authorization', admin).expect(400);
    expect(badSort.body.errors).toEqual([expect.objectContaining({ field: 'sort', label: '排序' })]);
  });

  it('orders deadlines by due time either way', async () => {
    const soonest = (await get('/admin/deadlines', { kind: 'paging_test' })).items.map((d: { dueAt: string }) => d.dueAt);
    const latest = (await get('/admin/deadlines', { kind: 'paging_test', sort: '-dueAt' })).items.map((d: { dueAt: string }) => d.dueAt);
    expect(soonest).toHaveLength(5);
    expect(soonest).toEqual([...soonest].sort());
    expect(latest).toEqual([...soonest].reverse());
  });

  it('keeps the inbox its owner\'s, paged with its unread count', async () => {
    const inbox = await get('/notifications', { pageSize: 1 }, enterprises[0].token);
    expect(inbox).toMatchObject({ page: 1, pageSize: 1 });
    expect(typeof inbox.unreadCount).toBe('number');
  });

  it('answers the office lists to admins only', async () => {
    for (const [path] of ROUTES.filter(([p]) => !['/notifications', '/applications', '/cycles'].includes(p))) {
      await ctx.http.get(path).set('Authorization', enterprises[0].token).expect(403);
    }
  });
});
