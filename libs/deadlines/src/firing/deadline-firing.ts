import { Injectable } from '@nestjs/common';
import { DomainEventName, DomainEventPayload, GuardFailedError, isDomainEventName, lockDeadlineToFire, Outbox, settleDeadline, TransitionNotAllowedError, WorkflowEngine } from '@awardflow/workflow';
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
      const d = await lockDeadlineToFire(manager, deadlineId);
      if (!d || d.status !== 'pending') return 'not_pending';
      if (generation !== null && d.generation !== generation) return 'stale_generation';
      const close = async (status: 'fired' | 'cancelled', result: FiringOutcome) => {
        await settleDeadline(manager, d.id, status, result);
        return result;
      };

      if (d.action) {
        const instance = await this.engine.get(d.instanceId!, manager);
        if (d.setInState && instance.state !== d.setInState) return close('cancelled', 'state_left');
        try {
          await this.engine.fire({ instanceId: d.instanceId!, action: d.action, actor: SYSTEM, payload: { deadlineId: d.id, kind: d.kind }, instance, manager });
        } catch (error) {
          // The definition no longer lets the timer act here: record it instead of retrying forever.
          if (error instanceof TransitionNotAllowedError || error instanceof GuardFailedError) return close('cancelled', 'not_applicable');
          throw error;
        }
      } else {
        if (d.instanceId && d.setInState) {
          const instance = await this.engine.get(d.instanceId, manager);
          if (instance.state !== d.setInState) return close('cancelled', 'state_left');
        }
        // Rows were written with a typed event name (DeadlineWriter); one that is not (any more) fails the job, visibly.
        if (d.event === null || !isDomainEventName(d.event)) throw new Error(`deadline ${d.id} names event "${d.event}", which is not a domain event`);
        // The row's payload is the one its writer typed for this event (DeadlineWriter takes only a DeadlineEventName).
        const payload = { ...d.payload, deadlineId: d.id, kind: d.kind } as DomainEventPayload<DomainEventName>;
        await this.outbox.append(manager, d.event, payload, d.instanceId);
      }
      return close('fired', 'fired');
    });
  }
}
