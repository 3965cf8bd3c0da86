import { Injectable } from '@nestjs/common';
import { sqlAffected } from '@awardflow/platform';
import { EntityManager } from 'typeorm';
import { DomainEventName, DomainEventPayload } from '../events/domain-events';
import { OutboxNotifier } from './outbox-notifier';

/**
 * The one way domain code emits an event: a row written in the caller's transaction, so the event
 * exists exactly when the change that caused it commits, and a wake-up for the relays once that
 * transaction has committed (never for one that rolled back). Definition effects are written by
 * the engine itself, in the transition's statement.
 */
@Injectable()
export class Outbox {
  constructor(private readonly notifier: OutboxNotifier) {}

  async append<E extends DomainEventName>(manager: EntityManager, event: E, payload: DomainEventPayload<E>, instanceId: string | null = null): Promise<void> {
    await sqlAffected(manager, `INSERT INTO outbox (event, instance_id, payload) VALUES ($1, $2, $3::jsonb)`, [event, instanceId, JSON.stringify(payload)]);
    this.notifier.pokeAfterCommit(manager);
  }
}
