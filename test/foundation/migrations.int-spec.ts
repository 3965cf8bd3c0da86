import { describe, expect, it } from '@jest/globals';
import { Client } from 'pg';
import { migrateSchema, revertLastSchemaMigration } from '../../apps/migrate/src/migrate';
import { MIGRATIONS } from '../../apps/migrate/src/migrations';
import { ensureDatabase } from '../../libs/platform/src/database/run-migrations';
import { databaseUrl, uniqueName, withServer } from '../support/test-database';

async function tables(url: string): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
    return rows.map((r) => r.tablename);
  } finally {
    await client.end();
  }
}

describe('migrations', () => {
  it('apply on an empty database, revert all the way down, and apply again', async () => {
    const name = uniqueName('awardflow_test');
    const url = databaseUrl(name);
    await ensureDatabase(url);
    try {
      const applied = await migrateSchema(url);
      expect(applied).toHaveLength(MIGRATIONS.length);
      const full = await tables(url);
      expect(full).toEqual(expect.arrayContaining(['users', 'offices', 'schema_migrations']));
      expect(await migrateSchema(url)).toEqual([]);

      for (let i = 0; i < MIGRATIONS.length; i++) await revertLastSchemaMigration(url);
      expect(await tables(url)).toEqual(['schema_migrations']);

      expect(await migrateSchema(url)).toHaveLength(MIGRATIONS.length);
      expect(await tables(url)).toEqual(full);
    } finally {
      await withServer((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    }
  });

  it('let two processes migrate one database at once without a clash', async () => {
    const name = uniqueName('awardflow_test');
    const url = databaseUrl(name);
    await ensureDatabase(url);
    try {
      const [a, b] = await Promise.all([migrateSchema(url), migrateSchema(url)]);
      expect(a.length + b.length).toBe(MIGRATIONS.length);
    } finally {
      await withServer((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    }
  });
});
