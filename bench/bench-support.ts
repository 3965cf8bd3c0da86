import { spawnSync } from 'node:child_process';
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

/** A fresh, migrated database of the benchmark's own (dropped first if a previous run left it). */
export async function freshDatabase(name: string): Promise<string> {
  await dropDatabase(name);
  const url = databaseUrl(name);
  await ensureDatabase(url);
  await migrateSchema(url);
  return url;
}

export async function dropDatabase(name: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** pgbench's tpcb-like run on its own database, on the same server; returns its TPS. */
export async function pgbenchTps(clients: number, threads: number, seconds: number, scale: number): Promise<number> {
  const name = 'awardflow_bench_pgbench';
  await dropDatabase(name);
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
    await dropDatabase(name);
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
