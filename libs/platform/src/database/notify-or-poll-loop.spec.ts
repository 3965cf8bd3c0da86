import { afterEach, describe, expect, it } from '@jest/globals';
import { NotifyOrPollLoop, NotifyOrPollLoopOptions } from './notify-or-poll-loop';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(condition: () => boolean, what: string, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

/** A poll-only loop (no database) counting its passes and warnings. */
function loopWith(options: Partial<NotifyOrPollLoopOptions>) {
  const seen = { passes: 0, warnings: [] as string[], startedAt: [] as number[] };
  const loop = new NotifyOrPollLoop({
    name: 'test loop',
    logger: { warn: (message: string) => void seen.warnings.push(message) },
    pollIntervalMs: 60_000,
    ready: async () => undefined,
    ...options,
    pass: async () => {
      seen.passes++;
      seen.startedAt.push(Date.now());
      await options.pass?.();
    },
  });
  return { loop, seen };
}

describe('NotifyOrPollLoop', () => {
  const loops: NotifyOrPollLoop[] = [];
  afterEach(async () => {
    await Promise.all(loops.map((l) => l.stop()));
    loops.length = 0;
  });

  it('runs a pass once ready, then one per poll interval', async () => {
    let ready!: () => void;
    const { loop, seen } = loopWith({ pollIntervalMs: 20, ready: () => new Promise<void>((r) => (ready = r)) });
    loops.push(loop);
    loop.start();
    await sleep(50);
    expect(seen.passes).toBe(0);
    ready();
    await until(() => seen.passes >= 3, 'three passes');
  });

  it('a wake ends the wait at once, and one during a pass makes the next pass start at once', async () => {
    let release: (() => void) | undefined;
    const { loop, seen } = loopWith({ pass: () => (seen.passes === 2 ? new Promise<void>((r) => (release = r)) : Promise.resolve()) });
    loops.push(loop);
    loop.start();
    await until(() => seen.passes === 1, 'the first pass');
    loop.wake();
    await until(() => release !== undefined, 'the second pass');
    loop.wake();
    release!();
    await until(() => seen.passes === 3, 'a third pass without waiting the interval');
    await sleep(50);
    expect(seen.passes).toBe(3);
  });

  it('backs off after a failing pass, doubling from 500 ms; a wake waits out the backoff and runs a pass after the next success', async () => {
    const { loop, seen } = loopWith({
      pass: async () => {
        if (seen.passes <= 2) throw new Error('Redis is down');
      },
    });
    loops.push(loop);
    loop.start();
    await until(() => seen.passes === 1, 'the first pass');
    loop.wake();
    await until(() => seen.passes >= 3, 'two retries');
    // The wake did not cut the backoff short: the retry came no sooner than 500 ms after the failure
    // (a lower bound, which a busy machine can only lengthen).
    expect(seen.startedAt[1] - seen.startedAt[0]).toBeGreaterThanOrEqual(500);
    expect(seen.startedAt[2] - seen.startedAt[1]).toBeGreaterThanOrEqual(1000);
    expect(seen.warnings).toEqual(['test loop: Redis is down; retrying in 500 ms', 'test loop: Redis is down; retrying in 1000 ms']);
    await until(() => seen.passes === 4, 'the pass the kept wake asked for');
  });

  it('stop lets the pass in progress finish and does not wait out the interval after it', async () => {
    let release!: () => void;
    const { loop, seen } = loopWith({ pass: () => new Promise<void>((r) => (release = r)) });
    loop.start();
    await until(() => seen.passes === 1, 'the pass');
    let stopped = false;
    const stopping = loop.stop().then(() => (stopped = true));
    await sleep(20);
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(seen.passes).toBe(1);
  });
});
