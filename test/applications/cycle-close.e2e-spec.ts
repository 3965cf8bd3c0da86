import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { INestApplication } from '@nestjs/common';
import { createWorkerApp } from '../../apps/worker/src/create-worker-app';
import { CycleClose } from '../../libs/applications/src/applications/cycle-close';
import { WorkflowEngine } from '../../libs/workflow/src';
import { openCycle, readyApplication, registerEnterprise } from '../support/award-fixtures';
import { startTestApp, TestContext } from '../support/test-app';

/**
 * Closing a cycle moves its applications set-based (the engine's batch transition, in chunks of one
 * transaction each). A process that dies half-way leaves the cycle closed and some applications
 * moved; the worker finishes the rest when it starts (and on its reconcile interval), each
 * application moved exactly once.
 */
describe('closing a cycle, set-based and restartable', () => {
  let ctx: TestContext;
  let admin: string;
  let worker: INestApplication | undefined;

  beforeAll(async () => {
    ctx = await startTestApp();
    admin = await ctx.adminToken();
  });
  afterAll(async () => {
    await worker?.close();
    await ctx.close();
  });

  const instanceOf = async (applicationId: string): Promise<string> => (await ctx.dataSource.query(`SELECT instance_id FROM applications WHERE id = $1`, [applicationId]))[0].instance_id;
  const statesOf = async (cycleId: string): Promise<Record<string, number>> =>
    Object.fromEntries(
      (await ctx.dataSource.query(`SELECT i.state, count(*)::int AS n FROM applications a JOIN workflow_instances i ON i.id = a.instance_id WHERE a.cycle_id = $1 GROUP BY 1`, [cycleId])).map(
        (r: { state: string; n: number }) => [r.state, r.n],
      ),
    );
  /** What one application's move wrote: its history rows of the action, outbox rows and deadlines. */
  const writesOf = async (instanceId: string, action: string, from: string, to: string) => ({
    history: Number((await ctx.dataSource.query(`SELECT count(*) FROM workflow_history WHERE instance_id = $1 AND action = $2`, [instanceId, action]))[0].count),
    outbox: (await ctx.dataSource.query(`SELECT event FROM outbox WHERE instance_id = $1 AND payload->>'action' = $2 ORDER BY event`, [instanceId, action])).map((r: { event: string }) => r.event),
    leftDeadlines: (await ctx.dataSource.query(`SELECT kind, status FROM deadlines WHERE instance_id = $1 AND set_in_state = $2 ORDER BY kind`, [instanceId, from])),
    newDeadlines: (await ctx.dataSource.query(`SELECT kind, status FROM deadlines WHERE instance_id = $1 AND set_in_state = $2 ORDER BY kind`, [instanceId, to])),
  });

  it('finishes a close the process died in half-way when the worker starts: every application moved once, chains valid', async () => {
    const cycle = (await openCycle(ctx)).id;
    const submitted: string[] = [];
    for (let i = 0; i < 6; i++) {
      const enterprise = await registerEnterprise(ctx, `重庆批量截止${i}有限公司`);
      const id = await readyApplication(ctx, enterprise, cycle);
      await ctx.http.post(`/applications/${id}/actions/submit`).set('Authorization', enterprise.token).send({}).expect(200);
      submitted.push(id);
    }
    const drafts: string[] = [];
    for (let i = 0; i < 3; i++) {
      const enterprise = await registerEnterprise(ctx, `重庆批量草稿${i}有限公司`);
      drafts.push((await ctx.http.post('/applications').set('Authorization', enterprise.token).send({ cycleId: cycle }).expect(201)).body.id);
    }
    // The control: one application the office takes into review early, through the single transition.
    const control = submitted.pop()!;
    await ctx.http.post(`/applications/${control}/actions/start_review`).set('Authorization', admin).send({}).expect(200);
    const expected = await writesOf(await instanceOf(control), 'start_review', 'submitted', 'formal_review');
    expect(expected.history).toBe(1);
    expect(expected.leftDeadlines).toEqual([{ kind: 'application_window_close', status: 'cancelled' }]);

    // The process "dies" after the first chunk of two has committed.
    const cycleClose = ctx.api.get(CycleClose);
    cycleClose.chunkSize = 2;
    // One lane, so the crash point is exact (with two, the chunk beside it may commit too: the engine's spec covers that).
    cycleClose.lanes = 1;
    let chunks = 0;
    cycleClose.afterChunk = () => {
      chunks++;
      throw new Error('the process died after its first chunk');
    };
    await ctx.http.post(`/cycles/${cycle}/close`).set('Authorization', admin).expect(500);
    cycleClose.afterChunk = undefined;
    expect(chunks).toBe(1);
    expect((await ctx.http.get(`/cycles/${cycle}`).set('Authorization', admin).expect(200)).body.status).toBe('closed');
    expect(await statesOf(cycle)).toEqual({ formal_review: 1 + 2, submitted: 3, draft: 3 });
    // The close itself is not re-issued (the cycle is closed: 409, nothing moved) ...
    const again = await ctx.http.post(`/cycles/${cycle}/close`).set('Authorization', admin).expect(409);
    expect(again.body.code).toBe('CYCLE_NOT_CLOSABLE');
    expect(await statesOf(cycle)).toEqual({ formal_review: 3, submitted: 3, draft: 3 });

    // ... nor finished by a reconcile while the close may still be running (it is its admin's) ...
    expect(await ctx.api.get(CycleClose).reconcile()).toEqual([]);
    expect(await statesOf(cycle)).toEqual({ formal_review: 3, submitted: 3, draft: 3 });

    // ... the worker finishes it when it starts, once the close counts as abandoned.
    worker = await createWorkerApp({ ...ctx.env, CYCLE_CLOSE_RECONCILE_AFTER_MS: '0' });
    await worker.init();
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && JSON.stringify(await statesOf(cycle)) !== JSON.stringify({ expired: 3, formal_review: 6 })) await new Promise((r) => setTimeout(r, 100));
    expect(await statesOf(cycle)).toEqual({ expired: 3, formal_review: 6 });

    const engine = ctx.api.get(WorkflowEngine);
    for (const id of submitted) {
      const instanceId = await instanceOf(id);
      expect(await writesOf(instanceId, 'start_review', 'submitted', 'formal_review')).toEqual(expected);
      const history = await engine.history(instanceId);
      expect(history.chainValid).toBe(true);
      expect(history.entries.map((e) => e.action)).toEqual(['create', 'submit', 'start_review']);
    }
    for (const id of drafts) {
      const instanceId = await instanceOf(id);
      expect(await writesOf(instanceId, 'application_window_closed', 'draft', 'expired')).toMatchObject({ history: 1, leftDeadlines: [{ kind: 'application_window_close', status: 'cancelled' }], newDeadlines: [] });
      expect((await engine.history(instanceId)).chainValid).toBe(true);
    }
    // The first two were taken into review by the admin who closed; the rest by the worker, as the system.
    const actors = await ctx.dataSource.query(
      `SELECT h.actor_role AS role, count(*)::int AS n FROM workflow_history h JOIN applications a ON a.instance_id = h.instance_id
        WHERE a.cycle_id = $1 AND h.action = 'start_review' GROUP BY 1 ORDER BY 1`,
      [cycle],
    );
    expect(actors).toEqual([{ role: 'admin', n: 3 }, { role: 'system', n: 3 }]);
    // Running it again finds nothing left to do.
    expect(await cycleClose.reconcile()).toEqual([]);
  });
});
