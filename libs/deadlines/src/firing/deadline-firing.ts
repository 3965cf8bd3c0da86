import { Injectable } from '@nestjs/common';
import { GuardFailedError, isDomainEventName, Outbox, TransitionNotAllowedError, WorkflowEngine } from '@awardflow/workflow';
import { DataSource } from 'typeorm';

export type FiringOutcome = 'fired' | 'not_pending' | 'stale_generation' | 'state_left' | 'not_applicable';

const SYSTEM = { id: null, role: 'system' };

/**
 * Fires one deadline, in one transaction: lock the row, check it is still pending (and that the
 * job is of its current generation), check the instance is still in the state that set it, fire
 * the action through the engine as `system` (or emit its event into the outbox), mark it fired.
 * The row lock and the status check make a second firing — a retried job, another worker, the
 * reconciler — a no-op.
 */
@Injectable()
export class DeadlineFiring {
  constructor(
    private readonly dataSource: DataSource,
    private readonly engine: WorkflowEngine,
    private readonly outbox: Outbox,
  ) {}

  async fire(deadlineId: string, generation: number | null): Promise<FiringOutcome> {
    return this.dataSource.transaction(async (manager): Promise<FiringOutcome> => {
      const [d] = await manager.query(
        `SELECT id, instance_id, kind, action, event, payload, set_in_state, status, generation FROM deadlines WHERE id = $1 FOR UPDATE`,
        [deadlineId],
      );
      if (!d || d.status !== 'pending') return 'not_pending';
      if (generation !== null && d.generation !== generation) return 'stale_generation';
      const close = async (status: 'fired' | 'cancelled', result: FiringOutcome) => {
        await manager.query(
          `UPDATE deadlines SET status = $2::text, outcome = $3::text, fired_at = CASE WHEN $2::text = 'fired' THEN now() END,
                  cancelled_at = CASE WHEN $2::text = 'cancelled' THEN now() END WHERE id = $1`,
          [d.id, status, result],
        );
        return result;
      };

      if (d.action) {
        const instance = await this.engine.get(d.instance_id, manager);
        if (d.set_in_state && instance.state !== d.set_in_state) return close('cancelled', 'state_left');
        try {
          await this.engine.fire({ instanceId: d.instance_id, action: d.action, actor: SYSTEM, payload: { deadlineId: d.id, kind: d.kind }, instance, manager });
        } catch (error) {
          // The definition no longer lets the timer act here: record it instead of retrying forever.
          if (error instanceof TransitionNotAllowedError || error instanceof GuardFailedError) return close('cancelled', 'not_applicable');
          throw error;
        }
      } else {
        if (d.instance_id && d.set_in_state) {
          const instance = await this.engine.get(d.instance_id, manager);
          if (instance.state !== d.set_in_state) return close('cancelled', 'state_left');
        }
        // Rows were written with a typed event name (DeadlineWriter); one that is not (any more) fails the job, visibly.
        if (!isDomainEventName(d.event)) throw new Error(`deadline ${d.id} names event "${d.event}", which is not a domain event`);
        await this.outbox.append(manager, d.event, { ...d.payload, deadlineId: d.id, kind: d.kind }, d.instance_id);
      }
      return close('fired', 'fired');
    });
  }
}
