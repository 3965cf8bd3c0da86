import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { A, S, stateListSql } from '@awardflow/awards';
import { CyclesService } from '@awardflow/cycles';
import { AppConfigService, sqlRows } from '@awardflow/platform';
import { Actor, FireManyInput, INSTANCE_STATES_RELATION, WorkflowEngine } from '@awardflow/workflow';
import { DataSource } from 'typeorm';

const SYSTEM: Actor = { id: null, role: 'system' };

/**
 * The end of a cycle's application window, set-based: submitted applications go into review, drafts
 * expire, each with its own transition (history row, outbox rows, deadlines) written by the engine's
 * batch transition in chunks of one transaction each.
 *
 * Durable: the cycle is marked closed first, then the applications move. The state is the cursor,
 * so if the process dies half-way, finishing again moves only what is left: the worker does it at
 * start and every DEADLINE_RECONCILE_INTERVAL_MS (`reconcile`, as the system), and each
 * application's own window-close deadline would still fire at the cycle's original closing time.
 */
@Injectable()
export class CycleClose {
  private readonly logger = new Logger(CycleClose.name);
  /** Tests stop a close here, after a chunk has committed, as a process dying half-way would. */
  afterChunk?: FireManyInput['afterChunk'];
  /** Applications per transaction, and transactions in flight at once. */
  chunkSize = 1000;
  lanes = 2;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engine: WorkflowEngine,
    private readonly cycles: CyclesService,
    private readonly config: AppConfigService,
  ) {}

  /** Moves what of the cycle still waits for its window to close; `actor` takes the submissions into review. */
  async finish(cycleId: string, actor: Actor): Promise<{ movedToReview: number; expired: number }> {
    const rows = await sqlRows<{ instanceId: string; state: string }>(
      this.dataSource,
      `SELECT a.instance_id AS "instanceId", i.state FROM applications a JOIN ${INSTANCE_STATES_RELATION} i ON i.id = a.instance_id
        WHERE a.cycle_id = $1 AND i.state IN (${stateListSql('awaitingWindowClose')})`,
      [cycleId],
    );
    const submitted = rows.filter((r) => r.state === S.submitted).map((r) => r.instanceId);
    const drafts = rows.filter((r) => r.state !== S.submitted).map((r) => r.instanceId);
    // One that moved meanwhile (its own timer fired, it was withdrawn) is skipped by the engine.
    const review = submitted.length ? await this.engine.fireMany({ instanceIds: submitted, action: A.startReview, actor, chunkSize: this.chunkSize, lanes: this.lanes, afterChunk: this.afterChunk }) : { moved: [] };
    const expired = drafts.length ? await this.engine.fireMany({ instanceIds: drafts, action: A.applicationWindowClosed, actor: SYSTEM, chunkSize: this.chunkSize, lanes: this.lanes, afterChunk: this.afterChunk }) : { moved: [] };
    return { movedToReview: review.moved.length, expired: expired.moved.length };
  }

  /**
   * Closed cycles whose applications did not all move (a close the process died in) are finished as
   * the system, once they have been closed for CYCLE_CLOSE_RECONCILE_AFTER_MS: a close still running
   * is its admin's (who is answered how many moved), not the worker's to race.
   */
  async reconcile(): Promise<Array<{ cycleId: string; movedToReview: number; expired: number }>> {
    const waiting = await sqlRows<{ cycleId: string }>(
      this.dataSource,
      `SELECT DISTINCT a.cycle_id AS "cycleId" FROM applications a JOIN ${INSTANCE_STATES_RELATION} i ON i.id = a.instance_id
        WHERE i.state IN (${stateListSql('awaitingWindowClose')})`,
      [],
    );
    const finished: Array<{ cycleId: string; movedToReview: number; expired: number }> = [];
    for (const { cycleId } of waiting) {
      const cycle = await this.cycles.get(cycleId);
      if (cycle.status !== 'closed') continue;
      if (!cycle.closedAt || Date.now() - cycle.closedAt.getTime() < this.config.get('CYCLE_CLOSE_RECONCILE_AFTER_MS')) continue;
      const moved = await this.finish(cycleId, SYSTEM);
      if (moved.movedToReview || moved.expired) {
        this.logger.log(`finished closing cycle ${cycleId}: ${moved.movedToReview} into review, ${moved.expired} expired`);
        finished.push({ cycleId, ...moved });
      }
    }
    return finished;
  }
}
