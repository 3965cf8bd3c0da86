import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { JobOf, logWorkerError, QueueName } from '@awardflow/platform';
import type { Job } from 'bullmq';
import { NotificationsService } from '@awardflow/notifications';
import { DeadlineReconciler } from './deadline-reconciler';

@Processor(QueueName.Maintenance)
export class MaintenanceProcessor extends WorkerHost {
  private readonly logger = new Logger(MaintenanceProcessor.name);

  constructor(
    private readonly reconciler: DeadlineReconciler,
    private readonly notifications: NotificationsService,
  ) {
    super();
  }

  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    logWorkerError(this.logger, QueueName.Maintenance, error);
  }

  async process(job: Job<JobOf<QueueName.Maintenance>['data'], unknown, JobOf<QueueName.Maintenance>['name']>): Promise<unknown> {
    switch (job.name) {
      case 'deadlines.reconcile': {
        const deadlines = await this.reconciler.reconcile();
        // Redis holds only work in flight: put unsent emails back on their queue too.
        return { ...deadlines, emailsRequeued: await this.notifications.enqueuePending() };
      }
      default: {
        const unknown: never = job.name;
        throw new Error(`no handler for ${String(unknown)} on ${QueueName.Maintenance}`);
      }
    }
  }
}
