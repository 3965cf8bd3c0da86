import { ChildProcess, spawnSync } from 'node:child_process';
import { Client } from 'pg';
import { migrateSchema } from '../apps/migrate/src/migrate';
import { ensureDatabase } from '../libs/platform/src/database/run-migrations';

/** Command-line flags of a bench script: `--seconds 20 --clients 16`. */
export function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

export function stringFlag(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

export function serverUrl(): string {
  return stringFlag('server', 'postgres://postgres@127.0.0.1:5432/postgres');
}

export function databaseUrl(name: string): string {
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * A bench's database is named for its run (`<name>_<pid>`): two benches, or two runs of one, side
 * by side never drop each other's database `WITH (FORCE)` mid-run. What a killed run left behind
 * (its pid gone) is dropped by the next run of the same bench.
 */
export function runDatabaseName(name: string): string {
  return `${name}_${process.pid}`;
}

/** A fresh, migrated database of the benchmark's own (see runDatabaseName). */
export async function freshDatabase(name: string): Promise<string> {
  await dropLeftovers(name);
  await dropDatabase(name);
  const url = databaseUrl(runDatabaseName(name));
  await ensureDatabase(url);
  await migrateSchema(url);
  return url;
}

/** Drops this run's database of that name. */
export async function dropDatabase(name: string): Promise<void> {
  await dropExact(runDatabaseName(name));
}

async function dropExact(database: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** The databases of earlier runs of this bench whose process is gone. */
async function dropLeftovers(name: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl() });
  await client.connect();
  let rows: Array<{ datname: string }>;
  try {
    ({ rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname ~ $1`, [`^${name}(_[0-9]+)?$`]));
  } finally {
    await client.end();
  }
  for (const { datname } of rows) {
    const pid = Number(datname.slice(name.length + 1));
    if (pid && pid !== process.pid && isAlive(pid)) continue;
    if (datname !== runDatabaseName(name)) await dropExact(datname);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** pgbench's tpcb-like run on its own database, on the same server; returns its TPS. */
export async function pgbenchTps(clients: number, threads: number, seconds: number, scale: number): Promise<number> {
  const base = 'awardflow_bench_pgbench';
  await dropLeftovers(base);
  await dropDatabase(base);
  const name = runDatabaseName(base);
  const admin = new Client({ connectionString: serverUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl());
  const conn = ['-h', url.hostname, '-p', url.port || '5432', '-U', decodeURIComponent(url.username || 'postgres')];
  try {
    const init = spawnSync('pgbench', [...conn, '-i', '-q', '-s', String(scale), name], { encoding: 'utf8' });
    if (init.status !== 0) throw new Error(`pgbench -i failed: ${init.stderr}`);
    const run = spawnSync('pgbench', [...conn, '-c', String(clients), '-j', String(threads), '-T', String(seconds), name], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`pgbench failed: ${run.stderr}`);
    const match = /tps = ([\d.]+) \(without initial connection time\)/.exec(run.stdout) ?? /tps = ([\d.]+)/.exec(run.stdout);
    if (!match) throw new Error(`could not read pgbench's tps from:\n${run.stdout}`);
    return Number(match[1]);
  } finally {
    await dropDatabase(base);
  }
}

/** Runs fn over items with `lanes` in flight. */
export async function inLanes<T>(items: T[], lanes: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(lanes, items.length) }, async () => {
      for (;;) {
        const i = next++;
        if (i >= items.length) return;
        await fn(items[i], i);
      }
    }),
  );
}

/** Ends a process: SIGTERM (or the signal given), then SIGKILL if it has not exited within 15 s. Resolves once it has exited. */
export function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const hard = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(hard);
      resolve();
    });
    child.kill(signal);
  });
}

/** How long `fn` takes, in seconds, with its result. */
export async function seconds<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = process.hrtime.bigint();
  const result = await fn();
  return [Number(process.hrtime.bigint() - t0) / 1e9, result];
}

/** `warmups` unmeasured calls of fn, then the milliseconds of `samples` calls, sorted. */
export async function latenciesMs(fn: () => Promise<unknown>, samples: number, warmups = 3): Promise<number[]> {
  for (let i = 0; i < warmups; i++) await fn();
  const latencies: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return latencies.sort((a, b) => a - b);
}

/** Runs a bench's main, exiting 1 on what it throws. */
export function runBench(main: () => Promise<void>): void {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
