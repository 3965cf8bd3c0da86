import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * Connects the TypeORM DataSource without blocking start-up: a process that starts while
 * Postgres is down still serves /health (503) and connects as soon as Postgres answers.
 */
@Injectable()
export class DatabaseConnector implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(DatabaseConnector.name);
  private connecting?: Promise<void>;
  private retryTimer?: NodeJS.Timeout;
  private stopped = false;

  constructor(private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    await this.tryConnect();
  }

  get isConnected(): boolean {
    return this.dataSource.isInitialized;
  }

  /** Resolves once connected; used by background services that need the database at start. */
  async whenConnected(): Promise<void> {
    while (!this.dataSource.isInitialized && !this.stopped) {
      await (this.connecting ?? new Promise((r) => setTimeout(r, 200)));
      if (!this.dataSource.isInitialized) await new Promise((r) => setTimeout(r, 200));
    }
  }

  private async tryConnect(): Promise<void> {
    if (this.dataSource.isInitialized || this.stopped) return;
    this.connecting ??= this.dataSource
      .initialize()
      .then(() => this.logger.log('Connected to PostgreSQL'))
      .catch((error: Error) => {
        this.logger.warn(`PostgreSQL unavailable (${error.message}); retrying in 2 s`);
        this.retryTimer = setTimeout(() => void this.tryConnect(), 2_000);
        this.retryTimer.unref();
      })
      .finally(() => (this.connecting = undefined));
    await this.connecting;
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
