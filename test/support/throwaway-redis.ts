import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import Redis from 'ioredis';

/** A free TCP port on 127.0.0.1 (bound, then released). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * A redis-server of the test's own, for fault tests: it can be stopped, flushed and started
 * again on the same port. The shared Redis on 6379 is never touched.
 */
export class ThrowawayRedis {
  private process?: ChildProcess;

  private constructor(readonly port: number) {}

  static async start(): Promise<ThrowawayRedis> {
    const redis = new ThrowawayRedis(await freePort());
    await redis.start();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.process = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction'], {
      stdio: 'ignore',
    });
    await this.waitUntil(true);
  }

  async stop(): Promise<void> {
    const proc = this.process;
    this.process = undefined;
    if (!proc || proc.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    proc.kill('SIGKILL');
    await exited;
    await this.waitUntil(false);
  }

  async client<T>(fn: (redis: Redis) => Promise<T>): Promise<T> {
    const redis = new Redis({ port: this.port, host: '127.0.0.1', maxRetriesPerRequest: 1 });
    try {
      return await fn(redis);
    } finally {
      redis.disconnect();
    }
  }

  private async waitUntil(up: boolean): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      const answered = await this.ping();
      if (answered === up) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`redis on ${this.port} did not ${up ? 'start' : 'stop'} within 10 s`);
  }

  private async ping(): Promise<boolean> {
    const redis = new Redis({ port: this.port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
    redis.on('error', () => undefined);
    try {
      await redis.connect();
      return (await redis.ping()) === 'PONG';
    } catch {
      return false;
    } finally {
      redis.disconnect();
    }
  }
}

/**
 * The least time a wait gives its condition before failing. A wait's bound only decides how long a
 * failing test takes to say so; on a busy machine (two cores shared, CPU-bound loops beside it) a
 * worker that fires a deadline or relays an event in a second on an idle one can take far longer.
 */
export const WAIT_FLOOR_MS = 120_000;

/**
 * Polls until `check` returns a truthy value; fails after `timeoutMs` (never less than WAIT_FLOOR_MS).
 * Never a fixed sleep.
 */
export async function waitFor<T>(check: () => Promise<T | undefined | null | false>, timeoutMs = 15_000, what = 'condition'): Promise<T> {
  timeoutMs = Math.max(timeoutMs, WAIT_FLOOR_MS);
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
