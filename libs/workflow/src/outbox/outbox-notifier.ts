import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { afterCommit } from '@awardflow/platform';
import type { Pool } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

export const OUTBOX_CHANNEL = 'awardflow_outbox';
const COALESCE_MS = 25;

/**
 * Wakes the outbox relays after rows were written. Not a trigger inside the transition: NOTIFY
 * takes a cluster-wide lock at commit, which measured here halved transition throughput. One
 * NOTIFY per process per 25 ms instead, sent once the rows' transaction has committed. Internal
 * to the workflow lib: domain code emits through `Outbox.append`, which pokes for it.
 */
@Injectable()
export class OutboxNotifier implements OnApplicationShutdown {
  private timer?: NodeJS.Timeout;

  constructor(private readonly dataSource: DataSource) {}

  /** Pokes once `manager`'s transaction commits (at once when it is not in one). */
  pokeAfterCommit(manager: EntityManager): void {
    afterCommit(manager, this.pokeNow);
  }

  // One function, so several rows in one transaction register one wake-up.
  private readonly pokeNow = () => this.poke();

  poke(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.dataSource.isInitialized) return;
      const pool = (this.dataSource.driver as PostgresDriver).master as Pool;
      pool.query(`SELECT pg_notify($1, '')`, [OUTBOX_CHANNEL]).catch(() => undefined);
    }, COALESCE_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}
