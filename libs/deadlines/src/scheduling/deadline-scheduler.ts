import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfigService, DatabaseConnector, NotifyOrPollLoop, QueueName, QueueService } from '@awardflow/platform';
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
  async scheduleDue(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.scheduleBatch();
      total += n;
      if (n < BATCH) return total;
    }
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
      );
      await markDeadlinesScheduled(manager, rows);
      return rows.length;
    });
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('Redis did not accept the jobs')), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
