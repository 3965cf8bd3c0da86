import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { statementsOf } from '../support/statements';
import { openCycle, qualityForm, readyApplication, registerEnterprise, Enterprise } from '../support/award-fixtures';
import { startTestApp, TestContext } from '../support/test-app';

describe('GET /applications reads a page in statements that do not grow with its rows', () => {
  let ctx: TestContext;
  let admin: string;
  let cycles: string[];
  const enterprises: Enterprise[] = [];

  const apply = async (enterprise: Enterprise, cycleId: string) => {
    const res = await ctx.http.post('/applications').set('Authorization', enterprise.token).send({ cycleId, form: qualityForm() });
    expect(res.status).toBe(201);
  };

  beforeAll(async () => {
    ctx = await startTestApp();
    admin = await ctx.adminToken();
    cycles = [(await openCycle(ctx)).id, (await openCycle(ctx)).id];
    for (let i = 0; i < 4; i++) enterprises.push(await registerEnterprise(ctx, `重庆列表测试企业${i}有限公司`));
    for (const enterprise of enterprises) for (const cycleId of cycles) await apply(enterprise, cycleId);
  });
  afterAll(() => ctx.close());

  const page = async (token: string, query: string) => {
    const { result, statements } = await statementsOf(() => ctx.http.get(`/applications?${query}`).set('Authorization', token));
    expect(result.status).toBe(200);
    return { body: result.body as { items: Array<{ id: string }>; total: number }, statements: statements.length };
  };

  it('costs the same statements for a page of 1 and of 20, and after more applications arrive', async () => {
    await page(admin, 'pageSize=1'); // the first request warms what is cached (definitions, the account)
    const one = await page(admin, 'pageSize=1');
    const many = await page(admin, 'pageSize=20');
    expect(one.body.items).toHaveLength(1);
    expect(many.body.items).toHaveLength(8);
    expect(many.statements).toBe(one.statements);

    for (let i = 0; i < 3; i++) enterprises.push(await registerEnterprise(ctx, `重庆列表测试新企业${i}有限公司`));
    for (const enterprise of enterprises.slice(4)) await apply(enterprise, cycles[0]);
    const grown = await page(admin, 'pageSize=20');
    expect(grown.body.total).toBe(11);
    expect(grown.statements).toBe(one.statements);

    const filtered = await page(admin, `pageSize=20&state=draft&search=${encodeURIComponent('列表测试')}&cycleId=${cycles[0]}`);
    expect(filtered.body.total).toBe(7);
    expect(filtered.statements).toBe(one.statements);
  });

  it('gives each item exactly as GET /applications/:id gives it to the same caller', async () => {
    for (const [token, query] of [
      [admin, 'pageSize=20'],
      [admin, 'pageSize=3&page=2'],
      [enterprises[0].token, 'pageSize=20'],
    ] as const) {
      const { body } = await page(token, query);
      expect(body.items.length).toBeGreaterThan(0);
      for (const item of body.items) {
        const one = await ctx.http.get(`/applications/${item.id}`).set('Authorization', token).expect(200);
        expect(item).toEqual(one.body);
      }
    }
  });

  it("totals the office's list from the counters the triggers keep, equal to the rows through inserts, transitions and a bulk close", async () => {
    const counted = async () =>
      (await ctx.dataSource.query(
        `SELECT coalesce(c.state, s.state) AS state, coalesce(c.n, 0)::int AS rows, coalesce(s.n, 0)::int AS counters
           FROM (SELECT state, count(*) AS n FROM applications GROUP BY state) c
           FULL JOIN (SELECT state, sum(n) AS n FROM application_state_counts GROUP BY state) s ON s.state = c.state`,
      )) as Array<{ state: string; rows: number; counters: number }>;
    const submitted = await readyApplication(ctx, enterprises[4], cycles[1]);
    await ctx.http.post(`/applications/${submitted}/actions/submit`).set('Authorization', enterprises[4].token).send({}).expect(200);
    await ctx.http.post(`/cycles/${cycles[1]}/close`).set('Authorization', admin).expect(200);
    for (const row of await counted()) expect(row.counters).toBe(row.rows);
    const all = await page(admin, 'pageSize=5');
    expect(all.body.total).toBe(Number((await ctx.dataSource.query(`SELECT count(*)::int AS n FROM applications`))[0].n));
    const closedDrafts = await page(admin, `pageSize=5&state=expired&cycleId=${cycles[1]}`);
    expect(closedDrafts.body.total).toBe(4);
  });
});
