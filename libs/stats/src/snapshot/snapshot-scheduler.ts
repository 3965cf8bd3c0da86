import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SnapshotService } from './snapshot.service';

/** How old the statistics may get: the worker rebuilds the snapshot this often (and once at start). */
export const STATS_REFRESH_INTERVAL_MS = 5 * 60_000;

/**
 * The worker's timer for the statistics' snapshot. Not needed for correctness (the API rebuilds a
 * missing snapshot, admins may ask for a rebuild); with N workers, whichever takes the advisory lock
 * rebuilds and the others skip.
 */
@Injectable()
export class SnapshotScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SnapshotScheduler.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(private readonly snapshot: SnapshotService) {}

  onApplicationBootstrap(): void {
    this.tick();
    this.timer = setInterval(() => this.tick(), STATS_REFRESH_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.snapshot
      .refresh({ wait: false })
      .catch((error: unknown) => this.logger.error(`statistics snapshot rebuild failed: ${(error as Error).message}`))
      .finally(() => (this.running = undefined));
  }
}
