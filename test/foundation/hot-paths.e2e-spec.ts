import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client } from 'pg';
import { statementsOf } from '../support/statements';
import { openCycle, readyApplication, registerEnterprise, Enterprise } from '../support/award-fixtures';
import { startTestApp, TestContext } from '../support/test-app';

// What a request costs in statements is what bench:http measures in time: each round trip to
// Postgres is a large part of a request's CPU. These budgets keep the hot paths from growing back.

async function until(condition: () => Promise<boolean>, what: string, boundMs = 15_000): Promise<void> {
  const deadline = Date.now() + boundMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`not within ${boundMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('hot paths', () => {
  let ctx: TestContext;
  let admin: string;
  let enterprise: Enterprise;
  let applicationId: string;

  beforeAll(async () => {
    ctx = await startTestApp();
    admin = await ctx.adminToken();
    const cycle = await openCycle(ctx);
    enterprise = await registerEnterprise(ctx, '重庆热路径测试企业有限公司');
    applicationId = await readyApplication(ctx, enterprise, cycle.id);
  });
  afterAll(() => ctx.close());

  const get = (token: string) => ctx.http.get(`/applications/${applicationId}`).set('Authorization', token);
  const act = (action: string, token: string) => ctx.http.post(`/applications/${applicationId}/actions/${action}`).set('Authorization', token).send({});

  it('reads an application for a known caller in one statement, and takes a plain action in two', async () => {
    await until(async () => {
      await get(enterprise.token).expect(200);
      return (await statementsOf(() => get(enterprise.token))).statements.length === 1;
    }, 'the caller kept once its process listens for changes');
    const read = await statementsOf(() => get(enterprise.token));
    expect(read.result.status).toBe(200);
    expect(read.statements).toHaveLength(1);
    expect(read.statements[0]).toMatch(/^SELECT a\.id AS "id"/);

    await act('submit', enterprise.token).expect(200);
    await act('start_review', admin).expect(200);
    const action = await statementsOf(() => act('pass_formal_review', admin));
    expect(action.result.status).toBe(200);
    // The application with its instance, then the transition's one statement; the answer is built from it.
    expect(action.statements).toHaveLength(2);
    // The application row is locked first (its state mirror is written by the same statement).
    expect(action.statements[1]).toMatch(/^WITH lk AS \(SELECT 1 FROM "applications" .*\), upd AS \( UPDATE workflow_instances/);
    const body = action.result.body as { state: string; version: number };
    const reread = await get(admin).expect(200);
    expect(reread.body).toEqual(body);
  });

  it('applies a change made outside the API (another process, a script) to the caller once committed', async () => {
    const other = await registerEnterprise(ctx, '重庆热路径测试企业二有限公司');
    const readsCaller = (statements: string[]) => statements.some((sql) => sql.startsWith('SELECT u.username, u.role'));
    await until(async () => !readsCaller((await statementsOf(() => ctx.http.get('/auth/me').set('Authorization', other.token))).statements), 'the caller kept');
    const client = new Client({ connectionString: ctx.env.DATABASE_URL as string });
    await client.connect();
    try {
      await client.query(`UPDATE users SET is_active = false WHERE username = $1`, [other.username]);
    } finally {
      await client.end();
    }
    await until(async () => (await ctx.http.get('/auth/me').set('Authorization', other.token)).status === 401, 'the disabled caller refused');
  });
});
