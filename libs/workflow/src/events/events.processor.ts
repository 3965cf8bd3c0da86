import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { JobOf, logWorkerError, QueueName, SHORT_JOB_LOCKS, sqlRows } from '@awardflow/platform';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { OutboxEvent } from './outbox-event';
import { OutboxEventRouter } from './outbox-event-router';

/** Runs the handlers of each relayed outbox event. Errors are rethrown so BullMQ retries. */
@Processor(QueueName.Events, { concurrency: 10, ...SHORT_JOB_LOCKS })
export class EventsProcessor extends WorkerHost {
  private readonly logger = new Logger(EventsProcessor.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly router: OutboxEventRouter,
  ) {
    super();
  }

  async process(job: Job<JobOf<QueueName.Events>['data'], void, JobOf<QueueName.Events>['name']>): Promise<void> {
    switch (job.name) {
      case 'outbox.event':
        return this.handle(job.data.outboxId);
      default: {
        const unknown: never = job.name;
        throw new Error(`no handler for job ${String(unknown)} on ${QueueName.Events}`);
      }
    }
  }

  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    logWorkerError(this.logger, QueueName.Events, error);
  }

  private async handle(outboxId: string): Promise<void> {
    const [event] = await sqlRows<OutboxEvent>(this.dataSource, `SELECT id, event, instance_id AS "instanceId", payload, created_at AS "createdAt" FROM outbox WHERE id = $1`, [outboxId]);
    if (!event) {
      this.logger.warn(`outbox row ${outboxId} is gone; nothing to do`);
      return;
    }
    const handlers = this.router.handlersFor(event.event);
    // The boot check makes this unreachable for what this worker's definitions emit; a row from
    // elsewhere (an older release, a hand-written row) fails the job, kept and visible, not acknowledged.
    if (handlers.length === 0) throw new Error(`outbox event "${event.event}" (row ${event.id}) has no handler in this worker`);
    for (const handler of handlers) await handler(event);
  }
}
