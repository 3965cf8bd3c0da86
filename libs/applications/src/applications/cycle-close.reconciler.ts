import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfigService } from '@awardflow/platform';
import { CycleClose } from './cycle-close';

/**
 * In the worker: finishes a close the process died in (the cycle closed, some of its applications
 * not yet moved) at start and then every DEADLINE_RECONCILE_INTERVAL_MS. Several workers may run it
 * at once: the batch locks its rows and skips what another already moved.
 */
@Injectable()
export class CycleCloseReconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CycleCloseReconciler.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly cycleClose: CycleClose,
    private readonly config: AppConfigService,
  ) {}

  onApplicationBootstrap(): void {
    // A failed run (the database away) is logged and tried again on the next tick.
    this.run();
    this.timer = setInterval(() => this.run(), this.config.get('DEADLINE_RECONCILE_INTERVAL_MS'));
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  private run(): void {
    if (this.running) return;
    this.running = this.cycleClose
      .reconcile()
      .catch((error: Error) => this.logger.warn(`finishing closed cycles failed: ${error.message}`))
      .finally(() => (this.running = undefined));
  }
}
