import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { Cluster, type Redis } from 'ioredis';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

export interface SharedThrottlerOptions {
  /** A connection that fails fast (RedisClient's): a sign-in never waits on a Redis that is away. */
  redis: Redis | Cluster;
  /** Keeps this deployment's counters apart from another's on the same Redis (QUEUE_PREFIX). */
  prefix: string;
  /** The throttlers counted in Redis; the others stay in this process. */
  shared: readonly string[];
}

/**
 * The named throttlers (the password-attempt limits) counted in Redis, so N API replicas allow a
 * guesser the limit once, not N times; every other throttler (the general per-address limit, a
 * guard of each process's own capacity, hit on every request) stays in the process's memory. When
 * Redis does not answer within a second, an attempt is counted here instead: the limits still hold
 * per process, and sign-in goes on.
 */
export class SharedThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly logger = new Logger(SharedThrottlerStorage.name);
  private readonly inRedis: ThrottlerStorageRedisService;
  private readonly shared: ReadonlySet<string>;
  private readonly prefix: string;
  private outage = false;

  constructor(
    private readonly local: ThrottlerStorage & Partial<OnApplicationShutdown>,
    options: SharedThrottlerOptions,
  ) {
    const connection = options.redis;
    this.inRedis = connection instanceof Cluster ? new ThrottlerStorageRedisService(connection) : new ThrottlerStorageRedisService(connection);
    this.shared = new Set(options.shared);
    // The library makes each key a hash tag of its own ({key:name}): braces in the prefix would pin every key to one slot.
    this.prefix = options.prefix.replace(/[{}]/g, '');
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    if (!this.shared.has(throttlerName)) return this.local.increment(key, ttl, limit, blockDuration, throttlerName);
    try {
      const record = await this.inRedis.increment(`${this.prefix}:throttle:${key}`, ttl, limit, blockDuration, throttlerName);
      this.outage = false;
      return record;
    } catch (error) {
      if (!this.outage) this.logger.warn(`Redis did not count a ${throttlerName} attempt (${error instanceof Error ? error.message : String(error)}): counted in this process until it answers`);
      this.outage = true;
      return this.local.increment(key, ttl, limit, blockDuration, throttlerName);
    }
  }

  onApplicationShutdown(signal?: string): void {
    // Nest sees this storage only: the one it wraps is shut down from here (the connection is RedisClient's).
    void this.local.onApplicationShutdown?.(signal);
  }
}
