import { Injectable } from '@nestjs/common';
import { OutboxEventHandler } from './outbox-event';

/** Which handler each outbox event goes to. Contexts register theirs in onModuleInit. */
@Injectable()
export class OutboxEventRouter {
  private readonly handlers = new Map<string, OutboxEventHandler[]>();

  on(event: string, handler: OutboxEventHandler): void {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
  }

  handlersFor(event: string): OutboxEventHandler[] {
    return this.handlers.get(event) ?? [];
  }
}
