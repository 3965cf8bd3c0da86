import type { DataSourceOptions } from 'typeorm';
import { AfterCommitSubscriber } from './after-commit';

/**
 * One place that says how we talk to Postgres: used by the apps, the migration CLI and the tests.
 * Only the migration runner is given the migrations (apps/migrate assembles them from the libs).
 */
export function dataSourceOptions(databaseUrl: string, applicationName: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    // The schema only ever changes through migrations.
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: 'schema_migrations',
    // afterCommit() hooks (the outbox's wake-up) run on the commits this subscriber sees.
    subscribers: [AfterCommitSubscriber],
    migrationsTransactionMode: 'each',
    applicationName,
    extra: {
      max: 20,
      connectionTimeoutMillis: 5_000,
      // Sessions never idle inside a transaction for long: a stuck client must not hold row locks.
      idle_in_transaction_session_timeout: 60_000,
    },
  };
}
