import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { RedisClient } from '../queue/redis-client';
import { withTimeout } from '../async/with-timeout';

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
