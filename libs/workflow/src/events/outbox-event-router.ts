import { Injectable } from '@nestjs/common';
import { DomainEventName, isDomainEventName } from './domain-events';
import { OutboxEventHandler } from './outbox-event';

/** Which handler each outbox event goes to. Contexts register theirs in onModuleInit. */
@Injectable()
export class OutboxEventRouter {
  private readonly handlers = new Map<DomainEventName, OutboxEventHandler[]>();

  on<E extends DomainEventName>(event: E, handler: OutboxEventHandler<E>): void {
    // The type already says so; this catches a name cast from a string.
    if (!isDomainEventName(event)) throw new Error(`a handler was registered for "${String(event)}", which is not a domain event (see DOMAIN_EVENTS)`);
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler as unknown as OutboxEventHandler]);
  }

  handlersFor(event: string): OutboxEventHandler[] {
    return isDomainEventName(event) ? (this.handlers.get(event) ?? []) : [];
  }

  /** The events some handler is registered for (the boot check compares them with what is emitted). */
  handledEvents(): DomainEventName[] {
    return [...this.handlers.keys()];
  }
}
