import { DataSource, MigrationInterface } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/** A migration class; the list is assembled by apps/migrate, so platform imports no lib's schema. */
export type MigrationClass = new () => MigrationInterface;

function migrationDataSource(databaseUrl: string, migrations: readonly MigrationClass[]): DataSource {
  return new DataSource({ ...dataSourceOptions(databaseUrl, 'awardflow-migrate'), migrations: [...migrations] });
}

// Any constant works; it only has to be the same for every process that migrates this database.
const MIGRATION_LOCK_KEY = 0x4157_4446; // "AWDF"

/**
 * Runs pending migrations under a session advisory lock, so several replicas starting at once
 * migrate one after the other instead of racing. Returns the names of the migrations applied.
 */
export async function runMigrations(databaseUrl: string, migrations: readonly MigrationClass[]): Promise<string[]> {
  const dataSource = migrationDataSource(databaseUrl, migrations);
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((m) => m.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
    await dataSource.destroy();
  }
}

/** Reverts the most recent migration: the `down` path, exercised by the migration test. */
export async function revertLastMigration(databaseUrl: string, migrations: readonly MigrationClass[]): Promise<void> {
  const dataSource = migrationDataSource(databaseUrl, migrations);
  await dataSource.initialize();
  try {
    await dataSource.undoLastMigration({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}

/** Creates the database named in the URL if it does not exist (first start on a fresh machine). */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!name) return;
  url.pathname = '/postgres';
  const admin = new DataSource({ type: 'postgres', url: url.toString(), applicationName: 'awardflow-migrate' });
  await admin.initialize();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.length === 0) await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await admin.destroy();
  }
}
