import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { StateMirrors, VersionConflictError, WorkflowEngine } from '@awardflow/workflow';
import { openCycle, readyApplication, registerEnterprise } from '../support/award-fixtures';
import { startTestApp, TestContext } from '../support/test-app';

/**
 * applications.state, the list's state filter, mirrors the instance's state: the engine writes it
 * in the statement of every transition (start, fire, fireMany), so a stale or rolled-back
 * transition leaves both as they were.
 */
describe('the application state mirror', () => {
  let ctx: TestContext;
  let admin: string;
  let cycle: string;
  let engine: WorkflowEngine;
  const apps: string[] = [];
  let drafts: string[] = [];

  /** Each application's mirrored state beside its instance's. */
  const states = async (ids: string[]) =>
    (await ctx.dataSource.query(`SELECT a.id, a.state AS mirror, i.state, i.version FROM applications a JOIN workflow_instances i ON i.id = a.instance_id WHERE a.id = ANY($1::uuid[]) ORDER BY a.id`, [ids])) as Array<{ id: string; mirror: string; state: string; version: number }>;
  const expectMirrored = async (ids: string[], state: string) => {
    const rows = await states(ids);
    expect(rows).toHaveLength(ids.length);
    for (const row of rows) expect(row).toEqual(expect.objectContaining({ mirror: state, state }));
  };
  const instanceOf = async (id: string) => ((await ctx.dataSource.query(`SELECT instance_id FROM applications WHERE id = $1`, [id])) as Array<{ instance_id: string }>)[0].instance_id;

  beforeAll(async () => {
    ctx = await startTestApp({ worker: true });
    admin = await ctx.adminToken();
    engine = ctx.api.get(WorkflowEngine);
    cycle = (await openCycle(ctx)).id;
    for (let i = 0; i < 5; i++) {
      const enterprise = await registerEnterprise(ctx, `重庆状态镜像${i}有限公司`);
      const id = await readyApplication(ctx, enterprise, cycle);
      if (i < 3) await ctx.http.post(`/applications/${id}/actions/submit`).set('Authorization', enterprise.token).send({}).expect(200);
      apps.push(id);
    }
    drafts = apps.slice(3);
  });
  afterAll(() => ctx.close());

  it('starts with the started instance state and follows a single transition (submit, with its invariant)', async () => {
    await expectMirrored(drafts, 'draft');
    await expectMirrored(apps.slice(0, 3), 'submitted');
  });

  it('follows a batch transition (closing the cycle: submitted to formal review, drafts expired)', async () => {
    await ctx.http.post(`/cycles/${cycle}/close`).set('Authorization', admin).expect(200);
    await expectMirrored(apps.slice(0, 3), 'formal_review');
    const [expired] = await states(drafts);
    expect(expired.state).not.toBe('draft');
    await expectMirrored(drafts, expired.state);
  });

  it('follows a plain action through the route and a bulk action', async () => {
    await ctx.http.post(`/applications/${apps[0]}/actions/pass_formal_review`).set('Authorization', admin).send({}).expect(200);
    await ctx.http.post(`/cycles/${cycle}/bulk-actions/pass_formal_review`).set('Authorization', admin).send({ applicationIds: [apps[1]] }).expect(200);
    const [first, second] = await states([apps[0], apps[1]].sort());
    expect(first.state).not.toBe('formal_review');
    expect(first).toEqual(expect.objectContaining({ mirror: first.state }));
    expect(second).toEqual(expect.objectContaining({ mirror: first.state, state: first.state }));
  });

  it('writes nothing for a stale transition and keeps nothing of a rolled-back one', async () => {
    const id = apps[2];
    const instanceId = await instanceOf(id);
    const [before] = await states([id]);
    const actor = { id: null as unknown as string, role: 'admin' };
    await expect(engine.fire({ instanceId, action: 'pass_formal_review', actor, expectedVersion: before.version - 1 })).rejects.toBeInstanceOf(VersionConflictError);
    expect(await states([id])).toEqual([before]);

    const rollback = new Error('rolled back after the transition');
    await expect(
      ctx.dataSource.transaction(async (manager) => {
        const moved = await engine.fire({ instanceId, action: 'pass_formal_review', actor, manager });
        const [inside] = (await manager.query(`SELECT state FROM applications WHERE id = $1`, [id])) as Array<{ state: string }>;
        expect(inside.state).toBe(moved.to);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect(await states([id])).toEqual([before]);
  });

  it('no application anywhere differs from its instance', async () => {
    const [{ n }] = (await ctx.dataSource.query(`SELECT count(*)::int AS n FROM applications a JOIN workflow_instances i ON i.id = a.instance_id WHERE a.state <> i.state`)) as Array<{ n: number }>;
    expect(n).toBe(0);
    const [{ total }] = (await ctx.dataSource.query(`SELECT count(*)::int AS total FROM applications`)) as Array<{ total: number }>;
    expect(total).toBeGreaterThanOrEqual(apps.length);
  });

  it('the list filtered by state answers what the instances say', async () => {
    const [row] = await states([apps[2]]);
    const res = await ctx.http.get('/applications').query({ state: row.state, pageSize: 100 }).set('Authorization', admin).expect(200);
    const expected = (await ctx.dataSource.query(`SELECT a.id FROM applications a JOIN workflow_instances i ON i.id = a.instance_id WHERE a.cycle_id = $1 AND i.state = $2`, [cycle, row.state])) as Array<{ id: string }>;
    const listed = (res.body.items as Array<{ id: string; cycleId: string }>).filter((item) => item.cycleId === cycle).map((item) => item.id).sort();
    expect(listed).toEqual(expected.map((e) => e.id).sort());
    expect(listed).toContain(apps[2]);
  });

  it('is registered in the worker too, which fires the timers\' transitions', () => {
    const mirror = { table: 'applications', keyColumn: 'id', stateColumn: 'state' };
    expect(ctx.api.get(StateMirrors).of('application')).toEqual(mirror);
    expect(ctx.worker!.get(StateMirrors).of('application')).toEqual(mirror);
  });

  it('refuses a registration that is not a plain identifier, or a second, different one', () => {
    const mirrors = new StateMirrors();
    expect(() => mirrors.register('thing', { table: 'things; DROP TABLE x', keyColumn: 'id', stateColumn: 'state' })).toThrow(/identifier/);
    mirrors.register('thing', { table: 'things', keyColumn: 'id', stateColumn: 'state' });
    mirrors.register('thing', { table: 'things', keyColumn: 'id', stateColumn: 'state' });
    expect(() => mirrors.register('thing', { table: 'things', keyColumn: 'id', stateColumn: 'status' })).toThrow(/already registered/);
  });
});
