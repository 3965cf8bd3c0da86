import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfigService, JobOf, logWorkerError, QueueName, SHORT_JOB_LOCKS } from '@awardflow/platform';
import type { Job } from 'bullmq';
import { DeadlineFiring } from './deadline-firing';

@Processor(QueueName.Deadlines, { ...SHORT_JOB_LOCKS })
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
