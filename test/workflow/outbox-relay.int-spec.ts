import { afterAll, describe, expect, it } from '@jest/globals';
import { INestApplication } from '@nestjs/common';
import { Queue } from 'bullmq';
import { createWorkerApp } from '../../apps/worker/src/create-worker-app';
import { randomUUID } from 'node:crypto';
import { QueueName } from '../../libs/platform/src/queue/queue-names';
import { DefinitionRegistry, EffectRegistry, GuardRegistry, WorkflowEngine } from '../../libs/workflow/src';
import { registerSampleGuardsAndEffects, sampleDefinition } from '../../libs/workflow/src/testing/sample-definitions';
import { ThrowawayRedis, waitFor } from '../support/throwaway-redis';
import { startTestApp, TestContext } from '../support/test-app';

async function insertOutboxRows(ctx: TestContext, n: number): Promise<string[]> {
  const rows = await ctx.dataSource.query(
    `INSERT INTO outbox (event, payload) SELECT 'notify', jsonb_build_object('n', g) FROM generate_series(1, $1) g RETURNING id`,
    [n],
  );
  return rows.map((r: { id: string }) => r.id);
}

async function eventJobIds(redisUrl: string, prefix: string): Promise<string[]> {
  const url = new URL(redisUrl);
  const queue = new Queue(QueueName.Events, { connection: { host: url.hostname, port: Number(url.port) }, prefix });
  try {
    const jobs = await queue.getJobs(['waiting', 'active', 'completed', 'failed', 'delayed', 'prioritized'], 0, -1);
    return jobs.map((j) => j.id!);
  } finally {
    await queue.close();
  }
}

describe('outbox relay', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('with two relays running at once, delivers every row to BullMQ exactly once', async () => {
    const ctx = await startTestApp();
    cleanups.push(() => ctx.close());
    const ids = await insertOutboxRows(ctx, 600);
    const workers: INestApplication[] = [];
    for (let i = 0; i < 2; i++) {
      const worker = await createWorkerApp(ctx.env);
      await worker.init();
      workers.push(worker);
    }
    cleanups.push(async () => void (await Promise.all(workers.map((w) => w.close()))));

    await waitFor(async () => Number((await ctx.dataSource.query(`SELECT count(*) FROM outbox WHERE dispatched_at IS NULL`))[0].count) === 0, 30_000, 'every row dispatched');
    // Each row was claimed and marked by exactly one relay, once.
    expect(await ctx.dataSource.query(`SELECT attempts, count(*)::int AS n FROM outbox GROUP BY attempts`)).toEqual([{ attempts: 1, n: 600 }]);
    const jobIds = await eventJobIds(ctx.env.REDIS_URL!, ctx.env.QUEUE_PREFIX!);
    expect(jobIds.sort()).toEqual([...ids].sort());
  });

  it('is woken by NOTIFY after a transition, long before its polling fallback', async () => {
    const ctx = await startTestApp({ env: { OUTBOX_POLL_INTERVAL_MS: '600000' } });
    cleanups.push(() => ctx.close());
    // The worker boots first: its boot check would refuse the stored sample definition, whose guards only this test registers (in the API).
    const worker = await createWorkerApp(ctx.env);
    await worker.init();
    cleanups.push(() => worker.close());
    registerSampleGuardsAndEffects(ctx.api.get(GuardRegistry), ctx.api.get(EffectRegistry));
    await ctx.api.get(DefinitionRegistry).register(sampleDefinition());
    // Let the relay finish its first (empty) pass and go to sleep on the ten-minute poll.
    await waitFor(async () => (await ctx.dataSource.query(`SELECT 1 FROM pg_stat_activity WHERE application_name = 'awardflow-outbox-listener'`)).length > 0, 10_000, 'the listener');

    const engine = ctx.api.get(WorkflowEngine);
    const actor = { id: randomUUID(), role: 'applicant' };
    const instance = await engine.start({ definition: { code: 'sample-review', version: 1 }, subjectType: 'sample', subjectId: randomUUID(), actor });
    await engine.fire({ instanceId: instance.id, action: 'submit', actor });
    // Dispatched within minutes however busy the machine, where the poll alone would take ten.
    const started = Date.now();
    await waitFor(async () => Number((await ctx.dataSource.query(`SELECT count(*) FROM outbox WHERE dispatched_at IS NOT NULL`))[0].count) === 1, 180_000, 'the row dispatched');
    expect(Date.now() - started).toBeLessThan(600_000);
  });

  it('while Redis is down keeps the rows and backs off; once Redis is back, delivers them all', async () => {
    const redis = await ThrowawayRedis.start();
    cleanups.push(() => redis.stop());
    const ctx = await startTestApp({ env: { REDIS_URL: redis.url, OUTBOX_POLL_INTERVAL_MS: '100' } });
    cleanups.push(() => ctx.close());
    const worker = await createWorkerApp(ctx.env);
    await worker.init();
    cleanups.push(() => worker.close());

    await redis.stop();
    const ids = await insertOutboxRows(ctx, 50);
    // The relay tried, failed, recorded why, and dispatched nothing.
    await waitFor(async () => Number((await ctx.dataSource.query(`SELECT count(*) FROM outbox WHERE last_error IS NOT NULL`))[0].count) === 50, 30_000, 'a failed attempt');
    expect(Number((await ctx.dataSource.query(`SELECT count(*) FROM outbox WHERE dispatched_at IS NOT NULL`))[0].count)).toBe(0);

    await redis.start();
    await waitFor(async () => Number((await ctx.dataSource.query(`SELECT count(*) FROM outbox WHERE dispatched_at IS NULL`))[0].count) === 0, 60_000, 'rows dispatched after Redis returned');
    const jobIds = await eventJobIds(redis.url, ctx.env.QUEUE_PREFIX!);
    expect(jobIds.sort()).toEqual([...ids].sort());
  });
});
