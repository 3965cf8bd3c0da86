import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { AppConfigService, EnvironmentOverrides, HealthModule, PlatformModule, QueueModule, RedisClient, SharedThrottlerStorage, ThrottlerQueueStorage } from '@awardflow/platform';
import { AuditController } from './audit/audit.controller';
import { FailedJobsController } from './ops/failed-jobs.controller';
import { OpsModule } from './ops/ops.module';
import { WebModule } from './web/web.module';
import { AuditModule } from '@awardflow/audit';
import { IdentityModule, PASSWORD_ATTEMPT_THROTTLERS, passwordAttemptThrottlers } from '@awardflow/identity';
import { WorkflowModule } from '@awardflow/workflow';
import { AwardsModule } from '@awardflow/awards';
import { CyclesModule } from '@awardflow/cycles';
import { ApplicationsModule } from '@awardflow/applications';
import { DeadlinesModule } from '@awardflow/deadlines';
import { NotificationsModule } from '@awardflow/notifications';
import { ReviewModule } from '@awardflow/review';
import { CalendarModule } from '@awardflow/calendar';
import { StatsModule } from '@awardflow/stats';

@Module({})
export class ApiModule {
  static forRoot(env: EnvironmentOverrides = {}): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        PlatformModule.forRoot(env),
        ThrottlerModule.forRootAsync({
          imports: [QueueModule],
          inject: [AppConfigService, RedisClient],
          useFactory: (config: AppConfigService, redis: RedisClient) => ({
            // The built-in storage's answers at O(1) per request (see ThrottlerQueueStorage); the
            // password-attempt limits in Redis, shared by every API replica.
            storage: new SharedThrottlerStorage(new ThrottlerQueueStorage(), {
              redis: redis.redis,
              prefix: config.get('QUEUE_PREFIX'),
              shared: PASSWORD_ATTEMPT_THROTTLERS,
            }),
            throttlers: [
              { name: 'default', ttl: config.get('RATE_LIMIT_WINDOW_SECONDS') * 1000, limit: config.get('RATE_LIMIT_PER_MINUTE') },
              ...passwordAttemptThrottlers({
                perAddress: config.get('LOGIN_RATE_LIMIT_PER_MINUTE'),
                perAccount: config.get('LOGIN_RATE_LIMIT_PER_ACCOUNT_PER_MINUTE'),
                windowMs: config.get('RATE_LIMIT_WINDOW_SECONDS') * 1000,
              }),
            ],
          }),
        }),
        HealthModule,
        AuditModule,
        IdentityModule,
        WorkflowModule,
        AwardsModule,
        CyclesModule,
        ApplicationsModule,
        DeadlinesModule,
        NotificationsModule,
        ReviewModule,
        CalendarModule,
        StatsModule,
        OpsModule,
        WebModule,
      ],
      controllers: [FailedJobsController, AuditController],
      providers: [{ provide: APP_GUARD, useClass: ThrottlerGuard }],
    };
  }
}
