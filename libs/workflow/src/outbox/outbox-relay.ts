import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfigService, DatabaseConnector, drainInBatches, NotifyOrPollLoop, QueueName, QueueService, sqlAffected, sqlRows, withTimeout } from '@awardflow/platform';
import { DataSource } from 'typeorm';
import { OUTBOX_CHANNEL } from './outbox-notifier';

const BATCH_SIZE = 200;
const ENQUEUE_TIMEOUT_MS = 5_000;

/**
 * Moves outbox rows onto BullMQ (at least once; jobId = row id makes it effectively once).
 * Rows are claimed with FOR UPDATE SKIP LOCKED, so several relays share the work without
 * overlap; a row is marked dispatched only in the transaction that saw Redis accept its job.
 * While Redis is down the transaction rolls back, rows wait, and the relay backs off. Woken by
 * the NOTIFY that OutboxNotifier sends once rows have committed, polling in case one is lost.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly loop: NotifyOrPollLoop;

  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: QueueService,
    config: AppConfigService,
    database: DatabaseConnector,
  ) {
    this.loop = new NotifyOrPollLoop({
      name: 'outbox relay',
      logger: this.logger,
      pass: () => this.drain(),
      pollIntervalMs: config.get('OUTBOX_POLL_INTERVAL_MS'),
      ready: () => database.whenConnected(),
      listen: { connectionString: config.get('DATABASE_URL'), channel: OUTBOX_CHANNEL, applicationName: 'awardflow-outbox-listener' },
    });
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }

  /** Relays everything waiting now; returns how many rows were dispatched. Used by tests and benches too. */
  drain(): Promise<number> {
    return drainInBatches(() => this.relayBatch(), BATCH_SIZE);
  }

  private async relayBatch(): Promise<number> {
    const claimed: string[] = [];
    try {
      return await this.dataSource.transaction(async (manager) => {
        const rows = await sqlRows<{ id: string }>(
          manager,
          `SELECT id FROM outbox WHERE dispatched_at IS NULL ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
          [BATCH_SIZE],
        );
        if (rows.length === 0) return 0;
        claimed.push(...rows.map((r) => r.id));
        await withTimeout(
          this.queues.enqueueBulk(QueueName.Events, 'outbox.event', rows.map((r) => ({ data: { v: 1 as const, outboxId: r.id }, jobId: r.id }))),
          ENQUEUE_TIMEOUT_MS,
          'Redis did not accept the jobs',
        );
        await sqlAffected(manager, `UPDATE outbox SET dispatched_at = now(), attempts = attempts + 1 WHERE id = ANY($1::uuid[])`, [claimed]);
        return rows.length;
      });
    } catch (error) {
      if (claimed.length) {
        await sqlAffected(this.dataSource, `UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1::uuid[]) AND dispatched_at IS NULL`, [claimed, (error as Error).message]).catch(() => undefined);
      }
      throw error;
    }
  }
}
