import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfigService, JobOf, logWorkerError, QueueName } from '@awardflow/platform';
import type { Job } from 'bullmq';
import { NotificationsService } from '@awardflow/notifications';
import { DeadlineFiring } from './deadline-firing';
import { DeadlineReconciler } from './deadline-reconciler';

@Processor(QueueName.Deadlines)
export class DeadlinesProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(DeadlinesProcessor.name);

  constructor(
    private readonly firing: DeadlineFiring,
    private readonly config: AppConfigService,
  ) {
    super();
  }

  // The worker exists only after onModuleInit (created by the BullMQ explorer).
  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.get('DEADLINE_CONCURRENCY');
  }

  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    logWorkerError(this.logger, QueueName.Deadlines, error);
  }

  async process(job: Job<JobOf<QueueName.Deadlines>['data'], unknown, JobOf<QueueName.Deadlines>['name']>): Promise<unknown> {
    switch (job.name) {
      case 'deadline.fire':
        return this.firing.fire(job.data.deadlineId, job.data.generation);
      default: {
        const unknown: never = job.name;
        throw new Error(`no handler for ${String(unknown)} on ${QueueName.Deadlines}`);
      }
    }
  }
}

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
