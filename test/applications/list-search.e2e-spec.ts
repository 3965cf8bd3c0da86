import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Enterprise, openCycle, readyApplication, registerEnterprise } from '../support/award-fixtures';
import { startTestApp, TestContext } from '../support/test-app';

/**
 * GET /applications?search=: the applications of the caller's scope whose organisation's name or
 * credit code, or whose receipt number, contains the term (any case), with the exact total. The
 * row's copies of the name and code are kept equal to the organisation's by the database.
 */
describe('the application list search', () => {
  let ctx: TestContext;
  let admin: string;
  let cycle: string;
  const enterprises: Enterprise[] = [];
  const apps: string[] = [];

  beforeAll(async () => {
    ctx = await startTestApp();
    admin = await ctx.adminToken();
    cycle = (await openCycle(ctx)).id;
    for (const name of ['重庆检索甲有限公司', '重庆检索乙有限公司', '重庆另一家有限公司']) {
      const enterprise = await registerEnterprise(ctx, name);
      enterprises.push(enterprise);
      apps.push(await readyApplication(ctx, enterprise, cycle));
    }
    await ctx.http.post(`/applications/${apps[2]}/actions/submit`).set('Authorization', enterprises[2].token).send({}).expect(200);
  });
  afterAll(() => ctx.close());

  const search = async (term: string, token = admin) => {
    const res = await ctx.http.get('/applications').query({ search: term, cycleId: cycle, pageSize: 2 }).set('Authorization', token).expect(200);
    return { total: res.body.total as number, ids: (res.body.items as Array<{ id: string }>).map((i) => i.id) };
  };
  const allPages = async (term: string) => {
    const ids: string[] = [];
    for (let page = 1; ; page++) {
      const res = await ctx.http.get('/applications').query({ search: term, cycleId: cycle, pageSize: 1, page }).set('Authorization', admin).expect(200);
      ids.push(...(res.body.items as Array<{ id: string }>).map((i) => i.id));
      if (page * 1 >= res.body.total) break;
    }
    return ids;
  };

  it('finds by part of the name, with the exact total over pages', async () => {
    const found = await search('检索');
    expect(found.total).toBe(2);
    expect((await allPages('检索')).sort()).toEqual([apps[0], apps[1]].sort());
    expect(await search('检索甲')).toEqual({ total: 1, ids: [apps[0]] });
    expect(await search('没有这家')).toEqual({ total: 0, ids: [] });
  });

  it('finds by part of the credit code, in any case, and by the receipt number', async () => {
    expect(await search(enterprises[1].uscc.slice(4, 14).toLowerCase())).toEqual({ total: 1, ids: [apps[1]] });
    const [{ receipt_number: receipt }] = (await ctx.dataSource.query(`SELECT receipt_number FROM applications WHERE id = $1`, [apps[2]])) as Array<{ receipt_number: string }>;
    expect(receipt).toBeTruthy();
    expect(await search(receipt.toLowerCase())).toEqual({ total: 1, ids: [apps[2]] });
  });

  it("sees an organisation's new name at once: the row's copy follows it", async () => {
    await ctx.dataSource.query(`UPDATE organizations SET name = '重庆更名后有限公司' WHERE id = $1`, [enterprises[0].organizationId]);
    expect(await search('更名后')).toEqual({ total: 1, ids: [apps[0]] });
    expect(await search('检索甲')).toEqual({ total: 0, ids: [] });
    const [{ n }] = (await ctx.dataSource.query(`SELECT count(*)::int AS n FROM applications a JOIN organizations o ON o.id = a.organization_id WHERE a.organization_name <> o.name OR a.organization_uscc <> o.uscc`)) as Array<{ n: number }>;
    expect(n).toBe(0);
  });

  it("an enterprise's search stays within its own applications", async () => {
    expect(await search('有限公司', enterprises[1].token)).toEqual({ total: 1, ids: [apps[1]] });
  });
});
