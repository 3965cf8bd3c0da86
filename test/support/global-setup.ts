import { migrateSchema } from '../../apps/migrate/src/migrate';
import { ensureDatabase } from '../../libs/platform/src/database/run-migrations';
import { databaseUrl, TEMPLATE_ENV, uniqueName, withServer } from './test-database';

/** Builds this run's template database by running every migration: that is how migrations get tested. */
export default async function globalSetup(): Promise<void> {
  const name = uniqueName('awardflow_tpl');
  const url = databaseUrl(name);
  await ensureDatabase(url);
  await migrateSchema(url);
  process.env[TEMPLATE_ENV] = name;
  // Leftovers of runs that were killed before their teardown (older than an hour).
  await withServer(async (c) => {
    const { rows } = await c.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname ~ '^awardflow_(test|tpl)_' AND datname <> $1`,
      [name],
    );
    for (const { datname } of rows) {
      const stamp = parseInt(datname.split('_')[2] ?? '', 36);
      if (Number.isFinite(stamp) && Date.now() - stamp > 3_600_000) {
        await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => undefined);
      }
    }
  });
}
