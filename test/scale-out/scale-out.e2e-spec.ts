import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { inLanes, stopProcess } from '../../bench/bench-support';
import { samplePdf } from '../../libs/applications/src/testing/material-fixtures';
import { qualityForm, QUALITY_REQUIRED, validUscc } from '../support/award-fixtures';
import { scoreSheet } from '../support/review-fixtures';
import { SmtpSink } from '../support/smtp-sink';
import { createTestDatabase } from '../support/test-database';
import { ThrowawayRedisCluster } from '../support/throwaway-redis-cluster';
import { freePort, waitFor } from '../support/throwaway-redis';

const ROOT = join(__dirname, '..', '..');
const AWARD = 'district-quality-award';
const APPLICATIONS = 200;
/** Sent back for 补正 and left to run out: their deadline rejects them. */
const SUPPLEMENTED = 40;
/** Taken through 资料评审 to 入围审核 (each by one expert). */
const SCORED = 20;
const EXPERTS = 4;
const LANES = 8;
const JWT_SECRET = `scale-out-${randomBytes(16).toString('hex')}`;

/** A small fetch client for one API process: JSON (or a form) in, the status checked, JSON out. */
class Api {
  requests = 0;
  constructor(readonly baseUrl: string) {}

  async call<T = Record<string, unknown>>(method: string, path: string, token: string | undefined, body?: unknown, expected = [200, 201]): Promise<T> {
    this.requests++;
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: { ...(token ? { authorization: token } : {}), ...(body instanceof FormData || body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body instanceof FormData ? body : body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!expected.includes(res.status)) throw new Error(`${method} ${this.baseUrl}${path}: ${res.status} ${text.slice(0, 500)}`);
    return (text ? JSON.parse(text) : {}) as T;
  }
}

/**
 * Past one machine: two API processes and two worker processes (built, as deployed) on one
 * Postgres database and a three-master Redis Cluster. A cycle of 200 applications goes through
 * both APIs alternately; one worker is killed in the middle of sending mail and another takes its
 * place. Afterwards every transition, every deadline and every mail is there exactly once.
 */
describe('scale-out: 2 APIs and 2 workers on one database and a Redis Cluster', () => {
  const started = Date.now();
  const processes: ChildProcess[] = [];
  const sinks: SmtpSink[] = [];
  let cluster: ThrowawayRedisCluster;
  let db: { name: string; url: string; drop: () => Promise<void> };
  let pg: Client;
  let env: NodeJS.ProcessEnv;
  let apis: Api[];
  let logDir: string;
  const logs: string[] = [];
  const workers: Array<{ child: ChildProcess; sink: SmtpSink }> = [];

  const sql = async <T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> => (await pg.query(text, params)).rows as T[];

  async function spawnProduct(name: string, script: string, extra: Record<string, string>): Promise<ChildProcess> {
    const log = join(logDir, `${name}.log`);
    logs.push(log);
    const fd = openSync(log, 'w');
    const child = spawn(process.execPath, [script], { cwd: ROOT, env: { ...env, ...extra }, stdio: ['ignore', fd, fd] });
    closeSync(fd);
    processes.push(child);
    return child;
  }

  async function waitHealthy(url: string, child: ChildProcess, what: string): Promise<void> {
    await waitFor(async () => {
      if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}`);
      const res = await fetch(url).catch(() => undefined);
      return res?.ok ?? false;
    }, 60_000, `${what} to answer ${url}`);
  }

  async function startApi(name: string): Promise<Api> {
    const port = await freePort();
    const child = await spawnProduct(name, 'dist/apps/api/src/main.js', { PORT: String(port), PUBLIC_BASE_URL: `http://127.0.0.1:${port}` });
    await waitHealthy(`http://127.0.0.1:${port}/health`, child, name);
    return new Api(`http://127.0.0.1:${port}`);
  }

  /** Each worker mails through an SMTP sink of its own, so the test can stop one worker's mail mid-send. */
  async function startWorker(name: string): Promise<{ child: ChildProcess; sink: SmtpSink }> {
    const sink = await SmtpSink.start();
    sinks.push(sink);
    const port = await freePort();
    const child = await spawnProduct(name, 'dist/apps/worker/src/main.js', { WORKER_HEALTH_PORT: String(port), SMTP_HOST: '127.0.0.1', SMTP_PORT: String(sink.port) });
    await waitHealthy(`http://127.0.0.1:${port}/health`, child, name);
    const worker = { child, sink };
    workers.push(worker);
    return worker;
  }

  beforeAll(async () => {
    logDir = join(tmpdir(), `awardflow-scale-out-${process.pid}-${Date.now()}`);
    mkdirSync(logDir, { recursive: true });
    [cluster, db] = await Promise.all([ThrowawayRedisCluster.start(3), createTestDatabase()]);
    pg = new Client({ connectionString: db.url });
    await pg.connect();
    const inherited = { ...process.env };
    // The processes find their Redis in REDIS_CLUSTER_NODES alone (the two may not both be set).
    delete inherited.REDIS_URL;
    env = {
      ...inherited,
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      REDIS_CLUSTER_NODES: cluster.nodes,
      QUEUE_PREFIX: `{scaleout_${randomBytes(4).toString('hex')}}`,
      JWT_SECRET,
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '10000000',
      LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
      LOGIN_RATE_LIMIT_PER_ACCOUNT_PER_MINUTE: '100000',
      UPLOAD_DIR: join(logDir, 'uploads'),
      ALLOW_SHORT_DURATIONS: 'true',
      OUTBOX_POLL_INTERVAL_MS: '200',
      DEADLINE_SCHEDULE_INTERVAL_MS: '100',
      DEADLINE_RECONCILE_INTERVAL_MS: '2000',
      NOTIFICATION_BACKOFF_MS: '200',
      ADMIN_USERNAME: 'scaleadmin',
      ADMIN_PASSWORD: 'scale-out-admin-password-1',
    };
    const seed = spawnSync(process.execPath, ['dist/libs/identity/src/seed/seed.cli.js', '--if-configured'], { cwd: ROOT, env, encoding: 'utf8', timeout: 120_000 });
    if (seed.status !== 0) throw new Error(`seed failed: ${seed.stderr}${seed.stdout}`);
    const [api1, api2] = await Promise.all([startApi('api-1'), startApi('api-2'), startWorker('worker-1'), startWorker('worker-2')]);
    apis = [api1 as Api, api2 as Api];
  });

  afterAll(async () => {
    await Promise.all(processes.map((child) => stopProcess(child)));
    await Promise.all(sinks.map((sink) => sink.stop()));
    await pg?.end();
    await db?.drop();
    await cluster?.stop();
    // SCALE_OUT_LOGS=1 shows what the processes said (the first thing to read when this fails).
    if (process.env.SCALE_OUT_LOGS) for (const log of logs) console.log(`--- ${log}\n${readFileSync(log, 'utf8').slice(-4000)}`);
    if (logDir) rmSync(logDir, { recursive: true, force: true });
  });

  it('runs a cycle of 200 through both APIs, survives a killed worker, and leaves every transition, deadline and mail exactly once', async () => {
    const setupMs = Date.now() - started;
    const api = (i: number) => apis[i % 2];
    const admin = `Bearer ${(await apis[0].call<{ accessToken: string }>('POST', '/auth/login', undefined, { username: 'scaleadmin', password: 'scale-out-admin-password-1' })).accessToken}`;
    const jwt = new JwtService({ secret: JWT_SECRET, signOptions: { algorithm: 'HS256', expiresIn: '2h', issuer: 'awardflow' } });

    // Accounts are set-up, not the cycle: inserted at once (an argon2 hash each would cost minutes
    // here), with tokens signed as the API signs them. Everything after this goes through the APIs.
    const run = randomBytes(3).toString('hex');
    const users = await sql<{ id: string; username: string; role: string }>(
      `INSERT INTO users (username, display_name, email, password_hash, role)
       SELECT u.username, u.username, u.username || '@example.cn', 'not-a-hash', u.role
         FROM (SELECT 'ent' || $1 || g AS username, 'applicant' AS role, g FROM generate_series(1, $2::int) g
               UNION ALL SELECT 'exp' || $1 || g, 'reviewer', 100000 + g FROM generate_series(1, $3::int) g) u
        ORDER BY u.g
       RETURNING id, username, role`,
      [run, APPLICATIONS, EXPERTS],
    );
    // The experts belong to the admin's office, as the admin's own POST /users would make them.
    await sql(
      `INSERT INTO user_offices (user_id, office_id)
       SELECT u.id, uo.office_id FROM users u, user_offices uo JOIN users a ON a.id = uo.user_id AND a.username = 'scaleadmin'
        WHERE u.id = ANY($1::uuid[])`,
      [users.filter((u) => u.role === 'reviewer').map((u) => u.id)],
    );
    const tokenOf = (userId: string) => `Bearer ${jwt.sign({ sub: userId, ver: 0 })}`;
    const experts = users.filter((u) => u.role === 'reviewer').map((u) => ({ id: u.id, token: tokenOf(u.id) }));
    const applicants = users.filter((u) => u.role === 'applicant');
    expect(applicants).toHaveLength(APPLICATIONS);
    for (const [i, e] of experts.entries()) await api(i).call('POST', '/reviews/reviewers', admin, { userId: e.id, expertise: ['C'], ties: [], maxLoad: 60 });

    const cycle = await apis[1].call<{ id: string }>('POST', '/cycles', admin, {
      awardCode: AWARD,
      year: 2026,
      title: '2026年度渝中区区长质量管理奖（扩容测试）',
      applicationOpensAt: '2026-01-01',
      applicationClosesAt: '2099-12-31',
      quota: { awards: 3, secondTier: { label: '提名奖', count: 2 } },
      reviewersPerApplication: 1,
      // 补正 runs out within the test; a review's due date stays far off.
      durationOverrides: { supplement: 'PT3S', reviewDue: 'PT2H' },
    });
    await apis[0].call('POST', `/cycles/${cycle.id}/open`, admin);

    // Their organisations (registered, credit grade A) are set-up too; the cycle is what goes through the APIs.
    const orgs = await sql<{ id: string; created_by: string }>(
      `INSERT INTO organizations (name, uscc, region_code, address, legal_representative, contact, founded_at, industry, credit_grade, credit_grade_updated_at, created_by)
       SELECT '重庆扩容测试第' || i || '制造有限公司', uscc, '500103', '重庆市渝中区解放碑民族路 1 号', '张三',
              jsonb_build_object('name', '王经理', 'phone', '023-63000000', 'email', u.username || '@example.cn'), '2010-03-01', 'C3825', 'A', now(), u.id
         FROM unnest($1::uuid[], $2::text[]) WITH ORDINALITY AS x(user_id, uscc, i) JOIN users u ON u.id = x.user_id
       RETURNING id, created_by`,
      [applicants.map((u) => u.id), applicants.map(() => validUscc())],
    );
    await sql(`UPDATE users u SET organization_id = o.id FROM organizations o WHERE o.created_by = u.id AND u.id = ANY($1::uuid[])`, [applicants.map((u) => u.id)]);
    expect(orgs).toHaveLength(APPLICATIONS);

    // Enterprises draft and upload through both APIs.
    const enterprises: Array<{ userId: string; token: string; applicationId: string }> = new Array(APPLICATIONS);
    const t0 = Date.now();
    await inLanes(applicants, LANES, async (user, i) => {
      const token = tokenOf(user.id);
      const { id } = await api(i).call<{ id: string }>('POST', '/applications', token, { cycleId: cycle.id, form: qualityForm() });
      for (const [k, type] of QUALITY_REQUIRED.entries()) {
        const form = new FormData();
        form.set('documentType', type);
        form.set('file', new Blob([samplePdf(type)], { type: 'application/pdf' }), `${type}.pdf`);
        await api(i + k).call('POST', `/applications/${id}/attachments`, token, form);
      }
      enterprises[i] = { userId: user.id, token, applicationId: id };
    });
    const draftsMs = Date.now() - t0;
    const apps = enterprises.map((e) => e.applicationId);

    // Submissions through both APIs; half-way, one worker is killed in the middle of sending mail.
    const t1 = Date.now();
    const receipts: string[] = new Array(APPLICATIONS);
    const submit = (from: number, to: number) =>
      inLanes(enterprises.slice(from, to), LANES, async (e, j) => {
        receipts[from + j] = (await api(from + j).call<{ receiptNumber: string }>('POST', `/applications/${e.applicationId}/actions/submit`, e.token, {})).receiptNumber;
      });
    await submit(0, APPLICATIONS / 2);
    const [victim] = workers;
    let replacement: Promise<unknown> = Promise.resolve();
    const killing = (async () => {
      // From now on the victim's SMTP server takes mail in and never answers: whatever it sends
      // from here is unsent when it dies. It dies once it is mid-send and every mail its server
      // did accept is recorded as sent (so no accepted mail can be unrecorded).
      victim.sink.holdNext = Number.POSITIVE_INFINITY;
      await waitFor(async () => {
        if (victim.sink.held === 0) return false;
        const accepted = victim.sink.mails.map((m) => /^<(.+)@awardflow>$/.exec(m.messageId ?? '')?.[1]).filter((id): id is string => !!id);
        if (accepted.length === 0) return true;
        const [{ n }] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM notification_deliveries WHERE id = ANY($1::uuid[]) AND status = 'sent'`, [accepted]);
        return n === accepted.length;
      }, 60_000, 'the first worker to be in the middle of sending a mail');
      await stopProcess(victim.child, 'SIGKILL');
      // Another worker takes its place (it and the survivor take up what the dead one held); the
      // cycle goes on while it boots.
      replacement = startWorker('worker-3');
      // Awaited (and any failure thrown) before the checks; not left unhandled meanwhile.
      replacement.catch(() => undefined);
    })();
    await Promise.all([submit(APPLICATIONS / 2, APPLICATIONS), killing]);
    const submitMs = Date.now() - t1;
    // Receipt numbers come from one sequence whichever API took the submission: gap-free, no repeats.
    expect([...receipts].sort()).toEqual(Array.from({ length: APPLICATIONS }, (_, i) => `2026-DMQ-${String(i + 1).padStart(4, '0')}`));

    // The window closes (one bulk call): every submission moves into 形式审查.
    const t2 = Date.now();
    const closed = await apis[1].call<{ movedToReview: number; expired: number }>('POST', `/cycles/${cycle.id}/close`, admin, {});
    expect(closed).toMatchObject({ movedToReview: APPLICATIONS, expired: 0 });

    // 形式审查 through both APIs: 40 sent back for 补正 (their deadline rejects them), the rest passed.
    const supplemented = apps.slice(0, SUPPLEMENTED);
    const passed = apps.slice(SUPPLEMENTED);
    await inLanes(apps, LANES, async (id, i) => {
      if (i < SUPPLEMENTED) await api(i).call('POST', `/applications/${id}/actions/request_supplement`, admin, { comment: '营业执照副本不清晰，请重新上传' });
      else await api(i).call('POST', `/applications/${id}/actions/pass_formal_review`, admin, {});
    });
    const formalMs = Date.now() - t2;

    // The worker assigns one expert to each passed application; 20 are scored through both APIs.
    const t3 = Date.now();
    const assignments = await waitFor(async () => {
      const rows = await sql<{ id: string; application_id: string; reviewer_id: string }>(`SELECT id, application_id, reviewer_id FROM review_assignments WHERE cycle_id = $1 AND status = 'assigned'`, [cycle.id]);
      return rows.length >= passed.length ? rows : null;
    }, 60_000, `${passed.length} expert assignments`);
    expect(assignments).toHaveLength(passed.length);
    expect(new Set(assignments.map((a) => a.application_id))).toEqual(new Set(passed));
    const scored = passed.slice(0, SCORED);
    await inLanes(scored, LANES, async (id, i) => {
      const a = assignments.find((x) => x.application_id === id)!;
      await api(i).call('POST', `/reviews/assignments/${a.id}/scores`, experts.find((e) => e.id === a.reviewer_id)!.token, scoreSheet(AWARD, 0.5 + (i % 10) * 0.04));
    });

    // Everything settles: 补正 run out, scored ones in 入围审核, every event relayed, every mail sent.
    const stateCount = async (state: string, ids: string[]) =>
      (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM applications a JOIN workflow_instances w ON w.id = a.instance_id WHERE a.id = ANY($1::uuid[]) AND w.state = $2`, [ids, state]))[0].n;
    await waitFor(async () => (await stateCount('rejected', supplemented)) === SUPPLEMENTED, 60_000, 'the 补正 deadlines to reject their applications');
    await waitFor(async () => (await stateCount('shortlisting', scored)) === SCORED, 60_000, 'the scored applications in 入围审核');
    await waitFor(async () => (await sql(`SELECT 1 FROM outbox WHERE dispatched_at IS NULL LIMIT 1`)).length === 0, 60_000, 'the outbox to be relayed');
    const deliveries = await waitFor(async () => {
      const rows = await sql<{ id: string; status: string; template: string; user_id: string }>(
        `SELECT d.id, d.status, n.template, d.recipient_id AS user_id FROM notification_deliveries d LEFT JOIN notifications n ON n.event_key = d.event_key AND n.user_id = d.recipient_id`,
      );
      const expected = APPLICATIONS + 2 * SUPPLEMENTED + passed.length;
      return rows.length >= expected && rows.every((r) => r.status === 'sent') ? rows : null;
    }, 90_000, 'every mail to be sent');
    const settleMs = Date.now() - t3;
    await replacement;

    // Every transition exactly once, in order, whichever API or worker made it.
    const history = await sql<{ id: string; actions: string[]; seqs: number[] }>(
      `SELECT a.id, array_agg(h.action ORDER BY h.seq) AS actions, array_agg(h.seq ORDER BY h.seq) AS seqs
         FROM applications a JOIN workflow_history h ON h.instance_id = a.instance_id
        WHERE a.cycle_id = $1 GROUP BY a.id`,
      [cycle.id],
    );
    expect(history).toHaveLength(APPLICATIONS);
    const actionsOf = new Map(history.map((h) => [h.id, h.actions]));
    for (const h of history) expect(h.seqs).toEqual(h.seqs.map((_, i) => h.seqs[0] + i));
    for (const id of supplemented) expect({ id, actions: actionsOf.get(id) }).toEqual({ id, actions: ['create', 'submit', 'start_review', 'request_supplement', 'supplement_expired'] });
    for (const id of scored) expect({ id, actions: actionsOf.get(id) }).toEqual({ id, actions: ['create', 'submit', 'start_review', 'pass_formal_review', 'finish_expert_review'] });
    for (const id of passed.slice(SCORED)) expect({ id, actions: actionsOf.get(id) }).toEqual({ id, actions: ['create', 'submit', 'start_review', 'pass_formal_review'] });
    // The hash chain holds on every one (checked by the API, each from either process).
    for (const [i, id] of [apps[0], apps[SUPPLEMENTED], scored[1]].entries()) {
      expect((await api(i).call<{ chainValid: boolean }>('GET', `/applications/${id}/history`, admin)).chainValid).toBe(true);
    }

    // Every deadline fired once: each 补正 deadline fired (one per application), none left overdue.
    const deadlines = await sql<{ application_id: string; kind: string; status: string; fired_at: Date | null }>(
      `SELECT a.id AS application_id, d.kind, d.status, d.fired_at FROM deadlines d JOIN applications a ON a.instance_id = d.instance_id WHERE a.cycle_id = $1`,
      [cycle.id],
    );
    const supplementDeadlines = deadlines.filter((d) => d.kind === 'supplement');
    expect(supplementDeadlines).toHaveLength(SUPPLEMENTED);
    expect(new Set(supplementDeadlines.map((d) => d.application_id))).toEqual(new Set(supplemented));
    for (const d of supplementDeadlines) expect({ status: d.status, fired: !!d.fired_at }).toEqual({ status: 'fired', fired: true });
    expect(await sql(`SELECT id FROM deadlines WHERE status = 'pending' AND due_at < now() - interval '30 seconds'`)).toEqual([]);
    // A fired deadline that fired twice would show as a second transition: there are none (above).
    expect([...actionsOf.values()].flat().filter((a) => a === 'supplement_expired')).toHaveLength(SUPPLEMENTED);

    // Every mail exactly once: what the SMTP servers accepted is the set of deliveries, no repeats.
    const received = sinks.flatMap((s) => s.mails).map((m) => m.messageId);
    const byTemplate = (template: string) => deliveries.filter((d) => d.template === template);
    expect(byTemplate('application_submitted')).toHaveLength(APPLICATIONS);
    expect(new Set(byTemplate('application_submitted').map((d) => d.user_id))).toEqual(new Set(enterprises.map((e) => e.userId)));
    expect(byTemplate('supplement_requested')).toHaveLength(SUPPLEMENTED);
    expect(byTemplate('supplement_expired')).toHaveLength(SUPPLEMENTED);
    expect(byTemplate('review_assigned')).toHaveLength(passed.length);
    expect(received.length).toBe(new Set(received).size);
    expect(new Set(received)).toEqual(new Set(deliveries.map((d) => `<${d.id}@awardflow>`)));
    // The dead worker did send before it died, and what it held went out from the others.
    expect(victim.sink.mails.length).toBeGreaterThan(0);
    expect(victim.sink.held).toBeGreaterThan(0);
    const heldRetried = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM notification_deliveries WHERE attempts > 1`);
    expect(heldRetried[0].n).toBeGreaterThan(0);

    // The queues live in the cluster (under the hash-tagged prefix), not on the shared Redis.
    await cluster.client(async (c) => expect(await c.exists(`${env.QUEUE_PREFIX}:notifications:id`)).toBe(1));
    // Both APIs took their share of the requests.
    for (const a of apis) expect(a.requests).toBeGreaterThan(APPLICATIONS * 2);

    // The time each stretch took, for the report (the test's bound is its waits).
    console.log(
      `scale-out: setup ${(setupMs / 1000).toFixed(1)} s, drafts+materials ${(draftsMs / 1000).toFixed(1)} s, submit ${(submitMs / 1000).toFixed(1)} s (a worker killed and replaced), ` +
        `close+形式审查 ${(formalMs / 1000).toFixed(1)} s, assign+score+settle ${(settleMs / 1000).toFixed(1)} s, total ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  });
});
