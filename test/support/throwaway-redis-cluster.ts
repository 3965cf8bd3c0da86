import { ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Redis, { Cluster } from 'ioredis';
import { freePort } from './throwaway-redis';

const run = promisify(execFile);

/**
 * A Redis Cluster of the test's own: three masters (no replicas) on spare ports, each a
 * redis-server in cluster mode with its node file in a temporary directory, joined by
 * `redis-cli --cluster create`. Stopped (and its directory removed) by stop(). The shared Redis
 * on 6379 is never touched.
 */
export class ThrowawayRedisCluster {
  private readonly processes: ChildProcess[] = [];

  private constructor(
    readonly ports: number[],
    private readonly dir: string,
  ) {}

  static async start(masters = 3): Promise<ThrowawayRedisCluster> {
    const ports: number[] = [];
    while (ports.length < masters) {
      const port = await freePort();
      // A cluster node also listens on port + 10000 (the bus): both must be free and distinct.
      if (port + 10000 > 65535 || ports.includes(port) || ports.some((p) => p + 10000 === port || port + 10000 === p)) continue;
      ports.push(port);
    }
    const cluster = new ThrowawayRedisCluster(ports, mkdtempSync(join(tmpdir(), 'awardflow-redis-cluster-')));
    try {
      await cluster.boot();
    } catch (error) {
      await cluster.stop();
      throw error;
    }
    return cluster;
  }

  /** REDIS_CLUSTER_NODES for the product. */
  get nodes(): string {
    return this.ports.map((p) => `127.0.0.1:${p}`).join(',');
  }

  /** A cluster client for the test's own reads. */
  async client<T>(fn: (cluster: Cluster) => Promise<T>): Promise<T> {
    const cluster = new Cluster(this.ports.map((port) => ({ host: '127.0.0.1', port })), { redisOptions: { maxRetriesPerRequest: 1 } });
    cluster.on('error', () => undefined);
    try {
      return await fn(cluster);
    } finally {
      cluster.disconnect();
    }
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.processes.map((proc) =>
        proc.exitCode !== null || proc.signalCode !== null
          ? Promise.resolve()
          : new Promise<void>((resolve) => {
              proc.once('exit', () => resolve());
              proc.kill('SIGKILL');
            }),
      ),
    );
    this.processes.length = 0;
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async boot(): Promise<void> {
    for (const port of this.ports) {
      const proc = spawn(
        'redis-server',
        [
          '--port', String(port),
          '--bind', '127.0.0.1',
          '--cluster-enabled', 'yes',
          '--cluster-config-file', join(this.dir, `nodes-${port}.conf`),
          '--dir', this.dir,
          '--save', '',
          '--appendonly', 'no',
          '--maxmemory-policy', 'noeviction',
        ],
        { stdio: 'ignore' },
      );
      this.processes.push(proc);
    }
    for (const port of this.ports) await waitUntil(() => answers(port, 'PING', (reply) => reply === 'PONG'), `redis node ${port} to start`);
    await run('redis-cli', ['--cluster', 'create', ...this.ports.map((p) => `127.0.0.1:${p}`), '--cluster-replicas', '0', '--cluster-yes'], { timeout: 60_000 });
    // Every node must see the whole cluster, not only the one the slots were assigned through.
    for (const port of this.ports) {
      await waitUntil(() => answers(port, 'CLUSTER INFO', (reply) => /cluster_state:ok/.test(reply) && new RegExp(`cluster_known_nodes:${this.ports.length}\\b`).test(reply)), `node ${port} to report cluster_state:ok`);
    }
  }
}

async function answers(port: number, command: string, ok: (reply: string) => boolean): Promise<boolean> {
  const redis = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    const [name, ...args] = command.split(' ');
    return ok(String(await redis.call(name, ...args)));
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

/** Polls a condition with a bound (never a fixed sleep). */
async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
