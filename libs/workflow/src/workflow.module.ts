import { Global, Module } from '@nestjs/common';
import { CalendarCoreModule } from '@awardflow/calendar';
import { EventsProcessor } from './events/events.processor';
import { OutboxEventRouter } from './events/outbox-event-router';
import { OutboxNotifier } from './outbox/outbox-notifier';
import { OutboxRelay } from './outbox/outbox-relay';
import { EffectRegistry } from './registry/effect.registry';
import { GuardRegistry } from './registry/guard.registry';
import { DeadlineWriter } from './services/deadline-writer';
import { DefinitionRegistry } from './services/definition-registry';
import { WorkflowEngine } from './services/workflow-engine';

/** Global: the guard and effect registries must be one instance that every context registers into. */
@Global()
@Module({
  imports: [CalendarCoreModule],
  providers: [GuardRegistry, EffectRegistry, DefinitionRegistry, WorkflowEngine, DeadlineWriter, OutboxNotifier, OutboxEventRouter],
  exports: [GuardRegistry, EffectRegistry, DefinitionRegistry, WorkflowEngine, DeadlineWriter, OutboxNotifier, OutboxEventRouter],
})
export class WorkflowModule {}

/** The worker's side: relays outbox rows to BullMQ and runs the handlers of each event. */
@Module({
  providers: [OutboxRelay, EventsProcessor],
  exports: [OutboxRelay],
})
export class WorkflowRelayModule {}
