import { Module } from '@nestjs/common';
import { DatabaseModule, QueueModule } from '@awardflow/platform';
import { DefinitionWiringCheck, EventHandlerWiringCheck } from './events/event-wiring.check';
import { CalendarCoreModule } from '@awardflow/calendar';
import { EventsProcessor } from './events/events.processor';
import { OutboxEventRouter } from './events/outbox-event-router';
import { Outbox } from './outbox/outbox';
import { OutboxNotifier } from './outbox/outbox-notifier';
import { OutboxRelay } from './outbox/outbox-relay';
import { EffectRegistry } from './registry/effect.registry';
import { GuardRegistry } from './registry/guard.registry';
import { DeadlineWriter } from './timers/deadline-writer';
import { DefinitionRegistry } from './definition/definition-registry';
import { TransitionInvariants } from './engine/transition-invariants';
import { WorkflowEngine } from './engine/workflow-engine';
import { StateMirrors } from './engine/state-mirrors';

/**
 * The engine and its registries. Not global: each context imports it; Nest still makes one
 * instance, so every context registers its guards and effects into the same registries.
 */
@Module({
  imports: [CalendarCoreModule, DatabaseModule],
  providers: [GuardRegistry, EffectRegistry, DefinitionRegistry, WorkflowEngine, DeadlineWriter, OutboxNotifier, Outbox, OutboxEventRouter, DefinitionWiringCheck, TransitionInvariants, StateMirrors],
  exports: [GuardRegistry, EffectRegistry, DefinitionRegistry, WorkflowEngine, DeadlineWriter, Outbox, OutboxEventRouter, TransitionInvariants, StateMirrors],
})
export class WorkflowModule {}

/** The worker's side: relays outbox rows to BullMQ and runs the handlers of each event. */
@Module({
  imports: [WorkflowModule, QueueModule, DatabaseModule],
  providers: [OutboxRelay, EventsProcessor, EventHandlerWiringCheck],
  exports: [OutboxRelay],
})
export class WorkflowRelayModule {}
