// A relative path for the same reason as in ./migrations.
import { revertLastMigration, runMigrations } from '../../../libs/platform/src/database/run-migrations';
import { MIGRATIONS } from './migrations';

/** Brings the database at this URL up to the whole schema; returns the names applied. */
export function migrateSchema(databaseUrl: string): Promise<string[]> {
  return runMigrations(databaseUrl, MIGRATIONS);
}

/** Reverts the schema's latest migration: the `down` path, exercised by the migration test. */
export function revertLastSchemaMigration(databaseUrl: string): Promise<void> {
  return revertLastMigration(databaseUrl, MIGRATIONS);
}
