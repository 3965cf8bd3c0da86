import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { RedisEvictionPolicyCheck } from '../../apps/worker/src/redis-eviction-policy.check';
import { ALL_QUEUES, QueueName, QueueService } from '../../libs/platform/src';
import { TEST_REDIS_URL } from '../support/test-database';
import { ThrowawayRedis, waitFor } from '../support/throwaway-redis';
import { ADMIN, createUser, startTestApp, TestContext } from '../support/test-app';

const basic = (username: string, password: string): string => `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;

/** The value of one sample in a Prometheus text exposition, or undefined when it is absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = match[2] ? match[2].split(',') : [];
    if (wanted.length === present.length && wanted.every((w) => present.includes(w))) return Number(match[3]);
  }
  return undefined;
}

describe('ops: Bull Board and /metrics', () => {
  let ctx: TestContext;
  let applicant: { id: string; token: string };

  beforeAll(async () => {
    ctx = await startTestApp({ env: { METRICS_PUBLIC: 'true' } });
    applicant = await createUser(ctx, { username: 'ops-applicant', role: 'applicant', password: 'applicant-password-1' });
  });
  afterAll(async () => {
    await ctx?.close();
  });

  describe('/admin/queues', () => {
    it('asks for credentials with a Basic challenge when there are none', async () => {
      for (const path of ['/admin/queues', '/admin/queues/api/queues']) {
        const res = await ctx.http.get(path).expect(401);
        expect(res.headers['www-authenticate']).toBe('Basic realm="Awardflow queues"');
        expect(res.body).toMatchObject({ statusCode: 401, code: expect.any(String) });
      }
    });

    it('refuses a wrong password and a bad token with 401', async () => {
      const wrong = await ctx.http.get('/admin/queues').set('Authorization', basic(ADMIN.username, 'not-the-password')).expect(401);
      expect(wrong.headers['www-authenticate']).toBe('Basic realm="Awardflow queues"');
      await ctx.http.get('/admin/queues').set('Authorization', 'Bearer not-a-jwt').expect(401);
      await ctx.http.get('/admin/queues').set('Authorization', basic('no-such-user', 'whatever-password')).expect(401);
    });

    it('is forbidden to an applicant, by token and by password', async () => {
      await ctx.http.get('/admin/queues').set('Authorization', applicant.token).expect(403);
      await ctx.http.get('/admin/queues/api/queues').set('Authorization', applicant.token).expect(403);
      await ctx.http.get('/admin/queues').set('Authorization', basic('ops-applicant', 'applicant-password-1')).expect(403);
    });

    it('opens for an admin Bearer token and for admin Basic auth (a browser)', async () => {
      const byToken = await ctx.http.get('/admin/queues').set('Authorization', await ctx.adminToken()).expect(200);
      expect(byToken.headers['content-type']).toMatch(/text\/html/);
      expect(byToken.text).toContain('/admin/queues');

      const byPassword = await ctx.http.get('/admin/queues').set('Authorization', basic(ADMIN.username, ADMIN.password)).expect(200);
      expect(byPassword.headers['content-type']).toMatch(/text\/html/);
      // The page's follow-up requests carry the same credentials.
      await ctx.http.get('/admin/queues/api/queues').set('Authorization', basic(ADMIN.username, ADMIN.password)).expect(200);
    });

    it('lists every queue the product registers, under the configured prefix', async () => {
      const queues = ctx.api.get(QueueService);
      const jobId = 'ops-board-visible';
      await queues.enqueue(QueueName.Maintenance, 'deadlines.reconcile', { v: 1 }, { jobId, delay: 3_600_000 });
      try {
        const res = await ctx.http.get('/admin/queues/api/queues').set('Authorization', await ctx.adminToken()).expect(200);
        const names = (res.body.queues as Array<{ name: string }>).map((q) => q.name).sort();
        expect(names).toEqual([...ALL_QUEUES].sort());
        const maintenance = (res.body.queues as Array<{ name: string; counts: Record<string, number> }>).find((q) => q.name === QueueName.Maintenance)!;
        expect(maintenance.counts.delayed).toBe(1);
      } finally {
        await (await queues.queue(QueueName.Maintenance).getJob(jobId))?.remove();
      }
    });
  });

  describe('/metrics', () => {
    it('is public with METRICS_PUBLIC=true and reports every queue and state, plus process metrics', async () => {
      const res = await ctx.http.get('/metrics').expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain/);
      for (const queue of ALL_QUEUES) {
        for (const state of ['waiting', 'delayed', 'active', 'failed', 'completed']) {
          expect(sample(res.text, 'awardflow_queue_jobs', { queue, state })).toBe(0);
        }
        expect(sample(res.text, 'awardflow_queue_oldest_waiting_age_seconds', { queue })).toBe(0);
      }
      expect(res.text).toContain('# TYPE awardflow_queue_jobs gauge');
      expect(sample(res.text, 'awardflow_metrics_source_up', { source: 'redis' })).toBe(1);
      expect(sample(res.text, 'awardflow_metrics_source_up', { source: 'postgres' })).toBe(1);
      // prom-client counts CPU time from when the collector was registered, so a scrape right
      // after start may honestly read 0: the product controls that the metric is exported.
      expect(sample(res.text, 'process_cpu_user_seconds_total')).toBeGreaterThanOrEqual(0);
      expect(sample(res.text, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
    });

    it('counts change with the queues: a delayed job, and a job waiting for two minutes', async () => {
      const queues = ctx.api.get(QueueService);
      const before = (await ctx.http.get('/metrics').expect(200)).text;
      const delayedBefore = sample(before, 'awardflow_queue_jobs', { queue: QueueName.Deadlines, state: 'delayed' })!;

      await queues.enqueue(QueueName.Deadlines, 'deadline.fire', { v: 1, deadlineId: '00000000-0000-4000-8000-000000000001', generation: 0 }, { jobId: 'ops-delayed', delay: 3_600_000 });
      await queues.enqueue(QueueName.Notifications, 'notification.deliver', { v: 1, deliveryId: '00000000-0000-4000-8000-000000000002' }, { jobId: 'ops-waiting', timestamp: Date.now() - 120_000 });
      try {
        const after = (await ctx.http.get('/metrics').expect(200)).text;
        expect(sample(after, 'awardflow_queue_jobs', { queue: QueueName.Deadlines, state: 'delayed' })).toBe(delayedBefore + 1);
        expect(sample(after, 'awardflow_queue_jobs', { queue: QueueName.Notifications, state: 'waiting' })).toBe(1);
        expect(sample(after, 'awardflow_queue_oldest_waiting_age_seconds', { queue: QueueName.Notifications })).toBeGreaterThanOrEqual(120);
        expect(sample(after, 'awardflow_queue_oldest_waiting_age_seconds', { queue: QueueName.Deadlines })).toBe(0);
      } finally {
        await (await queues.queue(QueueName.Deadlines).getJob('ops-delayed'))?.remove();
        await (await queues.queue(QueueName.Notifications).getJob('ops-waiting'))?.remove();
      }
      const cleared = (await ctx.http.get('/metrics').expect(200)).text;
      expect(sample(cleared, 'awardflow_queue_jobs', { queue: QueueName.Deadlines, state: 'delayed' })).toBe(delayedBefore);
      expect(sample(cleared, 'awardflow_queue_jobs', { queue: QueueName.Notifications, state: 'waiting' })).toBe(0);
    });

    it('reports pending and overdue deadlines and unrelayed outbox rows from Postgres', async () => {
      const before = (await ctx.http.get('/metrics').expect(200)).text;
      const pendingBefore = sample(before, 'awardflow_deadlines_pending')!;
      const outboxBefore = sample(before, 'awardflow_outbox_unrelayed')!;
      expect(pendingBefore).toBeGreaterThanOrEqual(0);
      expect(outboxBefore).toBeGreaterThanOrEqual(0);

      // No worker runs here: nothing schedules, fires or relays these rows.
      const [deadline] = await ctx.dataSource.query(`INSERT INTO deadlines (kind, event, due_at) VALUES ('ops-test', 'ops.test', now() - interval '90 seconds') RETURNING id`);
      const [outbox] = await ctx.dataSource.query(`INSERT INTO outbox (event, created_at) VALUES ('ops.test', now() - interval '45 seconds') RETURNING id`);
      try {
        const after = (await ctx.http.get('/metrics').expect(200)).text;
        expect(sample(after, 'awardflow_deadlines_pending')).toBe(pendingBefore + 1);
        expect(sample(after, 'awardflow_deadlines_overdue_lag_seconds')).toBeGreaterThanOrEqual(90);
        expect(sample(after, 'awardflow_outbox_unrelayed')).toBe(outboxBefore + 1);
        expect(sample(after, 'awardflow_outbox_oldest_unrelayed_age_seconds')).toBeGreaterThanOrEqual(45);
      } finally {
        await ctx.dataSource.query(`DELETE FROM deadlines WHERE id = $1`, [deadline.id]);
        await ctx.dataSource.query(`DELETE FROM outbox WHERE id = $1`, [outbox.id]);
      }
    });
  });
});

describe('ops: /metrics with neither METRICS_TOKEN nor METRICS_PUBLIC', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    // Before the METRICS_TOKEN app: @nestjs/config copies an app's validated values into process.env,
    // where ConfigService looks for what an app leaves unset.
    ctx = await startTestApp({ env: { METRICS_TOKEN: undefined, METRICS_PUBLIC: undefined } });
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('is closed: 403 saying how to open it, to anyone, an admin included', async () => {
    const anonymous = await ctx.http.get('/metrics').expect(403);
    expect(anonymous.body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
    expect(anonymous.body.message).toContain('METRICS_TOKEN');
    expect(anonymous.body.message).toContain('METRICS_PUBLIC=true');
    expect(anonymous.text).not.toContain('awardflow_queue_jobs');
    await ctx.http.get('/metrics').set('Authorization', await ctx.adminToken()).expect(403);
    await ctx.http.get('/metrics').set('Authorization', 'Bearer some-guessed-metrics-token').expect(403);
  });
});

describe('ops: /metrics with METRICS_TOKEN', () => {
  const token = 'metrics-token-for-the-ops-test-0123';
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await startTestApp({ env: { METRICS_TOKEN: token } });
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('needs the token: 401 without it, with another one or with an admin JWT; 200 with it', async () => {
    const missing = await ctx.http.get('/metrics').expect(401);
    expect(missing.headers['www-authenticate']).toMatch(/^Bearer/);
    await ctx.http.get('/metrics').set('Authorization', 'Bearer metrics-token-for-the-ops-test-9999').expect(401);
    await ctx.http.get('/metrics').set('Authorization', await ctx.adminToken()).expect(401);
    const res = await ctx.http.get('/metrics').set('Authorization', `Bearer ${token}`).expect(200);
    expect(sample(res.text, 'awardflow_queue_jobs', { queue: QueueName.Events, state: 'waiting' })).toBe(0);
  });
});

describe('worker: Redis maxmemory-policy check', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    jest.restoreAllMocks();
    for (const cleanup of cleanups.reverse()) await cleanup();
    cleanups.length = 0;
  });

  async function throwaway(): Promise<ThrowawayRedis> {
    const redis = await ThrowawayRedis.start();
    cleanups.push(() => redis.stop());
    return redis;
  }

  async function start(env: Record<string, string> = {}): Promise<TestContext> {
    const ctx = await startTestApp({ worker: true, env });
    cleanups.push(() => ctx.close());
    return ctx;
  }

  const policyWarnings = (spy: { mock: { calls: unknown[][] } }): string[] =>
    spy.mock.calls.map((call) => String(call[0])).filter((message) => message.includes('maxmemory-policy'));

  it('warns at start when the policy is not noeviction, naming it', async () => {
    const redis = await throwaway();
    await redis.client((r) => r.config('SET', 'maxmemory-policy', 'allkeys-lru'));
    const warn = jest.spyOn(Logger.prototype, 'warn');
    jest.spyOn(console, 'warn').mockImplementation(() => undefined); // BullMQ's own console line

    const ctx = await start({ REDIS_URL: redis.url });
    const logged = await waitFor(async () => policyWarnings(warn)[0], 10_000, 'the maxmemory-policy warning');
    expect(logged).toContain('allkeys-lru');
    expect(logged).toContain('BullMQ needs noeviction');

    const check = ctx.worker!.get(RedisEvictionPolicyCheck);
    expect(await check.check()).toBe('allkeys-lru');
    expect(check.lastWarning).toBe(logged);
  });

  it('on the shared Redis, reports its policy and warns only if it is not noeviction', async () => {
    const shared = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
    const [, actual] = (await shared.config('GET', 'maxmemory-policy').finally(() => shared.disconnect())) as string[];
    const warn = jest.spyOn(Logger.prototype, 'warn');

    const ctx = await start();
    const check = ctx.worker!.get(RedisEvictionPolicyCheck);
    expect(await check.check()).toBe(actual);
    if (actual === 'noeviction') {
      expect(policyWarnings(warn)).toEqual([]);
      expect(check.lastWarning).toBeUndefined();
    } else {
      expect(policyWarnings(warn)[0]).toContain(actual);
    }
  });

  it('where CONFIG is not allowed, says so at debug level and carries on', async () => {
    const redis = await throwaway();
    await redis.client((r) => r.call('ACL', 'SETUSER', 'limited', 'on', '>limited-password-1', '~*', '&*', '+@all', '-config'));
    const warn = jest.spyOn(Logger.prototype, 'warn');
    const debug = jest.spyOn(Logger.prototype, 'debug');

    const ctx = await start({ REDIS_URL: `redis://limited:limited-password-1@127.0.0.1:${redis.port}` });
    const check = ctx.worker!.get(RedisEvictionPolicyCheck);
    expect(await check.check()).toBeUndefined();
    const said = debug.mock.calls.map((call) => String(call[0])).find((message) => message.includes('maxmemory-policy'));
    expect(said).toMatch(/Could not read Redis maxmemory-policy \(NOPERM/);
    expect(policyWarnings(warn)).toEqual([]);
    // Carries on: the queues work through the same restricted user.
    await ctx.api.get(QueueService).enqueue(QueueName.Maintenance, 'deadlines.reconcile', { v: 1 }, { jobId: 'acl-probe', delay: 60_000 });
    expect(await ctx.api.get(QueueService).queue(QueueName.Maintenance).getDelayedCount()).toBeGreaterThanOrEqual(1);
  });
});
