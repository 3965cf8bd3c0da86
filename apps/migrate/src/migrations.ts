// Relative paths, not @awardflow/* aliases: jest's globalSetup loads this file without jest's module
// mapper (it builds the tests' template database from this list).
import { APPLICATIONS_MIGRATIONS } from '../../../libs/applications/src/migrations';
import { CALENDAR_MIGRATIONS } from '../../../libs/calendar/src/migrations';
import { CYCLES_MIGRATIONS } from '../../../libs/cycles/src/migrations';
import { IDENTITY_MIGRATIONS } from '../../../libs/identity/src/migrations';
import { NOTIFICATIONS_MIGRATIONS } from '../../../libs/notifications/src/migrations';
import { type MigrationClass } from '../../../libs/platform/src/database/run-migrations';
import { SHARED_MIGRATIONS } from '../../../libs/platform/src/migrations';
import { REVIEW_MIGRATIONS } from '../../../libs/review/src/migrations';
import { STATS_MIGRATIONS } from '../../../libs/stats/src/migrations';
import { WORKFLOW_MIGRATIONS } from '../../../libs/workflow/src/migrations';

/** The timestamp every migration class name ends with (TypeORM orders and records by it). */
export function migrationTimestamp(migration: MigrationClass): number {
  const match = /(\d{13})$/.exec(migration.name);
  if (!match) throw new Error(`migration ${migration.name} has no 13-digit timestamp at the end of its name`);
  return Number(match[1]);
}

/**
 * The schema's timeline, oldest first, assembled from the lib that owns each table (each lib's
 * src/migrations/index.ts). Landed migrations are never edited: add a new one to the owning lib's
 * list with a later timestamp. Assembled here, in an app, so no lib imports another's schema.
 */
export const MIGRATIONS: readonly MigrationClass[] = [
  ...SHARED_MIGRATIONS,
  ...WORKFLOW_MIGRATIONS,
  ...IDENTITY_MIGRATIONS,
  ...CYCLES_MIGRATIONS,
  ...REVIEW_MIGRATIONS,
  ...NOTIFICATIONS_MIGRATIONS,
  ...CALENDAR_MIGRATIONS,
  ...APPLICATIONS_MIGRATIONS,
  ...STATS_MIGRATIONS,
].sort((a, b) => migrationTimestamp(a) - migrationTimestamp(b));
