import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { Job, Queue, Worker } from 'bullmq';
import Redis from 'ioredis';
import { randomBytes, randomUUID } from 'node:crypto';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import { Pool } from 'pg';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { createWorkerApp } from '../apps/worker/src/create-worker-app';
import { AppConfigService } from '../libs/platform/src/config/app-config.service';
import { EnvironmentOverrides } from '../libs/platform/src/config/config.module';
import { dataSourceOptions } from '../libs/platform/src/database/data-source-options';
import { DEFAULT_JOB_OPTIONS } from '../libs/platform/src/queue/queue.service';
import { redisOptionsFromUrl } from '../libs/platform/src/queue/redis-connection';
import { WorkflowDefinition } from '../libs/workflow/src/definition/definition.types';
import { OutboxNotifier } from '../libs/workflow/src/outbox/outbox-notifier';
import { WorkCalendars } from '../libs/calendar/src/work-calendar/work-calendars';
import { EffectRegistry } from '../libs/workflow/src/registry/effect.registry';
import { GuardRegistry } from '../libs/workflow/src/registry/guard.registry';
import { DefinitionRegistry } from '../libs/workflow/src/definition/definition-registry';
import { InstanceSnapshot, WorkflowEngine } from '../libs/workflow/src/engine/workflow-engine';
import { TransitionInvariants } from '../libs/workflow/src/engine/transition-invariants';
import { registerSampleGuardsAndEffects, sampleDefinition } from '../libs/workflow/src/testing/sample-definitions';
import { dropDatabase, flag, freshDatabase, inLanes, percentile, stringFlag } from './bench-support';

/**
 * npm run bench:deadlines [-- --count 10000 --spread 60 --notifications 2000]
 *   [--lead 15] [--grace 30] [--clients 16] [--concurrency N] [--schedule-interval MS] [--redis URL]
 *
 * 1. `count` real engine deadlines due within one `spread`-second window, starting `lead` s after
 *    scheduling finished: sample-review instances driven to 补正 (supplement_requested) with a
 *    supplementDuration chosen per instance, so the timer's supplement_expired → rejected is a
 *    full engine transition fired by the real worker (DeadlineScheduler → BullMQ → DeadlineFiring).
 *    Lag = fired_at − due_at; missed = not fired after the window + grace; duplicated = more than
 *    one supplement_expired history row for an instance.
 * 2. Baseline: the same number of raw BullMQ delayed jobs over the same spread, each a one-row
 *    UPDATE, on a plain bullmq Worker with the deadline processor's concurrency.
 * 3. Notifications end to end through the outbox: `notifications` applications submitted (engine
 *    transition whose onEnter `notify` effect writes an outbox row) → relay → events worker →
 *    ApplicationNotifier → inbox row + email delivery → notifications worker → SMTP (in-process).
 */

const DB_NAME = 'awardflow_bench_deadlines';
const SUPPLEMENT_CODE = 'bench-supplement';
const applicant = { id: randomUUID(), role: 'applicant' };
const admin = { id: randomUUID(), role: 'admin' };

/** The sample review flow under its own code, without the `submitted` onEnter notify (no unrelated outbox traffic during the deadline run). */
function supplementDefinition(): WorkflowDefinition {
  const def = sampleDefinition({ code: SUPPLEMENT_CODE, label: '基准测试补正流程' });
  def.states = { ...def.states, submitted: { label: def.states.submitted.label } };
  return def;
}

interface Stats {
  count: number;
  p50: number;
  p99: number;
  max: number;
  min: number;
}

function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  return { count: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN, min: sorted[0] ?? NaN };
}

const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : 'n/a');
const sec = (v: number) => `${(v / 1000).toFixed(1)} s`;
const sleep = (t: number) => new Promise((r) => setTimeout(r, t));


/** Polls until check() is true or the time is up; returns whether it became true. */
async function until(check: () => Promise<boolean>, deadlineAt: number, every = 250): Promise<boolean> {
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadlineAt) return false;
    await sleep(every);
  }
}

/**
 * smtp-server waits 100 ms after each connection before greeting, to catch clients that talk too
 * early. The Mailer opens one connection per mail, so with that pause the sink, not the product,
 * sets the pace (about 10 mails/s per notifications job slot). Removed unless --smtp-pause.
 */
function removeEarlyTalkerPause(): void {
  const { SMTPConnection } = require('smtp-server/lib/smtp-connection') as {
    SMTPConnection: { prototype: { init(): void; _setListeners(callback: () => void): void; connectionReady(): void } };
  };
  SMTPConnection.prototype.init = function init(this: { _setListeners(callback: () => void): void; connectionReady(): void }) {
    this._setListeners(() => this.connectionReady());
  };
}

/** A real SMTP server in this process that only counts what it accepted, and when. */
class SmtpCounter {
  accepted = 0;
  lastAcceptedAt = 0;
  port = 0;
  private server?: SMTPServer;

  async start(): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      // A mail sink, not a mail server to measure: no reverse DNS of 127.0.0.1 per connection.
      disableReverseLookup: true,
      logger: false,
      onData: (stream, _session, callback) => {
        stream.on('data', () => undefined);
        stream.on('end', () => {
          this.accepted++;
          this.lastAcceptedAt = Date.now();
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(0, '127.0.0.1', () => resolve());
    });
    this.port = (this.server as unknown as { server: { address(): AddressInfo } }).server.address().port;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = undefined;
  }
}

/**
 * Deletes every key under the bench's own queue prefix (BullMQ keys are `{prefix}:queue:...`),
 * scanning again until a pass finds none; returns how many were deleted.
 */
async function deletePrefixKeys(redisUrl: string, prefix: string): Promise<number> {
  const redis = new Redis({ ...redisOptionsFromUrl(redisUrl), maxRetriesPerRequest: 1 });
  let deleted = 0;
  try {
    for (let pass = 0; pass < 5; pass++) {
      let found = 0;
      let cursor = '0';
      do {
        const [nextCursor, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
        cursor = nextCursor;
        found += keys.length;
        if (keys.length) deleted += await redis.unlink(...keys);
      } while (cursor !== '0');
      if (found === 0) return deleted;
      await sleep(200);
    }
    throw new Error(`keys under ${prefix} keep appearing after 5 passes (${deleted} deleted)`);
  } finally {
    redis.disconnect();
  }
}

/**
 * Redis checks the timeouts of blocked clients on its `hz` timer: a BullMQ worker waiting for
 * the next delayed job wakes up to 1/hz late (hz 10, the default: up to 100 ms), which is the
 * floor of both lag figures.
 */
async function redisHz(redisUrl: string): Promise<string> {
  const redis = new Redis({ ...redisOptionsFromUrl(redisUrl), maxRetriesPerRequest: 1 });
  try {
    const reply = (await redis.config('GET', 'hz')) as string[];
    return reply[1] ?? 'unknown';
  } catch {
    return 'unknown';
  } finally {
    redis.disconnect();
  }
}

interface DeadlineResult {
  setupInstancesMs: number;
  setupSupplementMs: number;
  leadMs: number;
  allScheduledAfterMs: number | null;
  lag: Stats;
  written: Stats;
  fired: number;
  missed: number;
  duplicated: number;
  notRejected: number;
  firstToLastFiredMs: number;
  waitedMs: number;
}

async function runDeadlines(
  dataSource: DataSource,
  engine: WorkflowEngine,
  opts: { count: number; spreadMs: number; leadMs: number; graceMs: number; clients: number },
): Promise<DeadlineResult> {
  const { count, spreadMs, leadMs, graceMs, clients } = opts;
  // Phase A: instances started and submitted (no timer yet).
  const t0 = Date.now();
  const submitted: InstanceSnapshot[] = new Array(count);
  await inLanes(submitted, clients, async (_, i) => {
    const instance = await engine.start({ definition: { code: SUPPLEMENT_CODE, version: 1 }, subjectType: 'bench_deadline', subjectId: randomUUID(), actor: applicant });
    submitted[i] = (await engine.fire({ instanceId: instance.id, action: 'submit', actor: applicant, instance })).instance;
  });
  const setupInstancesMs = Date.now() - t0;

  // Phase B: request_supplement puts each in 补正 with its timer. One transition each, about half
  // the work of phase A; the window starts `lead` after a generous estimate of when this ends.
  const t1 = Date.now();
  const estimate = setupInstancesMs * 0.75 + 3_000;
  const windowStart = t1 + estimate + leadMs;
  const step = spreadMs / count;
  await inLanes(submitted, clients, async (instance, i) => {
    const due = windowStart + i * step;
    const seconds = Math.max(0.001, (due - Date.now()) / 1000);
    await engine.fire({
      instanceId: instance.id,
      action: 'request_supplement',
      actor: admin,
      comment: '请补充营业执照',
      contextPatch: { supplementDuration: `PT${seconds.toFixed(3)}S` },
      instance,
    });
  });
  const doneAt = Date.now();
  const setupSupplementMs = doneAt - t1;
  const [{ first_due, last_due, n }] = await dataSource.query(
    `SELECT (extract(epoch FROM min(due_at)) * 1000)::float8 AS first_due, (extract(epoch FROM max(due_at)) * 1000)::float8 AS last_due, count(*)::int AS n
       FROM deadlines WHERE kind = 'supplement'`,
  );
  if (n !== count) throw new Error(`expected ${count} supplement deadlines, found ${n}`);

  // Wait (bounded) until every one fired; note when all were on BullMQ.
  let allScheduledAt: number | null = null;
  const waitStart = Date.now();
  await until(async () => {
    const [r] = await dataSource.query(
      `SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending,
              count(*) FILTER (WHERE status = 'pending' AND scheduled_generation IS DISTINCT FROM generation)::int AS unscheduled
         FROM deadlines WHERE kind = 'supplement'`,
    );
    if (allScheduledAt === null && r.unscheduled === 0) allScheduledAt = Date.now();
    return r.pending === 0;
  }, last_due + graceMs, 500);
  const waitedMs = Date.now() - waitStart;

  const lags: Array<{ lag: number }> = await dataSource.query(
    `SELECT (extract(epoch FROM (fired_at - due_at)) * 1000)::float8 AS lag FROM deadlines WHERE kind = 'supplement' AND status = 'fired'`,
  );
  const written: Array<{ lag: number }> = await dataSource.query(
    `SELECT (extract(epoch FROM (h.created_at - d.due_at)) * 1000)::float8 AS lag
       FROM deadlines d JOIN workflow_history h ON h.instance_id = d.instance_id AND h.action = 'supplement_expired'
      WHERE d.kind = 'supplement' AND d.status = 'fired'`,
  );
  const [counts] = await dataSource.query(
    `SELECT count(*) FILTER (WHERE status = 'fired')::int AS fired,
            count(*) FILTER (WHERE status <> 'fired')::int AS missed,
            (extract(epoch FROM max(fired_at) - min(fired_at)) * 1000)::float8 AS spread
       FROM deadlines WHERE kind = 'supplement'`,
  );
  const [{ duplicated }] = await dataSource.query(
    `SELECT count(*)::int AS duplicated FROM (
        SELECT instance_id FROM workflow_history WHERE action = 'supplement_expired' GROUP BY instance_id HAVING count(*) > 1) d`,
  );
  const [{ not_rejected }] = await dataSource.query(
    `SELECT count(*)::int AS not_rejected FROM workflow_instances WHERE definition_code = $1 AND state <> 'rejected'`,
    [SUPPLEMENT_CODE],
  );
  return {
    setupInstancesMs,
    setupSupplementMs,
    leadMs: first_due - doneAt,
    allScheduledAfterMs: allScheduledAt === null ? null : allScheduledAt - doneAt,
    lag: stats(lags.map((r) => r.lag)),
    written: stats(written.map((r) => r.lag)),
    fired: counts.fired,
    missed: counts.missed,
    duplicated,
    notRejected: not_rejected,
    firstToLastFiredMs: counts.spread ?? NaN,
    waitedMs,
  };
}

interface NotificationResult {
  count: number;
  transitionsMs: number;
  inboxMs: number;
  mailsMs: number;
  inboxRows: number;
  mails: number;
  sent: number;
}

async function runNotifications(dataSource: DataSource, engine: WorkflowEngine, smtp: SmtpCounter, opts: { count: number; clients: number }): Promise<NotificationResult> {
  const { count, clients } = opts;
  // One enterprise (organisation + its applicant user with an email) in one open cycle; `count`
  // applications of it in 草稿, each with its own sample-review instance.
  const [{ id: organizationId }] = await dataSource.query(
    `INSERT INTO organizations (name, uscc, region_code, address, legal_representative, contact, founded_at, industry, credit_grade)
     VALUES ('重庆基准测试有限公司', '91500103BENCH0001X', '500103', '重庆市渝中区解放碑民族路 1 号', '张三',
             '{"name":"王经理","phone":"023-63000000","email":"bench@example.cn"}', '2010-03-01', 'C3825', 'A') RETURNING id`,
  );
  const [{ id: userId }] = await dataSource.query(
    `INSERT INTO users (username, display_name, email, password_hash, role, organization_id)
     VALUES ('bench-applicant', '基准测试申报人', 'bench-applicant@example.cn', 'not-a-password-hash', 'applicant', $1) RETURNING id`,
    [organizationId],
  );
  const [{ id: cycleId }] = await dataSource.query(
    `INSERT INTO cycles (office_id, award_code, year, title, status, application_opens_at, application_closes_at, stage_plan, quota,
                         reviewers_per_application, publicity_days, supplement_days, review_due_days, panel, eligibility,
                         definition_code, definition_version, opened_at)
     SELECT id, 'district-quality-award', 2026, '渝中区区长质量管理奖 基准测试', 'open', now() - interval '1 day', now() + interval '30 days',
            '{}', '{"awards":3}', 3, 7, 10, 14, '{"quorum":5,"majority":{"numerator":2,"denominator":3}}', '[]', 'sample-review', 1, now()
       FROM offices WHERE code = 'CQ-YZ' RETURNING id`,
  );
  const actor = { id: userId as string, role: 'applicant' };
  const drafts: InstanceSnapshot[] = new Array(count);
  await inLanes(drafts, clients, async (_, i) => {
    drafts[i] = await engine.start({ definition: { code: 'sample-review', version: 1 }, subjectType: 'application', subjectId: randomUUID(), actor });
  });
  await dataSource.query(
    `INSERT INTO applications (id, cycle_id, organization_id, instance_id, state, organization_name, organization_uscc, form, receipt_number, created_by)
     SELECT a.subject_id, $1, $2, a.instance_id, (SELECT i.state FROM workflow_instances i WHERE i.id = a.instance_id),
            (SELECT o.name FROM organizations o WHERE o.id = $2), (SELECT o.uscc FROM organizations o WHERE o.id = $2), '{}', 'YZ2026-' || lpad(a.n::text, 5, '0'), $3
       FROM unnest($4::uuid[], $5::uuid[]) WITH ORDINALITY AS a(subject_id, instance_id, n)`,
    [cycleId, organizationId, userId, drafts.map((d) => d.subjectId), drafts.map((d) => d.id)],
  );

  // From the first submit until every inbox row exists and the SMTP server accepted every mail.
  const t0 = Date.now();
  await inLanes(drafts, clients, async (instance) => {
    await engine.fire({ instanceId: instance.id, action: 'submit', actor, instance });
  });
  const transitionsMs = Date.now() - t0;
  let inboxRows = 0;
  await until(async () => {
    [{ n: inboxRows }] = await dataSource.query(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1`, [userId]);
    return inboxRows >= count && smtp.accepted >= count;
  }, t0 + Math.max(120_000, count * 100), 100);
  const [{ last_inbox, sent }] = await dataSource.query(
    `SELECT (extract(epoch FROM (SELECT max(created_at) FROM notifications WHERE user_id = $1)) * 1000)::float8 AS last_inbox,
            (SELECT count(*)::int FROM notification_deliveries WHERE recipient_id = $1 AND status = 'sent') AS sent`,
    [userId],
  );
  return {
    count,
    transitionsMs,
    inboxMs: inboxRows >= count ? last_inbox - t0 : NaN,
    mailsMs: smtp.accepted >= count ? smtp.lastAcceptedAt - t0 : NaN,
    inboxRows,
    mails: smtp.accepted,
    sent,
  };
}

interface BaselineResult {
  lag: Stats;
  missed: number;
  leadMs: number;
}

async function runBaseline(
  databaseUrl: string,
  redisUrl: string,
  prefix: string,
  opts: { count: number; spreadMs: number; leadMs: number; graceMs: number; concurrency: number },
): Promise<BaselineResult> {
  const { count, spreadMs, leadMs, graceMs, concurrency } = opts;
  const pool = new Pool({ connectionString: databaseUrl, max: 20, application_name: 'awardflow-bench-baseline' });
  const queue = new Queue('bench-baseline', { connection: redisOptionsFromUrl(redisUrl), prefix });
  let worker: Worker | undefined;
  try {
    await pool.query(`CREATE TABLE bench_baseline (id int PRIMARY KEY, due_at timestamptz NOT NULL, ran_at timestamptz)`);
    worker = new Worker(
      'bench-baseline',
      async (job: Job<{ id: number }>) => {
        await pool.query(`UPDATE bench_baseline SET ran_at = now() WHERE id = $1`, [job.data.id]);
      },
      { connection: redisOptionsFromUrl(redisUrl), prefix, concurrency },
    );
    worker.on('error', () => undefined);
    await worker.waitUntilReady();
    const windowStart = Date.now() + 3_000 + leadMs;
    const step = spreadMs / count;
    const dueOf = (i: number) => windowStart + i * step;
    await pool.query(
      `INSERT INTO bench_baseline (id, due_at) SELECT i, to_timestamp(($1::float8 + i * $2::float8) / 1000) FROM generate_series(0, $3::int - 1) AS i`,
      [windowStart, step, count],
    );
    for (let from = 0; from < count; from += 1000) {
      const now = Date.now();
      const jobs = [];
      for (let i = from; i < Math.min(count, from + 1000); i++) {
        jobs.push({ name: 'touch', data: { id: i }, opts: { ...DEFAULT_JOB_OPTIONS, jobId: `b-${i}`, delay: Math.max(0, dueOf(i) - now) } });
      }
      await queue.addBulk(jobs);
    }
    const leadAfterAdd = windowStart - Date.now();
    await until(async () => {
      const [{ n }] = (await pool.query(`SELECT count(*)::int AS n FROM bench_baseline WHERE ran_at IS NULL`)).rows;
      return n === 0;
    }, dueOf(count - 1) + graceMs, 500);
    const { rows } = await pool.query(`SELECT (extract(epoch FROM (ran_at - due_at)) * 1000)::float8 AS lag FROM bench_baseline WHERE ran_at IS NOT NULL`);
    return { lag: stats(rows.map((r: { lag: number }) => r.lag)), missed: count - rows.length, leadMs: leadAfterAdd };
  } finally {
    await worker?.close().catch(() => undefined);
    await queue.close().catch(() => undefined);
    await pool.end().catch(() => undefined);
  }
}

async function main(): Promise<void> {
  const count = flag('count', 10_000);
  const spreadMs = flag('spread', 60) * 1000;
  const leadMs = flag('lead', 15) * 1000;
  const graceMs = flag('grace', 30) * 1000;
  const notificationCount = flag('notifications', 2000);
  const clients = flag('clients', 16);
  const concurrencyFlag = flag('concurrency', 0);
  const intervalFlag = flag('schedule-interval', 0);
  const redisUrl = stringFlag('redis', 'redis://127.0.0.1:6379');
  const tag = `awardflow_bench_${Date.now().toString(36)}_${process.pid}`;
  const prefix = `{${tag}}`;

  const smtpPause = process.argv.includes('--smtp-pause');
  if (!smtpPause) removeEarlyTalkerPause();
  const smtp = new SmtpCounter();
  let worker: INestApplication | undefined;
  let dataSource: DataSource | undefined;
  // Also on Ctrl-C: the bench's keys must not stay behind in a shared Redis.
  let cleaning: Promise<void> | undefined;
  const cleanup = () =>
    (cleaning ??= (async () => {
      if (worker) await Promise.race([worker.close().catch(() => undefined), sleep(10_000)]);
      if (dataSource?.isInitialized) await dataSource.destroy().catch(() => undefined);
      await Promise.race([smtp.stop().catch(() => undefined), sleep(3_000)]);
      await dropDatabase(DB_NAME).catch((e: Error) => console.log(`cleanup: could not drop ${DB_NAME}: ${e.message}`));
      const deleted = await deletePrefixKeys(redisUrl, prefix).catch((e: Error) => {
        console.log(`cleanup: could not delete the keys under ${prefix}: ${e.message}`);
        return 0;
      });
      console.log(`cleanup: worker closed, database ${DB_NAME} dropped, ${deleted} Redis keys under ${prefix} deleted`);
    })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    // `on`, not `once`: Nest's shutdown hook re-sends the signal after closing the app.
    process.on(signal, () => {
      if (!cleaning) console.log(`\n${signal}: cleaning up...`);
      void cleanup().finally(() => process.exit(130));
    });
  }
  try {
    const url = await freshDatabase(DB_NAME);
    await smtp.start();
    const env: EnvironmentOverrides = {
      NODE_ENV: 'production',
      DATABASE_URL: url,
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: prefix,
      LOG_LEVEL: 'silent',
      JWT_SECRET: randomBytes(32).toString('hex'),
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      UPLOAD_DIR: `/tmp/${tag}-uploads`,
      ...(concurrencyFlag ? { DEADLINE_CONCURRENCY: String(concurrencyFlag) } : {}),
      ...(intervalFlag ? { DEADLINE_SCHEDULE_INTERVAL_MS: String(intervalFlag) } : {}),
    };
    worker = await createWorkerApp(env);
    await worker.init();
    const config = worker.get(AppConfigService);
    const concurrency = config.get('DEADLINE_CONCURRENCY');
    const scheduleInterval = config.get('DEADLINE_SCHEDULE_INTERVAL_MS');

    // The bench drives the engine over its own pool, as the API would; the worker has its own.
    dataSource = new DataSource({ ...dataSourceOptions(url, 'awardflow-bench'), extra: { max: clients + 2 } });
    await dataSource.initialize();
    const guards = new GuardRegistry();
    const effects = new EffectRegistry();
    registerSampleGuardsAndEffects(guards, effects);
    const definitions = new DefinitionRegistry(dataSource, guards, effects);
    await definitions.register(supplementDefinition());
    await definitions.register(sampleDefinition());
    const engine = new WorkflowEngine(dataSource, definitions, guards, new OutboxNotifier(dataSource), new TransitionInvariants(), new WorkCalendars(dataSource));

    console.log(`deadlines: scheduling ${count} engine deadlines over ${sec(spreadMs)} (DEADLINE_CONCURRENCY=${concurrency}, DEADLINE_SCHEDULE_INTERVAL_MS=${scheduleInterval})...`);
    const d = await runDeadlines(dataSource, engine, { count, spreadMs, leadMs, graceMs, clients });
    console.log(`deadlines: done (p99 ${ms(d.lag.p99)}); notifications: ${notificationCount} submits through the outbox...`);
    const n = await runNotifications(dataSource, engine, smtp, { count: notificationCount, clients });

    await worker.close();
    worker = undefined;
    await dataSource.destroy();
    console.log(`notifications: done; baseline: ${count} raw BullMQ delayed jobs...`);
    const b = await runBaseline(url, redisUrl, prefix, { count, spreadMs, leadMs, graceMs, concurrency });

    const targets = {
      p99: d.lag.p99 < 500,
      max: d.lag.max < 2000,
      missed: d.missed === 0,
      duplicated: d.duplicated === 0,
    };
    const yn = (ok: boolean) => (ok ? 'yes' : 'NO');
    const hz = await redisHz(redisUrl);
    const cpu = os.cpus();
    console.log('');
    console.log('==================== bench:deadlines ====================');
    console.log(`machine: ${cpu[0]?.model ?? 'unknown cpu'}, ${cpu.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.platform()} ${os.release()}, node ${process.version}`);
    console.log(`command: node dist/bench/deadlines.js ${process.argv.slice(2).join(' ')}`.trimEnd());
    console.log(`settings: count ${count}, spread ${sec(spreadMs)}, lead ${sec(leadMs)}, grace ${sec(graceMs)}, bench clients ${clients}, redis ${redisUrl} (hz ${hz}: blocked BullMQ workers wake up to ${hz === 'unknown' ? '?' : Math.round(1000 / Number(hz))} ms late)`);
    console.log(`worker: DEADLINE_CONCURRENCY=${concurrency}${concurrencyFlag ? '' : ' (default)'}, DEADLINE_SCHEDULE_INTERVAL_MS=${scheduleInterval}${intervalFlag ? '' : ' (default)'}, in-process createWorkerApp, NODE_ENV=production`);
    console.log('');
    console.log(`engine deadlines (${SUPPLEMENT_CODE}: 补正 timer → supplement_expired → rejected, fired by the worker):`);
    console.log(`  setup: ${count} instances started+submitted in ${sec(d.setupInstancesMs)}, request_supplement (timer) in ${sec(d.setupSupplementMs)}`);
    console.log(`  first due ${sec(d.leadMs)} after scheduling finished; all on BullMQ ${d.allScheduledAfterMs === null ? 'never' : sec(d.allScheduledAfterMs)} after it`);
    console.log(`  firing lag (fired_at − due_at):             p50 ${ms(d.lag.p50)}   p99 ${ms(d.lag.p99)}   max ${ms(d.lag.max)}   min ${ms(d.lag.min)}`);
    console.log(`  transition written (history − due_at):      p50 ${ms(d.written.p50)}   p99 ${ms(d.written.p99)}   max ${ms(d.written.max)}`);
    console.log(`  fired ${d.fired}   missed ${d.missed}   duplicated ${d.duplicated}   instances not rejected ${d.notRejected}   first→last firing ${sec(d.firstToLastFiredMs)}`);
    console.log('');
    console.log(`baseline (raw BullMQ delayed jobs, one-row UPDATE each, plain Worker, concurrency ${concurrency}):`);
    console.log(`  first due ${sec(b.leadMs)} after the jobs were added`);
    console.log(`  lag (UPDATE's now() − due):                 p50 ${ms(b.lag.p50)}   p99 ${ms(b.lag.p99)}   max ${ms(b.lag.max)}   min ${ms(b.lag.min)}`);
    console.log(`  ran ${b.lag.count}   missed ${b.missed}`);
    console.log(`  ratio deadline p99 ÷ baseline p99: ${(d.lag.p99 / b.lag.p99).toFixed(2)}`);
    console.log('');
    console.log(`notifications end to end (outbox path: submit transition → notify outbox row → relay → events worker → ApplicationNotifier → inbox + email delivery → notifications worker → SMTP):`);
    console.log(`  SMTP sink: smtp-server in this process, ${smtpPause ? "with its stock 100 ms early-talker pause per connection" : "its 100 ms early-talker pause per connection removed (--smtp-pause keeps it)"}`);
    console.log(`  ${n.count} submits (each: 1 recipient with an email) fired in ${(n.transitionsMs / 1000).toFixed(2)} s`);
    console.log(`  inbox rows: ${n.inboxRows}/${n.count}, all after ${Number.isFinite(n.inboxMs) ? sec(n.inboxMs) : 'timeout'}   → ${(n.count / (n.inboxMs / 1000)).toFixed(0)} rows/s`);
    console.log(`  mails accepted by SMTP: ${n.mails}/${n.count}, all after ${Number.isFinite(n.mailsMs) ? sec(n.mailsMs) : 'timeout'}   → ${(n.count / (n.mailsMs / 1000)).toFixed(0)} mails/s   (deliveries recorded sent: ${n.sent})`);
    console.log('');
    console.log(`targets: p99 < 500 ms: ${yn(targets.p99)} (${ms(d.lag.p99)})   max < 2 s: ${yn(targets.max)} (${ms(d.lag.max)})   0 missed: ${yn(targets.missed)} (${d.missed})   0 duplicated: ${yn(targets.duplicated)} (${d.duplicated})`);
    console.log(`all targets met: ${yn(Object.values(targets).every(Boolean))}`);
    console.log('==========================================================');
  } finally {
    await cleanup();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
