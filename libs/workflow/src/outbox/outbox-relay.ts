import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfigService, DatabaseConnector, QueueName, QueueService } from '@awardflow/platform';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { OUTBOX_CHANNEL } from './outbox-notifier';

const BATCH_SIZE = 200;
const ENQUEUE_TIMEOUT_MS = 5_000;
const MAX_BACKOFF_MS = 30_000;

/**
 * Moves outbox rows onto BullMQ (at least once; jobId = row id makes it effectively once).
 * Rows are claimed with FOR UPDATE SKIP LOCKED, so several relays share the work without
 * overlap; a row is marked dispatched only in the transaction that saw Redis accept its job.
 * While Redis is down the transaction rolls back, rows wait, and the relay backs off.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private stopped = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private pendingWake = false;
  private listener?: Client;
  private listenerRetry?: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: QueueService,
    private readonly config: AppConfigService,
    private readonly database: DatabaseConnector,
  ) {}

  onApplicationBootstrap(): void {
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    if (this.listenerRetry) clearTimeout(this.listenerRetry);
    await this.loop;
    await this.listener?.end().catch(() => undefined);
  }

  /** Relays everything waiting now; returns how many rows were dispatched. Used by tests and benches too. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.relayBatch();
      total += n;
      if (n < BATCH_SIZE) return total;
    }
  }

  private async run(): Promise<void> {
    await this.database.whenConnected();
    void this.listen();
    let backoff = 0;
    while (!this.stopped) {
      try {
        await this.drain();
        backoff = 0;
        await this.sleep(this.config.get('OUTBOX_POLL_INTERVAL_MS'), true);
      } catch (error) {
        backoff = Math.min(Math.max(500, backoff * 2), MAX_BACKOFF_MS);
        this.logger.warn(`outbox relay: ${(error as Error).message}; retrying in ${backoff} ms`);
        await this.sleep(backoff, false);
      }
    }
  }

  private async relayBatch(): Promise<number> {
    const claimed: string[] = [];
    try {
      return await this.dataSource.transaction(async (manager) => {
        const rows: Array<{ id: string }> = await manager.query(
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
        await manager.query(`UPDATE outbox SET dispatched_at = now(), attempts = attempts + 1 WHERE id = ANY($1::uuid[])`, [claimed]);
        return rows.length;
      });
    } catch (error) {
      if (claimed.length) {
        await this.dataSource
          .query(`UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1::uuid[]) AND dispatched_at IS NULL`, [claimed, (error as Error).message])
          .catch(() => undefined);
      }
      throw error;
    }
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.config.get('DATABASE_URL'), application_name: 'awardflow-outbox-listener' });
    const retry = () => {
      if (this.stopped || this.listener !== client) return;
      this.listener = undefined;
      client.end().catch(() => undefined);
      this.listenerRetry = setTimeout(() => void this.listen(), 2_000);
      this.listenerRetry.unref();
    };
    this.listener = client;
    client.on('notification', () => this.wakeUp());
    client.on('error', retry);
    client.on('end', retry);
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      this.wakeUp(); // rows may have arrived while we were not listening
    } catch {
      retry();
    }
  }

  private wakeUp(): void {
    this.pendingWake = true;
    this.wake?.();
  }

  private sleep(ms: number, wakeable: boolean): Promise<void> {
    if (wakeable && this.pendingWake) {
      this.pendingWake = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        if (!wakeable && !this.stopped) return;
        this.pendingWake = false;
        this.wake = undefined;
        done();
      };
    });
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
