import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client } from 'pg';
import { openCycle, qualityForm, registerEnterprise } from '../support/award-fixtures';
import { startTestApp, TestContext } from '../support/test-app';

/** Applications keep their cycle in memory per row version: any write, from any process, shows at once. */
describe('the cycle an application is read with', () => {
  let ctx: TestContext;
  let cycleId: string;
  let applicationId: string;
  let token: string;
  const titleSeen = async () => (await ctx.http.get(`/applications/${applicationId}`).set('Authorization', token).expect(200)).body.cycle.title;

  beforeAll(async () => {
    ctx = await startTestApp();
    cycleId = (await openCycle(ctx)).id;
    const enterprise = await registerEnterprise(ctx, '重庆缓存校验有限公司');
    token = enterprise.token;
    const res = await ctx.http.post('/applications').set('Authorization', token).send({ cycleId, form: qualityForm() }).expect(201);
    applicationId = res.body.id;
  });
  afterAll(() => ctx.close());

  it('follows a change made through the API', async () => {
    await titleSeen();
    await ctx.http.patch(`/cycles/${cycleId}`).set('Authorization', await ctx.adminToken()).send({ title: '改名之后的周期' }).expect(200);
    expect(await titleSeen()).toBe('改名之后的周期');
  });

  it('follows a change this process never saw (another API process, an operator in psql)', async () => {
    expect(await titleSeen()).toBe('改名之后的周期');
    const other = new Client({ connectionString: ctx.env.DATABASE_URL });
    await other.connect();
    try {
      await other.query(`UPDATE cycles SET title = '别处改的名字' WHERE id = $1`, [cycleId]);
    } finally {
      await other.end();
    }
    expect(await titleSeen()).toBe('别处改的名字');
  });
});
