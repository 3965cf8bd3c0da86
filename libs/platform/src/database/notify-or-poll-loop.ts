import type { LoggerService } from '@nestjs/common';
import { PgChannelListener } from './pg-channel-listener';

const MIN_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 30_000;

export interface NotifyOrPollLoopOptions {
  /** Starts its warnings: `<name>: <error>; retrying in 500 ms`. */
  name: string;
  logger: Pick<LoggerService, 'warn'>;
  /** Does everything waiting now; a throw backs the loop off (500 ms, doubling up to 30 s). */
  pass: () => Promise<unknown>;
  /** The wait between passes when nothing wakes the loop. */
  pollIntervalMs: number;
  /** Resolves once the database is reachable; the first pass waits for it. */
  ready: () => Promise<void>;
  /**
   * Wake on a NOTIFY on `channel`, heard on a connection of the loop's own, opened again 2 s after
   * it drops. Without it the loop only polls (or is woken by `wake()`).
   */
  listen?: { connectionString: string; channel: string; applicationName: string };
}

/**
 * A background loop that runs `pass` whenever it is woken (a NOTIFY, or `wake()` in process) and
 * otherwise every poll interval; the poll is what finds work a lost notification left behind.
 * A wake that comes during a pass makes the next pass start at once; one that comes while the
 * loop backs off from an error is kept for after the backoff, so a failing database or Redis is
 * not hammered. `stop()` ends the wait in progress, lets the pass in progress finish and closes
 * the listening connection.
 */
export class NotifyOrPollLoop {
  private stopped = false;
  private loop?: Promise<void>;
  private pendingWake = false;
  private interruptSleep?: () => void;
  private listener?: PgChannelListener;

  constructor(private readonly options: NotifyOrPollLoopOptions) {}

  start(): void {
    this.loop ??= this.run();
  }

  wake(): void {
    this.pendingWake = true;
    this.interruptSleep?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.interruptSleep?.();
    await this.listener?.stop();
    await this.loop;
  }

  private async run(): Promise<void> {
    await this.options.ready();
    if (this.options.listen && !this.stopped) {
      // Work may have arrived while nothing was listening: a (re)connected listener wakes the loop.
      this.listener = new PgChannelListener({ ...this.options.listen, onNotify: () => this.wake(), onListening: () => this.wake() });
      this.listener.start();
    }
    let backoff = 0;
    while (!this.stopped) {
      try {
        await this.options.pass();
        backoff = 0;
        await this.sleep(this.options.pollIntervalMs, true);
      } catch (error) {
        backoff = Math.min(Math.max(MIN_BACKOFF_MS, backoff * 2), MAX_BACKOFF_MS);
        this.options.logger.warn(`${this.options.name}: ${(error as Error).message}; retrying in ${backoff} ms`);
        await this.sleep(backoff, false);
      }
    }
  }

  /** Waits `ms`; a wake ends the wait only if `wakeable`, `stop()` always does. */
  private sleep(ms: number, wakeable: boolean): Promise<void> {
    // A stop during the pass: end now rather than after a whole interval.
    if (this.stopped) return Promise.resolve();
    if (wakeable && this.pendingWake) {
      this.pendingWake = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.interruptSleep = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.interruptSleep = () => {
        if (!wakeable && !this.stopped) return;
        this.pendingWake = false;
        done();
      };
    });
  }
}

/**
 * A loop pass that works in batches: runs `batch` (one transaction each) until one comes back
 * short, so a pass empties what was waiting when it started; returns how many it handled.
 */
export async function drainInBatches(batch: () => Promise<number>, batchSize: number): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await batch();
    total += n;
    if (n < batchSize) return total;
  }
}
