import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { JobOf, logWorkerError, QueueName } from '@awardflow/platform';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { OutboxEvent } from './outbox-event';
import { OutboxEventRouter } from './outbox-event-router';

/** Runs the handlers of each relayed outbox event. Errors are rethrown so BullMQ retries. */
@Processor(QueueName.Events, { concurrency: 10 })
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
    const [row] = await this.dataSource.query(`SELECT id, event, instance_id, payload, created_at FROM outbox WHERE id = $1`, [outboxId]);
    if (!row) {
      this.logger.warn(`outbox row ${outboxId} is gone; nothing to do`);
      return;
    }
    const handlers = this.router.handlersFor(row.event);
    // The boot check makes this unreachable for what this worker's definitions emit; a row from
    // elsewhere (an older release, a hand-written row) fails the job, kept and visible, not acknowledged.
    if (handlers.length === 0) throw new Error(`outbox event "${row.event}" (row ${row.id}) has no handler in this worker`);
    const event: OutboxEvent = { id: row.id, event: row.event, instanceId: row.instance_id, payload: row.payload, createdAt: row.created_at };
    for (const handler of handlers) await handler(event);
  }
}
