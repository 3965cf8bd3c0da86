import { Global, Module } from '@nestjs/common';
import { EventsProcessor } from './events/events.processor';
import { OutboxEventRouter } from './events/outbox-event-router';
import { OutboxNotifier } from './outbox/outbox-notifier';
import { OutboxRelay } from './outbox/outbox-relay';
import { EffectRegistry } from './registry/effect.registry';
import { GuardRegistry } from './registry/guard.registry';
import { DeadlineWriter } from './services/deadline-writer';
import { DefinitionRegistry } from './services/definition-registry';
import { TransitionInvariants } from './services/transition-invariants';
import { WorkflowEngine } from './services/workflow-engine';

/** Global: the guard and effect registries must be one instance that every context registers into. */
@Global()
@Module({
  providers: [GuardRegistry, EffectRegistry, DefinitionRegistry, WorkflowEngine, DeadlineWriter, OutboxNotifier, OutboxEventRouter, TransitionInvariants],
  exports: [GuardRegistry, EffectRegistry, DefinitionRegistry, WorkflowEngine, DeadlineWriter, OutboxNotifier, OutboxEventRouter, TransitionInvariants],
})
export class WorkflowModule {}

/** The worker's side: relays outbox rows to BullMQ and runs the handlers of each event. */
@Module({
  providers: [OutboxRelay, EventsProcessor],
  exports: [OutboxRelay],
})
export class WorkflowRelayModule {}
