import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfigService, DatabaseConnector, drainInBatches, NotifyOrPollLoop, QueueName, QueueService, withTimeout } from '@awardflow/platform';
import { claimUnscheduledDeadlines, markDeadlinesScheduled } from '@awardflow/workflow';
import { DataSource } from 'typeorm';

const BATCH = 1000;

export function deadlineJobId(id: string, generation: number): string {
  // BullMQ refuses ':' in custom ids; a new generation (an extension) gets a new id.
  return `${id}-${generation}`;
}

/**
 * Puts deadline rows on BullMQ as delayed jobs once their transaction has committed (rows are
 * the truth; a job is only the fast path). Claims rows with SKIP LOCKED so several workers share
 * the work, and marks the generation it scheduled in the same transaction that saw Redis accept.
 * It polls (DEADLINE_SCHEDULE_INTERVAL_MS): nothing NOTIFYs it when rows are written.
 */
@Injectable()
export class DeadlineScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeadlineScheduler.name);
  private readonly loop: NotifyOrPollLoop;

  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: QueueService,
    config: AppConfigService,
    database: DatabaseConnector,
  ) {
    this.loop = new NotifyOrPollLoop({
      name: 'deadline scheduler',
      logger: this.logger,
      pass: () => this.scheduleDue(),
      pollIntervalMs: config.get('DEADLINE_SCHEDULE_INTERVAL_MS'),
      ready: () => database.whenConnected(),
    });
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }

  /** Schedules everything unscheduled now; returns how many jobs were added. */
  scheduleDue(): Promise<number> {
    return drainInBatches(() => this.scheduleBatch(), BATCH);
  }

  private scheduleBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await claimUnscheduledDeadlines(manager, BATCH);
      if (rows.length === 0) return 0;
      const now = Date.now();
      await withTimeout(
        this.queues.enqueueBulk(
          QueueName.Deadlines,
          'deadline.fire',
          rows.map((r) => ({
            data: { v: 1 as const, deadlineId: r.id, generation: r.generation },
            jobId: deadlineJobId(r.id, r.generation),
            options: { delay: Math.max(0, new Date(r.dueAt).getTime() - now) },
          })),
        ),
        5_000,
        'Redis did not accept the jobs',
      );
      await markDeadlinesScheduled(manager, rows);
      return rows.length;
    });
  }
}
