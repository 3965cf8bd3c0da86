import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import type { Cluster, Redis } from 'ioredis';
import { AppConfigService } from '../config/app-config.service';
import { createRedisConnection } from './redis-connection';

/**
 * A plain Redis connection for health checks, operations and the shared sign-in limits
 * (SharedThrottlerStorage), separate from BullMQ's own: it fails fast, never queueing a command
 * while disconnected nor waiting over a second on a Redis that stalls.
 */
@Injectable()
export class RedisClient implements OnApplicationShutdown {
  /** One Redis, or the Redis Cluster (REDIS_CLUSTER_NODES): commands route to the node holding the key. */
  readonly redis: Redis | Cluster;

  constructor(config: AppConfigService) {
    this.redis = createRedisConnection({ REDIS_URL: config.get('REDIS_URL'), REDIS_CLUSTER_NODES: config.get('REDIS_CLUSTER_NODES') }, {
      // Fail fast while disconnected instead of queueing commands: health must answer at once.
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      commandTimeout: 1_000,
      lazyConnect: false,
    });
    this.redis.on('error', () => undefined);
  }

  async ping(timeoutMs = 1_000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      // Commands fail at once while (re)connecting; give a fresh connection the same bound to come up.
      const ready = this.redis.status === 'ready' ? Promise.resolve() : new Promise<void>((resolve) => this.redis.once('ready', () => resolve()));
      await Promise.race([ready.then(() => this.redis.ping()), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
  }
}
