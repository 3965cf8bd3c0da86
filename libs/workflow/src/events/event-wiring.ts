import { WorkflowDefinition } from '../definition/definition.types';
import { verifyDefinition } from '../definition/verify-definition';
import { EffectRegistry } from '../registry/effect.registry';
import { GuardRegistry } from '../registry/guard.registry';
import { DOMAIN_EVENTS, isDomainEventName } from './domain-events';

export interface EventWiring {
  /** Every definition instances may run on (stored ones included: old cycles keep theirs). */
  definitions: WorkflowDefinition[];
  guards: GuardRegistry;
  effects: EffectRegistry;
  /** Where events are handled (the worker): the events some handler is registered for. */
  handled?: readonly string[];
}

/**
 * What would make an event go nowhere or a definition act on a name nothing implements: a
 * definition's guard, effect or effect params (a `notify` template) unknown here; and, where
 * events are handled, an emitted event without a handler or a handler nothing emits. Empty when
 * all is wired.
 */
export function eventWiringProblems(wiring: EventWiring): string[] {
  const problems: string[] = [];
  for (const def of wiring.definitions) {
    try {
      verifyDefinition(def, wiring.guards, wiring.effects);
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  if (!wiring.handled) return problems;
  const handled = new Set(wiring.handled);
  const emitted = new Set<string>(wiring.effects.names());
  for (const [name, spec] of Object.entries(DOMAIN_EVENTS)) if (spec.source === 'domain') emitted.add(name);
  for (const name of emitted) {
    if (!handled.has(name)) problems.push(`event "${name}" is emitted but no handler is registered for it (OutboxEventRouter.on)`);
  }
  for (const name of handled) {
    if (!isDomainEventName(name)) problems.push(`a handler is registered for "${name}", which is not in DOMAIN_EVENTS`);
    else if (!emitted.has(name)) problems.push(`a handler is registered for "${name}", but nothing emits it (no effect of that name is registered)`);
  }
  return problems;
}

export class EventWiringError extends Error {
  constructor(readonly problems: string[]) {
    super(`events are not wired: ${problems.join('; ')}`);
    this.name = 'EventWiringError';
  }
}
