import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { registerEnterprise } from '../support/award-fixtures';
import { createUser, startTestApp, TestContext } from '../support/test-app';

type Row = Record<string, string>;

/**
 * The organisations list, the office's deadlines and the inbox sort on the server like the
 * applications list (issue 18): `?sort=` a whitelisted column, `-` first for descending, equal
 * values in a stable order (by id) so pages fit together, an unknown column a 400 naming 排序.
 */
describe('list routes sort alike', () => {
  let ctx: TestContext;
  let admin: string;
  let reader: string;

  beforeAll(async () => {
    ctx = await startTestApp();
    admin = await ctx.adminToken();
    // Registered in this order, so 注册时间 differs from the 名称 order (digits sort alike under any collation).
    for (const n of [3, 1, 4, 2, 5]) await registerEnterprise(ctx, `排序测试${n}有限公司`);
    // Settled deadlines of no office (every office sees those; the timers leave them alone), the
    // kinds in another order than the due times, two of one kind to need the tie-break.
    const deadlines: Array<[string, number]> = [['sorting_c', 1], ['sorting_a', 2], ['sorting_b', 3], ['sorting_a', 4], ['sorting_b', 5]];
    for (const [kind, day] of deadlines) {
      await ctx.dataSource.query(`INSERT INTO deadlines (kind, event, due_at, status) VALUES ($1, 'sorting_test', $2, 'cancelled')`, [kind, new Date(Date.UTC(2026, 0, day))]);
    }
    const user = await createUser(ctx, { username: 'sorting.reader', role: 'applicant' });
    reader = user.token;
    for (let i = 1; i <= 5; i++) {
      await ctx.dataSource.query(`INSERT INTO notifications (user_id, event_key, template, title, body, created_at, read_at) VALUES ($1, $2, 'test', $3, '正文', $4, $5)`, [
        user.id,
        `sorting-${i}`,
        `通知${i}`,
        new Date(Date.UTC(2026, 0, i)),
        i % 2 ? null : new Date(),
      ]);
    }
  });

  afterAll(async () => {
    await ctx?.close();
  });

  const get = async (path: string, query: Record<string, string | number>, token = admin) => (await ctx.http.get(path).query(query).set('Authorization', token).expect(200)).body;
  const column = async (path: string, query: Record<string, string | number>, key: string, token = admin) => (await get(path, query, token)).items.map((r: Row) => r[key]);
  const sorted = (values: string[]) => [...values].sort();

  /** [route, filter keeping it to this test's rows, sort key, the field it sorts, token] */
  const CASES: Array<[string, Record<string, string>, string, string, 'admin' | 'reader']> = [
    ['/organizations', { search: '排序测试' }, 'name', 'name', 'admin'],
    ['/organizations', { search: '排序测试' }, 'uscc', 'uscc', 'admin'],
    ['/organizations', { search: '排序测试' }, 'createdAt', 'createdAt', 'admin'],
    ['/admin/deadlines', { status: 'cancelled' }, 'dueAt', 'dueAt', 'admin'],
    ['/admin/deadlines', { status: 'cancelled' }, 'kind', 'kind', 'admin'],
    ['/notifications', {}, 'createdAt', 'createdAt', 'reader'],
  ];
  const tokenOf = (who: 'admin' | 'reader') => (who === 'admin' ? admin : reader);

  it.each(CASES)('%s %j sorts on %s either way', async (path, filter, sort, field, who) => {
    const up = await column(path, { ...filter, sort }, field, tokenOf(who));
    const down = await column(path, { ...filter, sort: `-${sort}` }, field, tokenOf(who));
    expect(up).toHaveLength(5);
    expect(up).toEqual(sorted(up));
    expect(down).toEqual(sorted(down).reverse());
    expect(up).not.toEqual(down);
  });

  it('sorts on the column asked for, not the default one', async () => {
    const byName = await column('/organizations', { search: '排序测试', sort: 'name' }, 'name');
    const byRegistration = await column('/organizations', { search: '排序测试', sort: 'createdAt' }, 'name');
    expect(byName).toEqual([1, 2, 3, 4, 5].map((n) => `排序测试${n}有限公司`));
    expect(byRegistration).toEqual([3, 1, 4, 2, 5].map((n) => `排序测试${n}有限公司`));
    // Equal kinds fall back to the id, the same on every call.
    const byKind = await column('/admin/deadlines', { status: 'cancelled', sort: 'kind' }, 'id');
    expect(await column('/admin/deadlines', { status: 'cancelled', sort: 'kind' }, 'id')).toEqual(byKind);
  });

  it.each([
    ['/organizations', '名称'],
    ['/admin/deadlines', '到期时间'],
    ['/notifications', '时间'],
  ])('%s refuses an unknown column with a 400 naming 排序 and %s', async (path, label) => {
    const res = await ctx.http.get(path).query({ sort: 'password' }).set('Authorization', path === '/notifications' ? reader : admin).expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'sort', label: '排序' })]);
    expect(res.body.errors[0].messages[0]).toContain(label);
    expect(res.body.message).toContain('排序');
  });

  it.each(CASES)('%s %j pages along the -%s order without a row twice or missing', async (path, filter, sort, _field, who) => {
    const query = { ...filter, sort: `-${sort}` };
    const whole = await get(path, query, tokenOf(who));
    const seen: string[] = [];
    for (let page = 1; page <= 3; page++) {
      const body = await get(path, { ...query, page, pageSize: 2 }, tokenOf(who));
      expect(body).toMatchObject({ total: 5, page, pageSize: 2 });
      seen.push(...body.items.map((r: Row) => r.id));
    }
    expect(seen).toEqual(whole.items.map((r: Row) => r.id));
  });

  it('filters the inbox to the unread ones, sorted either way', async () => {
    const unread = await get('/notifications', { unread: 'true', sort: 'createdAt' }, reader);
    expect(unread).toMatchObject({ total: 3, unreadCount: 3 });
    expect(unread.items.map((n: Row) => n.title)).toEqual(['通知1', '通知3', '通知5']);
    expect(await column('/notifications', { unread: 'true', sort: '-createdAt', page: 2, pageSize: 2 }, 'title', reader)).toEqual(['通知1']);
  });
});
