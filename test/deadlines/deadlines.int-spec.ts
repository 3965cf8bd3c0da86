import { afterAll, afterEach, describe, expect, it } from '@jest/globals';
import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { createWorkerApp } from '../../apps/worker/src/create-worker-app';
import { Queue } from 'bullmq';
import { deadlineJobId, DeadlineFiring } from '../../libs/deadlines/src';
import { QueueName } from '../../libs/platform/src/queue/queue-names';
import { DeadlineWriter, DefinitionRegistry, EffectRegistry, GuardRegistry, WorkflowEngine } from '../../libs/workflow/src';
import { registerSampleGuardsAndEffects, sampleDefinition } from '../../libs/workflow/src/testing/sample-definitions';
import { ThrowawayRedis, waitFor } from '../support/throwaway-redis';
import { startTestApp, TestContext } from '../support/test-app';

const applicant = { id: randomUUID(), role: 'applicant' };
const admin = { id: randomUUID(), role: 'admin' };

async function prepare(ctx: TestContext): Promise<WorkflowEngine> {
  registerSampleGuardsAndEffects(ctx.api.get(GuardRegistry), ctx.api.get(EffectRegistry));
  await ctx.api.get(DefinitionRegistry).register(sampleDefinition());
  return ctx.api.get(WorkflowEngine);
}

/** An instance waiting in 补正 whose supplement deadline is due after `duration`. */
async function inSupplement(engine: WorkflowEngine, duration: string): Promise<string> {
  const instance = await engine.start({ definition: { code: 'sample-review', version: 1 }, subjectType: 'sample', subjectId: randomUUID(), context: { supplementDuration: duration }, actor: applicant });
  await engine.fire({ instanceId: instance.id, action: 'submit', actor: applicant });
  await engine.fire({ instanceId: instance.id, action: 'request_supplement', actor: admin, comment: '请补充营业执照' });
  return instance.id;
}

const count = async (ctx: TestContext, sql: string, params: unknown[] = []) => Number((await ctx.dataSource.query(sql, params))[0].n);
const expiredCount = (ctx: TestContext, instanceId: string) =>
  count(ctx, `SELECT count(*) AS n FROM workflow_history WHERE instance_id = $1 AND action = 'supplement_expired'`, [instanceId]);

describe('durable deadlines', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    cleanups.length = 0;
  });
  afterAll(async () => undefined);

  it('fires once when due and moves its application; a deadline whose state was left does nothing', async () => {
    const ctx = await startTestApp({ worker: true, env: { DEADLINE_SCHEDULE_INTERVAL_MS: '100', LOG_LEVEL: process.env.DEBUG_LOG ?? 'silent' } });
    cleanups.push(() => ctx.close());
    const engine = await prepare(ctx);
    const expiring = await inSupplement(engine, 'PT1S');
    // Answered long before it is due, however slow the machine: its state is left, so it never fires.
    const answered = await inSupplement(engine, 'PT1H');
    await engine.fire({ instanceId: answered, action: 'resubmit', actor: applicant });

    await waitFor(async () => (await engine.get(expiring)).state === 'rejected', 15_000, 'the supplement deadline to fire');
    expect(await expiredCount(ctx, expiring)).toBe(1);
    expect((await engine.history(expiring)).entries.at(-1)).toMatchObject({ action: 'supplement_expired', actorRole: 'system', actorId: null });
    const [fired] = await ctx.dataSource.query(`SELECT status, outcome, fired_at >= due_at AS on_time FROM deadlines WHERE instance_id = $1`, [expiring]);
    expect(fired).toEqual({ status: 'fired', outcome: 'fired', on_time: true });

    // The answered one was cancelled when its state was left, and never fires.
    expect(await ctx.dataSource.query(`SELECT status FROM deadlines WHERE instance_id = $1`, [answered])).toEqual([{ status: 'cancelled' }]);
    expect((await engine.get(answered)).state).toBe('submitted');

    // A row that still says pending but whose state was left (written by domain code) is skipped, not fired.
    const stray = await ctx.dataSource.transaction((m) =>
      ctx.api.get(DeadlineWriter).insert(m, [{ instanceId: answered, kind: 'supplement', action: 'supplement_expired', setInState: 'supplement_requested', dueAt: new Date() }]),
    );
    expect(await ctx.worker!.get(DeadlineFiring).fire(stray[0], null)).toBe('state_left');
    expect((await engine.get(answered)).state).toBe('submitted');
    expect(await ctx.worker!.get(DeadlineFiring).fire(stray[0], null)).toBe('not_pending');
  });

  it('after FLUSHALL the reconciler restores pending deadlines and each fires once', async () => {
    const redis = await ThrowawayRedis.start();
    cleanups.push(() => redis.stop());
    const ctx = await startTestApp({ worker: true, env: { REDIS_URL: redis.url, DEADLINE_RECONCILE_INTERVAL_MS: '1000', DEADLINE_SCHEDULE_INTERVAL_MS: '100' } });
    cleanups.push(() => ctx.close());
    const engine = await prepare(ctx);
    const ids = await Promise.all(Array.from({ length: 20 }, () => inSupplement(engine, 'PT4S')));
    await waitFor(async () => (await count(ctx, `SELECT count(*) AS n FROM deadlines WHERE status = 'pending' AND scheduled_generation = generation`)) === 20, 15_000, 'all scheduled');
    expect(await redis.client((r) => r.dbsize())).toBeGreaterThan(0);

    await redis.client((r) => r.flushall());
    await waitFor(async () => (await count(ctx, `SELECT count(*) AS n FROM deadlines WHERE status = 'fired'`)) === 20, 30_000, 'every deadline fired after the flush');
    for (const id of ids) expect(await expiredCount(ctx, id)).toBe(1);
  });

  it('with two workers running, every deadline fires once', async () => {
    const ctx = await startTestApp({ worker: true, env: { DEADLINE_SCHEDULE_INTERVAL_MS: '100' } });
    cleanups.push(() => ctx.close());
    const second: INestApplication = await createWorkerApp(ctx.env);
    await second.init();
    cleanups.push(() => second.close());
    const engine = await prepare(ctx);
    const ids = await Promise.all(Array.from({ length: 100 }, () => inSupplement(engine, 'PT2S')));
    await waitFor(async () => (await count(ctx, `SELECT count(*) AS n FROM deadlines WHERE status = 'fired'`)) === 100, 60_000, 'all fired');
    const perInstance = await ctx.dataSource.query(
      `SELECT count(*)::int AS n FROM workflow_history WHERE action = 'supplement_expired' AND instance_id = ANY($1::uuid[]) GROUP BY instance_id`,
      [ids],
    );
    expect(perInstance).toHaveLength(100);
    expect(perInstance.every((r: { n: number }) => r.n === 1)).toBe(true);
  });

  it('an extended deadline fires once, at its new time, and its old job does nothing', async () => {
    const ctx = await startTestApp({ worker: true, env: { DEADLINE_SCHEDULE_INTERVAL_MS: '100' } });
    cleanups.push(() => ctx.close());
    const engine = await prepare(ctx);
    // An hour: it cannot fall due before the test extends it, however busy the machine.
    const id = await inSupplement(engine, 'PT1H');
    const [deadline] = await ctx.dataSource.query(`SELECT id, due_at FROM deadlines WHERE instance_id = $1`, [id]);
    await waitFor(async () => (await count(ctx, `SELECT count(*) AS n FROM deadlines WHERE id = $1 AND scheduled_generation = 0`, [deadline.id])) === 1, 10_000, 'scheduled');

    const res = await ctx.http
      .post(`/admin/deadlines/${deadline.id}/extend`)
      .set('Authorization', await ctx.adminToken())
      .send({ by: 'PT3S', reason: '企业申请延期' })
      .expect(200);
    expect(res.body.generation).toBe(1);
    const newDue = new Date(res.body.dueAt).getTime();
    expect(newDue - new Date(deadline.due_at).getTime()).toBe(3000);

    // The new job waits for the new time; the old one, were it to run, does nothing.
    const url = new URL(ctx.env.REDIS_URL!);
    const queue = new Queue(QueueName.Deadlines, { connection: { host: url.hostname, port: Number(url.port) }, prefix: ctx.env.QUEUE_PREFIX });
    cleanups.push(() => queue.close());
    const job = await waitFor(() => queue.getJob(deadlineJobId(deadline.id, 1)), 10_000, 'the job of the new generation');
    expect(job.data).toMatchObject({ deadlineId: deadline.id, generation: 1 });
    expect(job.timestamp + job.delay).toBeGreaterThanOrEqual(newDue);
    expect(await ctx.worker!.get(DeadlineFiring).fire(deadline.id, 0)).toBe('stale_generation');
    expect((await engine.get(id)).state).toBe('supplement_requested');

    // Its time comes (brought forward: the test does not wait the hour): it fires, once.
    await job.promote();
    await waitFor(async () => (await engine.get(id)).state === 'rejected', 20_000, 'the extended deadline to fire');
    const [after] = await ctx.dataSource.query(`SELECT status, generation FROM deadlines WHERE id = $1`, [deadline.id]);
    expect(after).toEqual({ status: 'fired', generation: 1 });
    expect(await expiredCount(ctx, id)).toBe(1);
    const audit = await ctx.dataSource.query(`SELECT action FROM audit_events WHERE entity_id = $1`, [deadline.id]);
    expect(audit).toEqual([{ action: 'deadline_extended' }]);
  });
});
