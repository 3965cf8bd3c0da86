import { DynamicModule, Module } from '@nestjs/common';
import { EnvironmentOverrides, HealthModule, PlatformModule } from '@awardflow/platform';
import { WorkflowModule, WorkflowRelayModule } from '@awardflow/workflow';
import { AuditModule } from '@awardflow/audit';
import { AwardsCoreModule } from '@awardflow/awards';
import { DeadlinesWorkerModule } from '@awardflow/deadlines';
import { ApplicationsWorkerModule } from '@awardflow/applications';
import { NotificationsWorkerModule } from '@awardflow/notifications';
import { ReviewWorkerModule } from '@awardflow/review';
import { StatsWorkerModule } from '@awardflow/stats';
import { RedisEvictionPolicyCheck } from './redis-eviction-policy.check';

/** BullMQ processors over the same libs as the API; HTTP only for its own /health. */
@Module({})
export class WorkerModule {
  static forRoot(env: EnvironmentOverrides = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [PlatformModule.forRoot(env), HealthModule, AuditModule, WorkflowModule, WorkflowRelayModule, AwardsCoreModule, DeadlinesWorkerModule, NotificationsWorkerModule, ApplicationsWorkerModule, ReviewWorkerModule, StatsWorkerModule],
      providers: [RedisEvictionPolicyCheck],
    };
  }
}
