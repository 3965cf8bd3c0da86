import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { ALL_QUEUES, QueueName, QueueService } from '@awardflow/platform';
import { readDeadlineBacklog, readOutboxBacklog } from '@awardflow/workflow';

/** The BullMQ states reported per queue (`prioritized` holds waiting jobs that have a priority). */
export const QUEUE_STATES = ['waiting', 'prioritized', 'delayed', 'active', 'failed', 'completed'] as const;
type QueueState = (typeof QUEUE_STATES)[number];

/** One source must not hold up a scrape: Redis commands queue while it reconnects. */
const SOURCE_TIMEOUT_MS = 2_000;
/** The gauges of one scrape share one read of each source (a scrape starts a fresh one). */
const SNAPSHOT_REUSE_MS = 1_000;

interface QueueSnapshot {
  counts: Record<QueueName, Record<QueueState, number>>;
  oldestWaitingAge: Record<QueueName, number>;
}

interface DatabaseSnapshot {
  pendingDeadlines: number;
  overdueLag: number;
  unrelayedOutbox: number;
  oldestUnrelayedAge: number;
}

let processRegistry: Registry | undefined;

/** Process metrics are per process, not per app instance: registered once (tests start many apps). */
function defaultMetricsRegistry(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/**
 * Prometheus metrics, all read at scrape time in the gauges' collect() callbacks: nothing polls.
 * If Redis or Postgres does not answer within 2 s, that source's gauges are left out of the scrape
 * and `awardflow_metrics_source_up{source}` is 0.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  private queueRead?: { at: number; snapshot: Promise<QueueSnapshot> };
  private databaseRead?: { at: number; snapshot: Promise<DatabaseSnapshot> };
  private readonly sourceUp: Gauge<'source'>;

  constructor(
    private readonly queues: QueueService,
    private readonly dataSource: DataSource,
  ) {
    const registers = [this.registry];
    // Set from the other collect() callbacks; awaiting both sources here keeps it current.
    this.sourceUp = new Gauge({
      name: 'awardflow_metrics_source_up',
      help: 'Whether the last scrape could read the source (redis, postgres): 1 yes, 0 no',
      labelNames: ['source'],
      registers,
      collect: async () => {
        await Promise.allSettled([this.queueSnapshot(), this.databaseSnapshot()]);
      },
    });

    const service = this;
    new Gauge({
      name: 'awardflow_queue_jobs',
      help: 'BullMQ jobs per queue and state (waiting, prioritized, delayed, active, failed, completed)',
      labelNames: ['queue', 'state'],
      registers,
      async collect() {
        this.reset();
        const snapshot = await service.queueSnapshot().catch(() => undefined);
        if (!snapshot) return;
        for (const queue of ALL_QUEUES) {
          for (const state of QUEUE_STATES) this.set({ queue, state }, snapshot.counts[queue][state]);
        }
      },
    });
    new Gauge({
      name: 'awardflow_queue_oldest_waiting_age_seconds',
      help: 'Seconds since the next job in the wait list became runnable (0 when none waits)',
      labelNames: ['queue'],
      registers,
      async collect() {
        this.reset();
        const snapshot = await service.queueSnapshot().catch(() => undefined);
        if (!snapshot) return;
        for (const queue of ALL_QUEUES) this.set({ queue }, snapshot.oldestWaitingAge[queue]);
      },
    });
    const databaseGauge = (name: string, help: string, read: (snapshot: DatabaseSnapshot) => number): void => {
      new Gauge({
        name,
        help,
        registers,
        async collect() {
          this.reset();
          const snapshot = await service.databaseSnapshot().catch(() => undefined);
          if (snapshot) this.set(read(snapshot));
        },
      });
    };
    databaseGauge('awardflow_deadlines_pending', 'Deadlines not yet fired or cancelled', (s) => s.pendingDeadlines);
    databaseGauge(
      'awardflow_deadlines_overdue_lag_seconds',
      'Seconds the oldest pending deadline is past its due time (0 when none is overdue)',
      (s) => s.overdueLag,
    );
    databaseGauge('awardflow_outbox_unrelayed', 'Outbox events not yet relayed to the events queue', (s) => s.unrelayedOutbox);
    databaseGauge(
      'awardflow_outbox_oldest_unrelayed_age_seconds',
      'Age in seconds of the oldest outbox event not yet relayed (0 when none)',
      (s) => s.oldestUnrelayedAge,
    );
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** The text exposition of this app's metrics and the process's default ones. */
  metrics(): Promise<string> {
    this.queueRead = undefined;
    this.databaseRead = undefined;
    return Registry.merge([defaultMetricsRegistry(), this.registry]).metrics();
  }

  private queueSnapshot(): Promise<QueueSnapshot> {
    if (!this.queueRead || Date.now() - this.queueRead.at > SNAPSHOT_REUSE_MS) {
      this.queueRead = { at: Date.now(), snapshot: this.track('redis', this.readQueues()) };
    }
    return this.queueRead.snapshot;
  }

  private databaseSnapshot(): Promise<DatabaseSnapshot> {
    if (!this.databaseRead || Date.now() - this.databaseRead.at > SNAPSHOT_REUSE_MS) {
      this.databaseRead = { at: Date.now(), snapshot: this.track('postgres', this.readDatabase()) };
    }
    return this.databaseRead.snapshot;
  }

  private async track<T>(source: 'redis' | 'postgres', read: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${source} did not answer within ${SOURCE_TIMEOUT_MS} ms`)), SOURCE_TIMEOUT_MS);
    });
    read.catch(() => undefined); // a late failure after the timeout must not be unhandled
    try {
      const value = await Promise.race([read, timeout]);
      this.sourceUp.set({ source }, 1);
      return value;
    } catch (error) {
      this.sourceUp.set({ source }, 0);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  private async readQueues(): Promise<QueueSnapshot> {
    const now = Date.now();
    const entries = await Promise.all(
      ALL_QUEUES.map(async (name) => {
        const queue = this.queues.queue(name);
        const [counts, [next]] = await Promise.all([queue.getJobCounts(...QUEUE_STATES), queue.getWaiting(0, 0)]);
        let age = 0;
        if (next) {
          // A delayed or retried job waits from when its delay ended, not from when it was created.
          const runnableSince = Math.max(next.timestamp + (next.delay ?? 0), next.processedOn ?? 0);
          age = Math.max(0, (now - runnableSince) / 1000);
        }
        const byState = Object.fromEntries(QUEUE_STATES.map((state) => [state, counts[state] ?? 0])) as Record<QueueState, number>;
        return [name, byState, age] as const;
      }),
    );
    return {
      counts: Object.fromEntries(entries.map(([name, counts]) => [name, counts])) as QueueSnapshot['counts'],
      oldestWaitingAge: Object.fromEntries(entries.map(([name, , age]) => [name, age])) as QueueSnapshot['oldestWaitingAge'],
    };
  }

  private async readDatabase(): Promise<DatabaseSnapshot> {
    const [deadlines, outbox] = await Promise.all([readDeadlineBacklog(this.dataSource), readOutboxBacklog(this.dataSource)]);
    return {
      pendingDeadlines: deadlines.pending,
      overdueLag: deadlines.overdueLagSeconds,
      unrelayedOutbox: outbox.unrelayed,
      oldestUnrelayedAge: outbox.oldestUnrelayedAgeSeconds,
    };
  }
}
