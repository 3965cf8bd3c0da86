import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import type { JobsOptions, Queue } from 'bullmq';
import { dropErrorsAfterClose } from './orphaned-connection-errors';
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
      dropErrorsAfterClose(queue);
      let lastLogged = 0;
      queue.on('error', (error: Error) => {
        if (Date.now() - lastLogged < 10_000) return;
        lastLogged = Date.now();
        this.logger.warn(`queue ${queue.name}: ${error.message}`);
      });
    }
  }

  /**
   * Closes every queue, bounded: a queue that never reached Redis closes at once (BullMQ drops the
   * pending connection), one mid-command gets 2 s. Never `disconnect()` here: it waits for a
   * connection that may never come.
   */
  async onApplicationShutdown(): Promise<void> {
    await Promise.all(
      Object.values(this.queues).map((queue) =>
        Promise.race([queue.close().catch(() => undefined), new Promise((r) => setTimeout(r, 2_000).unref())]),
      ),
    );
  }

  queue(name: QueueName): Queue {
    return this.queues[name];
  }

  /** Many jobs of one name in one round trip; each keeps its own deterministic jobId. */
  async enqueueBulk<Q extends QueueName, N extends JobNameOf<Q>>(
    queue: Q,
    name: N,
    jobs: Array<{ data: JobDataOf<Q, N>; jobId: string; options?: JobsOptions }>,
  ): Promise<void> {
    await this.queues[queue].addBulk(jobs.map((job) => ({ name, data: job.data, opts: { ...DEFAULT_JOB_OPTIONS, ...job.options, jobId: job.jobId } })));
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
