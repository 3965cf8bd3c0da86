import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { RedisClient } from '../queue/redis-client';

const PING_TIMEOUT_MS = 1_000;

@Injectable()
export class PlatformHealthIndicators {
  constructor(
    private readonly health: HealthIndicatorService,
    private readonly dataSource: DataSource,
    private readonly redisClient: RedisClient,
  ) {}

  async database() {
    const check = this.health.check('database');
    if (!this.dataSource.isInitialized) return check.down({ message: 'not connected' });
    try {
      // Raw on purpose (not sqlRows): a ping has no rows to type, and through TypeORM it checks the
      // driver the way every repository call uses it, not only the pool behind it.
      await withTimeout(this.dataSource.query('SELECT 1'), PING_TIMEOUT_MS);
      return check.up();
    } catch (error) {
      return check.down({ message: (error as Error).message });
    }
  }

  async redis() {
    const check = this.health.check('redis');
    try {
      await this.redisClient.ping(PING_TIMEOUT_MS);
      return check.up();
    } catch (error) {
      return check.down({ message: (error as Error).message });
    }
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
