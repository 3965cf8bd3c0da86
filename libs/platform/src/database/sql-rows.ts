import type { Pool, PoolClient } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { SqlRunner } from './sql-runner';

/**
 * The rows of one statement, typed by the caller (columns aliased to the row's field names).
 * Outside a transaction the statement goes straight to the pg pool: TypeORM's per-query
 * QueryRunner costs more CPU than a short read itself (issue 15's profile). Inside one, the
 * transaction's runner; either way the rows come back alone (TypeORM's `query` answers an UPDATE
 * with `[rows, count]`).
 */
export async function sqlRows<T>(runner: SqlRunner, sql: string, params: unknown[] = []): Promise<T[]> {
  const target = targetOf(runner);
  if (target instanceof EntityManager) return (await target.queryRunner!.query(sql, params, true)).records as T[];
  if (target) return (await target.query(sql, params)).rows as T[];
  return runner.query(sql, params);
}

/**
 * sqlRows for a statement every request runs: a named prepared statement, so each connection
 * parses and plans it once and then sends only its parameters (Postgres shares the machine's cores
 * with the API), on the pool or on a transaction's own connection. `name` must stand for this one
 * `sql` text. On another runner, the same statement unnamed.
 */
export async function preparedRows<T>(runner: SqlRunner, name: string, sql: string, params: unknown[]): Promise<T[]> {
  const target = targetOf(runner);
  const client = target instanceof EntityManager ? (target.queryRunner as unknown as { databaseConnection?: PoolClient }).databaseConnection : target;
  if (client) return (await client.query({ name, text: sql, values: params })).rows as T[];
  return sqlRows<T>(runner, sql, params);
}

/** How many rows a write touched. */
export async function sqlAffected(runner: SqlRunner, sql: string, params: unknown[] = []): Promise<number> {
  const target = targetOf(runner);
  if (target instanceof EntityManager) return (await target.queryRunner!.query(sql, params, true)).affected ?? 0;
  if (target) return (await target.query(sql, params)).rowCount ?? 0;
  const result = await runner.query(sql, params);
  return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
}

/** A transaction's manager, the pool behind a DataSource (or a manager outside a transaction), or null for another runner. */
function targetOf(runner: SqlRunner): EntityManager | Pool | null {
  if (runner instanceof EntityManager && runner.queryRunner) return runner;
  const dataSource = runner instanceof EntityManager ? runner.connection : runner instanceof DataSource ? runner : null;
  return dataSource ? ((dataSource.driver as PostgresDriver).master as Pool) : null;
}
