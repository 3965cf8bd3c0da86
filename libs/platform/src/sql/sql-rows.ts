import type { Pool } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/** Where a statement runs: the pool, or a caller's transaction (its EntityManager). */
export type SqlRunner = DataSource | EntityManager;

/**
 * The rows of one statement, typed by the caller (columns aliased to the row's field names).
 * Outside a transaction the statement goes straight to the pg pool: TypeORM's per-query
 * QueryRunner costs more CPU than a short read itself (issue 15's profile). Inside one, the
 * transaction's runner; either way the rows come back alone (TypeORM's `query` answers an UPDATE
 * with `[rows, count]`).
 */
export async function sqlRows<T>(runner: SqlRunner, sql: string, params: unknown[] = []): Promise<T[]> {
  const transaction = runner instanceof EntityManager ? runner.queryRunner : undefined;
  if (transaction) return (await transaction.query(sql, params, true)).records as T[];
  return (await poolOf(runner).query(sql, params)).rows as T[];
}

/** How many rows a write touched. */
export async function sqlAffected(runner: SqlRunner, sql: string, params: unknown[] = []): Promise<number> {
  const transaction = runner instanceof EntityManager ? runner.queryRunner : undefined;
  if (transaction) return (await transaction.query(sql, params, true)).affected ?? 0;
  return (await poolOf(runner).query(sql, params)).rowCount ?? 0;
}

function poolOf(runner: SqlRunner): Pool {
  const dataSource = runner instanceof EntityManager ? runner.connection : runner;
  return (dataSource.driver as PostgresDriver).master as Pool;
}
