import { describe, expect, it } from '@jest/globals';
import { ThrottlerStorageService } from '@nestjs/throttler';
import { ThrottlerQueueStorage } from './throttler-queue-storage';

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

describe('ThrottlerQueueStorage', () => {
  it.each([
    ['blocking for a while after the limit', 5, 10_000, 10_000],
    ['blocking for longer than the window', 3, 2_000, 7_000],
    ['without blocking', 4, 3_000, 0],
  ])('answers as @nestjs/throttler’s own storage does, %s', async (_name, limit, ttl, blockDuration) => {
    let now = 1_700_000_000_000;
    const realNow = Date.now;
    Date.now = () => now; // the built-in storage reads the clock itself
    try {
      const builtIn = new ThrottlerStorageService();
      const ours = new ThrottlerQueueStorage(() => now);
      const next = random(limit * 31 + ttl);
      for (let i = 0; i < 3_000; i++) {
        now += Math.floor(next() * 900);
        const key = `k${Math.floor(next() * 3)}`;
        const expected = await builtIn.increment(key, ttl, limit, blockDuration, 'default');
        const actual = await ours.increment(key, ttl, limit, blockDuration, 'default');
        expect({ i, ...actual }).toEqual({ i, ...expected });
      }
      builtIn.onApplicationShutdown();
      ours.onApplicationShutdown();
    } finally {
      Date.now = realNow;
    }
  });

  it('keeps 200,000 live hits of one address exactly, pruning from the front', async () => {
    const storage = new ThrottlerQueueStorage(() => 1);
    for (let i = 0; i < 200_000; i++) await storage.increment('one-address', 60_000, 1e9, 60_000, 'default');
    const record = await storage.increment('one-address', 60_000, 1e9, 60_000, 'default');
    expect(record.totalHits).toBe(200_001);
    storage.onApplicationShutdown();
  });
});
