import { DomainEventName, DomainEventPayload } from './domain-events';

/** An outbox row as its handler sees it (the row is the truth; the job only carried its id). */
export interface OutboxEvent<E extends DomainEventName = DomainEventName> {
  id: string;
  event: E;
  instanceId: string | null;
  payload: DomainEventPayload<E>;
  createdAt: Date;
}

/** Must be idempotent: a job may run more than once (at-least-once delivery). */
export type OutboxEventHandler<E extends DomainEventName = DomainEventName> = (event: OutboxEvent<E>) => Promise<void>;
