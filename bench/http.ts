import autocannon from 'autocannon';
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync } from 'node:fs';
import os from 'node:os';
import Redis from 'ioredis';
import { dropDatabase, flag, freshDatabase, inLanes, stringFlag } from './bench-support';
import { HttpClient, sleep } from './http-client';
import { SeededApplication, seedApplications } from './http-seed';

/**
 * npm run bench:http [-- --seconds 10 --get-connections 50 --action-connections 16
 *   --applications 600 --cycles 30 --engine-seconds 5 --port 3990 --redis URL --get-only 1 --cpu-prof DIR]
 *
 * The product started as `npm start` starts it (seed, then dist/apps/main.js: API and worker as two
 * processes under one supervisor, LOG_LEVEL at its default) on a fresh database and a queue prefix of
 * its own, beside a bare NestJS app whose one route reads an application by primary key with one pg
 * query. Seeded through the product's API; load from autocannon in this process. Baselines from the same run:
 * - GET /applications/:id as its enterprise (`get-connections`) against the bare route;
 * - HTTP submit, then HTTP pass_formal_review (after start_review, not measured), each request on an
 *   application of its own (`action-connections`), against bench:transitions' engine-direct rate (the
 *   higher of its two figures), run just before with `engine-seconds`.
 */

const DB_NAME = 'awardflow_bench_http';
const LOG_FILE = `/tmp/awardflow-bench-http-product-${process.pid}.log`;
const GOALS = { get: 0.5, action: 0.5, submit: 0.2 };

interface Figure {
  perSecond: number;
  p50: number;
  p99: number;
  ok: number;
  failed: number;
}

function figure(r: autocannon.Result): Figure {
  const ok = r['2xx'];
  return { perSecond: ok / r.duration, p50: r.latency.p50, p99: r.latency.p99, ok, failed: r.non2xx + r.errors + r.timeouts };
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux). */
function cpuSeconds(pid: number | undefined): number {
  if (!pid) return NaN;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/** The API child of the supervisor (its process title, or else its script path, names it api). */
function apiPid(supervisor: number | undefined): number | undefined {
  const children = spawnSync('pgrep', ['-P', String(supervisor)], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).map(Number);
  return children.find((pid) => {
    try {
      return /(^|[\s/])api(\0|\s|\/|$)/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
    } catch {
      return false;
    }
  });
}

/** The read and write system calls (write, writev, read …; not sendmsg) a process has made so far, from /proc (Linux). */
function ioCalls(pid: number | undefined): { reads: number; writes: number } {
  try {
    const io = readFileSync(`/proc/${pid}/io`, 'utf8');
    return { reads: Number(/syscr: (\d+)/.exec(io)?.[1]), writes: Number(/syscw: (\d+)/.exec(io)?.[1]) };
  } catch {
    return { reads: NaN, writes: NaN };
  }
}

/**
 * The load with the CPU milliseconds the serving process spent per answered request (on a shared
 * machine throughput moves with what else runs, CPU per request much less), and its reads and
 * writes per request (the syscalls a request costs: each one a trip into the kernel).
 */
async function loadWithCpu(pid: number | undefined, ...args: Parameters<typeof load>): Promise<Figure & { cpuMs: number; readsPer: number; writesPer: number }> {
  const before = cpuSeconds(pid);
  const io = ioCalls(pid);
  const f = await load(...args);
  const after = ioCalls(pid);
  const per = (n: number) => n / Math.max(1, f.ok);
  return { ...f, cpuMs: per((cpuSeconds(pid) - before) * 1000), readsPer: per(after.reads - io.reads), writesPer: per(after.writes - io.writes) };
}

const show = (f: Figure & { cpuMs?: number; readsPer?: number; writesPer?: number }) =>
  `${f.perSecond.toFixed(0)} req/s, p50 ${f.p50.toFixed(1)} ms, p99 ${f.p99.toFixed(1)} ms${f.cpuMs !== undefined ? `, ${f.cpuMs.toFixed(2)} ms CPU per request` : ''}` +
  `${f.readsPer !== undefined && !Number.isNaN(f.readsPer) ? `, ${f.readsPer.toFixed(1)} reads + ${f.writesPer!.toFixed(1)} writes per request` : ''}${f.failed ? `, ${f.failed} failed` : ''}`;

/** bench:transitions with short flags: its transitions/s with the snapshot held and reading first. */
function engineDirect(seconds: number, clients: number): { held: number; read: number } {
  const run = spawnSync(process.execPath, [`${__dirname}/transitions.js`, '--seconds', String(seconds), '--clients', String(clients)], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`bench:transitions failed: ${run.stderr}`);
  const [held, read] = [...run.stdout.matchAll(/transitions\/s: ([\d.]+)/g)].map((m) => Number(m[1]));
  if (!held || !read) throw new Error(`could not read transitions/s from:\n${run.stdout}`);
  return { held, read };
}

async function waitUntilUp(url: string, child: ChildProcess, what: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode} (see ${LOG_FILE})`);
    const up = await fetch(url).then((r) => r.status < 500, () => false);
    if (up) return;
    await sleep(250);
  }
  throw new Error(`${what} not up after ${timeoutMs / 1000} s`);
}

/** autocannon: `amount` requests (or `duration` seconds), each from its own entry of `targets`. */
async function load(
  base: string,
  connections: number,
  targets: Array<{ path: string; token?: string }>,
  opts: { method?: 'GET' | 'POST'; duration?: number; amount?: number },
): Promise<Figure> {
  let next = 0;
  const result = await autocannon({
    url: base,
    connections,
    ...(opts.amount ? { amount: opts.amount } : { duration: opts.duration }),
    requests: [
      {
        method: opts.method ?? 'GET',
        setupRequest: (req) => {
          const t = targets[next++ % targets.length];
          return {
            ...req,
            path: t.path,
            headers: { ...(t.token ? { authorization: t.token } : {}), ...(opts.method === 'POST' ? { 'content-type': 'application/json' } : {}) },
            body: opts.method === 'POST' ? '{}' : undefined,
          };
        },
      },
    ],
  });
  return figure(result);
}

async function deletePrefixKeys(redisUrl: string, prefix: string): Promise<number> {
  const redis = new Redis(redisUrl);
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [nextCursor, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = nextCursor;
      if (keys.length) deleted += await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}

function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  });
}

async function main(): Promise<void> {
  const seconds = flag('seconds', 10);
  const getConnections = flag('get-connections', 50);
  const actionConnections = flag('action-connections', 16);
  const count = flag('applications', 600);
  const cycles = flag('cycles', 30);
  const engineSeconds = flag('engine-seconds', 5);
  const port = flag('port', 3990);
  const redisUrl = stringFlag('redis', 'redis://127.0.0.1:6379');
  const prefix = `{awardflow_bench_http_${process.pid}}`;
  // `--get-only 1` measures the GET and stops there (for a profile of reads alone).
  const getOnly = flag('get-only', 0) === 1;
  // `--cpu-prof DIR` writes a V8 CPU profile of each product process there (the supervisor's children inherit it).
  const cpuProfDir = stringFlag('cpu-prof', '');

  console.log(`engine-direct: bench:transitions --seconds ${engineSeconds} --clients ${actionConnections} …`);
  const engine = engineDirect(engineSeconds, actionConnections);

  const url = await freshDatabase(DB_NAME);
  await deletePrefixKeys(redisUrl, prefix);
  const adminPassword = `bench-${randomBytes(12).toString('hex')}`;
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: url,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: prefix,
    PORT: String(port),
    WORKER_HEALTH_PORT: String(port + 1),
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    JWT_SECRET: randomBytes(32).toString('hex'),
    ADMIN_USERNAME: 'benchadmin',
    ADMIN_PASSWORD: adminPassword,
    UPLOAD_DIR: `/tmp/awardflow-bench-http-uploads-${process.pid}`,
    // The load comes from one address: the per-address limits would measure the limiter.
    RATE_LIMIT_PER_MINUTE: '100000000',
    LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
    LOGIN_RATE_LIMIT_PER_ACCOUNT_PER_MINUTE: '100000',
  };
  const log = openSync(LOG_FILE, 'w');
  let product: ChildProcess | undefined;
  let bare: ChildProcess | undefined;
  try {
    // `npm start` after its build and migrate: the seed when the first admin is configured, then the supervisor of both apps.
    const seed = spawnSync(process.execPath, ['dist/libs/identity/src/seed/seed.cli.js', '--if-configured'], { env, encoding: 'utf8' });
    if (seed.status !== 0) throw new Error(`seed failed: ${seed.stderr}${seed.stdout}`);
    product = spawn(process.execPath, [...(cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : []), 'dist/apps/main.js'], { env, stdio: ['ignore', log, log] });
    bare = spawn(process.execPath, [`${__dirname}/bare-route.js`], { env: { ...process.env, DATABASE_URL: url, PORT: String(port + 2) }, stdio: ['ignore', log, log] });
    const productUrl = `http://127.0.0.1:${port}`;
    const bareUrl = `http://127.0.0.1:${port + 2}`;
    await waitUntilUp(`${productUrl}/health`, product, 'the product');
    await waitUntilUp(`${bareUrl}/applications/00000000-0000-0000-0000-000000000000`, bare, 'the bare route');

    const http = new HttpClient(productUrl);
    const admin = await http.login('benchadmin', adminPassword);
    const seedStarted = Date.now();
    const applications: SeededApplication[] = await seedApplications(http, admin, count, cycles, 8);
    console.log(`seeded through the API: ${count} applications in ${cycles} cycles in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s`);

    const reads = applications.map((a) => ({ path: `/applications/${a.id}`, token: a.token }));
    // Warm-up for both: connections opened, plans prepared, JIT.
    await load(bareUrl, getConnections, reads, { duration: 2 });
    await load(productUrl, getConnections, reads, { duration: 2 });
    const api = apiPid(product.pid);
    const bareGet = await loadWithCpu(bare.pid, bareUrl, getConnections, reads, { duration: seconds });
    const productGet = await loadWithCpu(api, productUrl, getConnections, reads, { duration: seconds });
    if (getOnly) {
      console.log(`GET /applications/:id as its enterprise, ${getConnections} connections, ${seconds} s:\n  product: ${show(productGet)}\n  bare NestJS + one pg SELECT: ${show(bareGet)}`);
      console.log(`all goals met: no (only the GET was measured)`);
      return;
    }

    // Each request on an application of its own; a client may build one request ahead, hence the margin.
    const actionCount = count - 2 * actionConnections;
    const submit = await loadWithCpu(api, productUrl, actionConnections, applications.map((a) => ({ path: `/applications/${a.id}/actions/submit`, token: a.token })), { method: 'POST', amount: actionCount });
    // Which ones were submitted is not known here: start_review on every one, keeping those it took.
    const inReview: SeededApplication[] = [];
    await inLanes(applications, actionConnections, async (a) => {
      const taken = await http.call('POST', `/applications/${a.id}/actions/start_review`, admin, {}).then(() => true, () => false);
      if (taken) inReview.push(a);
    });
    if (inReview.length !== submit.ok) throw new Error(`start_review took ${inReview.length} applications, submit answered ${submit.ok} with 2xx`);
    const submitted = inReview.length;
    const formal = await loadWithCpu(api, productUrl, actionConnections, inReview.map((a) => ({ path: `/applications/${a.id}/actions/pass_formal_review`, token: admin })), {
      method: 'POST',
      amount: Math.max(actionConnections, submitted - 2 * actionConnections),
    });

    // The higher of the two engine figures: a goal met against it is met against either.
    const engineRate = Math.max(engine.read, engine.held);
    const ratios = { get: productGet.perSecond / bareGet.perSecond, action: formal.perSecond / engineRate, submit: submit.perSecond / engineRate };
    console.log(`machine: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.cpus()[0]?.model ?? ''}`);
    console.log(`product: dist/apps/main.js (API + worker as two processes, as npm start; CPU per request is the API process's), NODE_ENV=production, LOG_LEVEL=${process.env.LOG_LEVEL ?? 'info (default)'}, log in ${LOG_FILE}`);
    console.log(`GET /applications/:id as its enterprise, ${getConnections} connections, ${seconds} s:`);
    console.log(`  product: ${show(productGet)}`);
    console.log(`  bare NestJS + one pg SELECT: ${show(bareGet)}`);
    console.log(`  ratio: ${ratios.get.toFixed(2)} (goal ≥ ${GOALS.get})`);
    console.log(`engine-direct (bench:transitions, ${actionConnections} clients, ${engineSeconds} s): reading first ${engine.read.toFixed(0)}/s, snapshot held ${engine.held.toFixed(0)}/s; the baseline is the higher`);
    console.log(`HTTP pass_formal_review as office admin, ${actionConnections} connections, ${formal.ok + formal.failed} applications:`);
    console.log(`  ${show(formal)}`);
    console.log(`  ratio to engine-direct: ${ratios.action.toFixed(2)} (goal ≥ ${GOALS.action})`);
    console.log(`HTTP submit as the enterprise, ${actionConnections} connections, ${submit.ok + submit.failed} applications:`);
    console.log(`  ${show(submit)}`);
    console.log(`  ratio to engine-direct: ${ratios.submit.toFixed(2)} (goal ≥ ${GOALS.submit})`);
    const failures = submit.failed + formal.failed + productGet.failed + bareGet.failed;
    if (failures) console.log(`requests that failed: ${failures} (see ${LOG_FILE})`);

    const missed = (Object.keys(GOALS) as Array<keyof typeof GOALS>).filter((k) => !(ratios[k] >= GOALS[k]));
    if (failures) missed.push('no failed requests' as never);
    console.log(`all goals met: ${missed.length ? `no (${missed.join(', ')})` : 'yes'}`);
  } finally {
    await Promise.all([stop(product), stop(bare)]);
    closeSync(log);
    await dropDatabase(DB_NAME);
    await deletePrefixKeys(redisUrl, prefix).catch(() => 0);
  }
}

main().catch((error) => {
  console.error(error);
  try {
    console.error(`last lines of ${LOG_FILE}:\n${readFileSync(LOG_FILE, 'utf8').split('\n').slice(-6).map((l) => l.slice(0, 400)).join('\n')}`);
  } catch {
    // no product log yet
  }
  process.exit(1);
});
