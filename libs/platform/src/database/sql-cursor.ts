import type { Pool, PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/** Rows per FETCH: small enough that a batch is a few hundred KB, large enough that round trips do not dominate. */
export const CURSOR_BATCH_SIZE = 500;

/**
 * The rows of one SELECT in batches of `batchSize`, read through a server-side cursor (DECLARE …
 * FETCH) in a read-only REPEATABLE READ transaction of its own: the whole export sees one snapshot,
 * and only one batch is ever in this process's memory, whatever the number of rows. pg's own
 * protocol is all it takes (no pg-cursor): the cursor is plain SQL on a client held from the pool
 * until the last batch, or until the consumer stops iterating (a client that went away), when the
 * transaction is rolled back and the client returned.
 *
 * The first batch is fetched before this returns, so a broken statement fails the request as any
 * query would (a 500 with its error body), not half-way through a streamed answer.
 */
export interface SqlCursor<T> extends AsyncIterable<T[]> {
  /**
   * Rolls back and gives the client back if iterating has not (a stream destroyed before it
   * started reading); a no-op once done. Iterating to the end, or leaving the loop, does it too.
   */
  close(): Promise<void>;
}

export async function sqlCursor<T>(dataSource: DataSource, sql: string, params: unknown[] = [], batchSize = CURSOR_BATCH_SIZE): Promise<SqlCursor<T>> {
  const pool = (dataSource.driver as PostgresDriver).master as Pool;
  const client = await pool.connect();
  let done = false;
  const finish = async (error?: unknown) => {
    if (done) return;
    done = true;
    try {
      await client.query(error === undefined ? 'COMMIT' : 'ROLLBACK');
      client.release();
    } catch (releaseError) {
      // A connection that failed its COMMIT/ROLLBACK is not given back to others.
      client.release(releaseError as Error);
    }
  };
  let first: T[];
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await client.query(`DECLARE export_cursor NO SCROLL CURSOR FOR ${sql}`, params);
    first = await fetch<T>(client, batchSize);
  } catch (error) {
    await finish(error);
    throw error;
  }
  return {
    close: () => finish(new Error('cursor closed')),
    async *[Symbol.asyncIterator]() {
      let completed = false;
      try {
        let batch = first;
        while (batch.length) {
          yield batch;
          // Closed while the batch was being consumed: the client is no longer this cursor's.
          if (batch.length < batchSize || done) break;
          batch = await fetch<T>(client, batchSize);
        }
        completed = !done;
      } finally {
        // Reached on the last batch, on an error, and when the consumer stops early (return()).
        await finish(completed ? undefined : new Error('cursor abandoned'));
      }
    },
  };
}

async function fetch<T>(client: PoolClient, batchSize: number): Promise<T[]> {
  return (await client.query(`FETCH FORWARD ${Math.max(1, Math.floor(batchSize))} FROM export_cursor`)).rows as T[];
}
