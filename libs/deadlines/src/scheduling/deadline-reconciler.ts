import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfigService, DatabaseConnector, QueueName, QueueService } from '@awardflow/platform';
import { markDeadlinesUnscheduled, overdueDeadlineIds, scheduledPendingDeadlines } from '@awardflow/workflow';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { DeadlineFiring } from '../firing/deadline-firing';
import { deadlineJobId } from './deadline-scheduler';

const SCHEDULER_ID = 'deadlines-reconcile';
// A job this late has been lost or its worker is stuck: fire it from the row.
const OVERDUE_GRACE_SECONDS = 30;

/**
 * Postgres is the truth, Redis only holds work in flight: re-schedule pending deadlines whose
 * job Redis no longer has (a FLUSHALL, a lost instance) and fire overdue ones directly. Runs at
 * worker start and then from a BullMQ job scheduler, which several workers upsert without
 * duplicating.
 */
@Injectable()
export class DeadlineReconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeadlineReconciler.name);
  private watchdog?: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: QueueService,
    private readonly firing: DeadlineFiring,
    private readonly config: AppConfigService,
    private readonly database: DatabaseConnector,
  ) {}

  onApplicationBootstrap(): void {
    void this.start();
  }

  onApplicationShutdown(): void {
    if (this.watchdog) clearInterval(this.watchdog);
  }

  private async start(): Promise<void> {
    await this.database.whenConnected();
    for (let attempt = 0; ; attempt++) {
      try {
        await this.ensureScheduler();
        await this.reconcile();
        break;
      } catch (error) {
        this.logger.warn(`deadline reconciler could not start: ${(error as Error).message}`);
        await new Promise((r) => setTimeout(r, Math.min(1_000 * 2 ** attempt, 30_000)));
      }
    }
    // The job scheduler itself lives in Redis: if Redis lost it (a flush, a fresh instance), put
    // it back and reconcile at once, since whatever else Redis held is gone too.
    this.watchdog = setInterval(() => {
      void this.queues
        .queue(QueueName.Maintenance)
        .getJobScheduler(SCHEDULER_ID)
        .then(async (existing) => {
          if (existing) return;
          this.logger.warn('the reconcile job scheduler was missing from Redis; restoring it');
          await this.ensureScheduler();
          await this.reconcile();
        })
        .catch((error: Error) => this.logger.warn(`deadline watchdog: ${error.message}`));
    }, this.config.get('DEADLINE_RECONCILE_INTERVAL_MS'));
    this.watchdog.unref();
  }

  private async ensureScheduler(): Promise<void> {
    await this.queues
      .queue(QueueName.Maintenance)
      .upsertJobScheduler(SCHEDULER_ID, { every: this.config.get('DEADLINE_RECONCILE_INTERVAL_MS') }, { name: 'deadlines.reconcile', data: { v: 1 } });
  }

  async reconcile(): Promise<{ rescheduled: number; firedOverdue: number }> {
    const rescheduled = await this.rescheduleMissing();
    const overdue = await overdueDeadlineIds(this.dataSource, OVERDUE_GRACE_SECONDS);
    let firedOverdue = 0;
    for (const id of overdue) {
      if ((await this.firing.fire(id, null)) === 'fired') firedOverdue++;
    }
    if (rescheduled || firedOverdue) this.logger.log(`reconciled deadlines: ${rescheduled} re-scheduled, ${firedOverdue} overdue fired`);
    return { rescheduled, firedOverdue };
  }

  /** Pending rows marked scheduled whose job key is gone from Redis go back to the scheduler. */
  private async rescheduleMissing(): Promise<number> {
    const queue = this.queues.queue(QueueName.Deadlines);
    const client = await queue.client;
    let missing: string[] = [];
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await scheduledPendingDeadlines(this.dataSource, after);
      if (rows.length === 0) break;
      const pipeline = (client as unknown as Redis).pipeline();
      for (const r of rows) pipeline.exists(queue.toKey(deadlineJobId(r.id, r.generation)));
      const results = (await pipeline.exec()) ?? [];
      missing = missing.concat(rows.filter((_, i) => results[i]?.[1] === 0).map((r) => r.id));
      after = rows[rows.length - 1].id;
    }
    if (missing.length) await markDeadlinesUnscheduled(this.dataSource, missing);
    return missing.length;
  }
}
