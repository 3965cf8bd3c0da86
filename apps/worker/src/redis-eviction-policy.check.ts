import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { RedisClient } from '@awardflow/platform';

const READY_TIMEOUT_MS = 5_000;

/**
 * BullMQ keeps jobs, locks and schedules in Redis keys: under any maxmemory-policy but noeviction,
 * Redis may drop them when memory runs short, and jobs vanish or run twice. The worker checks at
 * start (and on every reconnect, since Redis may have been replaced) and warns; it does not refuse
 * to run. Where CONFIG is not allowed (managed Redis, ACLs) it says so at debug level and carries on.
 */
@Injectable()
export class RedisEvictionPolicyCheck implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RedisEvictionPolicyCheck.name);
  private readonly onReady = (): void => void this.check().catch(() => undefined);
  /** The last warning logged, for tests and diagnostics. */
  lastWarning?: string;

  constructor(private readonly client: RedisClient) {}

  onApplicationBootstrap(): void {
    // Never holds up start-up: the connection may still be coming up, or Redis may be down.
    this.client.redis.on('ready', this.onReady);
    if (this.client.redis.status === 'ready') this.onReady();
  }

  onApplicationShutdown(): void {
    this.client.redis.off('ready', this.onReady);
  }

  /** Reads maxmemory-policy and warns unless it is noeviction; undefined when it could not be read. */
  async check(): Promise<string | undefined> {
    let policy: string | undefined;
    try {
      await this.ready();
      const reply = (await this.client.redis.config('GET', 'maxmemory-policy')) as string[];
      policy = reply[1];
    } catch (error) {
      this.logger.debug(`Could not read Redis maxmemory-policy (${(error as Error).message}); make sure it is noeviction, which BullMQ needs`);
      return undefined;
    }
    if (policy === undefined) {
      this.logger.debug('Redis did not report a maxmemory-policy; make sure it is noeviction, which BullMQ needs');
      return undefined;
    }
    if (policy !== 'noeviction') {
      this.lastWarning =
        `Redis maxmemory-policy is ${policy}, but BullMQ needs noeviction: under memory pressure Redis may evict ` +
        `queue keys and jobs get lost or run twice. Set maxmemory-policy noeviction (CONFIG SET maxmemory-policy noeviction and in redis.conf).`;
      this.logger.warn(this.lastWarning);
    }
    return policy;
  }

  private async ready(): Promise<void> {
    const redis = this.client.redis;
    if (redis.status === 'ready') return;
    let timer: NodeJS.Timeout | undefined;
    let listener: (() => void) | undefined;
    try {
      await new Promise<void>((resolve, reject) => {
        listener = resolve;
        redis.once('ready', listener);
        timer = setTimeout(() => reject(new Error(`Redis not connected within ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS);
      });
    } finally {
      clearTimeout(timer);
      if (listener) redis.off('ready', listener);
    }
  }
}
