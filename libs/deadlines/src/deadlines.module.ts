import { Module } from '@nestjs/common';
import { ApplicationsCoreModule, ApplicationsModule } from '@awardflow/applications';
import { AuditModule } from '@awardflow/audit';
import { NotificationsWorkerModule } from '@awardflow/notifications';
import { DatabaseModule, QueueModule } from '@awardflow/platform';
import { WorkflowModule } from '@awardflow/workflow';
import { DeadlineExtension } from './extension/deadline-extension';
import { DeadlinesController } from './extension/deadlines.controller';
import { DeadlineFiring } from './firing/deadline-firing';
import { DeadlinesProcessor } from './firing/deadlines.processor';
import { DeadlineReconciler } from './scheduling/deadline-reconciler';
import { DeadlineScheduler } from './scheduling/deadline-scheduler';
import { MaintenanceProcessor } from './scheduling/maintenance.processor';

/** The API side: list and extend deadlines. */
@Module({
  imports: [ApplicationsModule, WorkflowModule, AuditModule, QueueModule],
  controllers: [DeadlinesController],
  providers: [DeadlineExtension],
  exports: [DeadlineExtension],
})
export class DeadlinesModule {}

/** The worker side: schedule rows onto BullMQ, fire them, reconcile with Postgres. */
@Module({
  imports: [ApplicationsCoreModule, NotificationsWorkerModule, WorkflowModule, AuditModule, QueueModule, DatabaseModule],
  providers: [DeadlineScheduler, DeadlineFiring, DeadlineReconciler, DeadlinesProcessor, MaintenanceProcessor, DeadlineExtension],
  exports: [DeadlineFiring, DeadlineReconciler, DeadlineScheduler],
})
export class DeadlinesWorkerModule {}
