import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import type { JobsOptions, Queue } from 'bullmq';
import { JobDataOf, JobNameOf, QueueName } from './queue-names';

/** Default retry policy: exponential backoff, then the job stays in the failed set for admins. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: false,
};

/** The one typed way to put work on a queue. */
@Injectable()
export class QueueService implements OnApplicationShutdown {
  private readonly logger = new Logger(QueueService.name);
  private readonly queues: Record<QueueName, Queue>;

  constructor(
    @InjectQueue(QueueName.Events) events: Queue,
    @InjectQueue(QueueName.Deadlines) deadlines: Queue,
    @InjectQueue(QueueName.Notifications) notifications: Queue,
    @InjectQueue(QueueName.Maintenance) maintenance: Queue,
  ) {
    this.queues = {
      [QueueName.Events]: events,
      [QueueName.Deadlines]: deadlines,
      [QueueName.Notifications]: notifications,
      [QueueName.Maintenance]: maintenance,
    };
    // An EventEmitter 'error' without a listener kills the process; Redis outages are expected
    // and ioredis reconnects by itself, so log them (at most once every 10 s per queue).
    for (const queue of Object.values(this.queues)) {
      let lastLogged = 0;
      queue.on('error', (error: Error) => {
        if (Date.now() - lastLogged < 10_000) return;
        lastLogged = Date.now();
        this.logger.warn(`queue ${queue.name}: ${error.message}`);
      });
    }
  }

  /** A queue that never reached Redis would otherwise keep reconnecting after close. */
  async onApplicationShutdown(): Promise<void> {
    await Promise.all(
      Object.values(this.queues).map(async (queue) => {
        await Promise.race([queue.close().catch(() => undefined), new Promise((r) => setTimeout(r, 2_000).unref())]);
        await queue.disconnect().catch(() => undefined);
      }),
    );
  }

  queue(name: QueueName): Queue {
    return this.queues[name];
  }

  async enqueue<Q extends QueueName, N extends JobNameOf<Q>>(
    queue: Q,
    name: N,
    data: JobDataOf<Q, N>,
    options: JobsOptions & { jobId: string },
  ): Promise<void> {
    await this.queues[queue].add(name, data, { ...DEFAULT_JOB_OPTIONS, ...options });
  }
}
