import { Actor, WorkflowDefinition } from '../definition/definition.types';
import { fromStates } from '../definition/verify-definition';
import { GuardRegistry } from '../registry/guard.registry';
import { guardHolds, roleMayTake, StateSnapshot } from './compute-transition';

export interface ActionInfo {
  action: string;
  label: string;
  to: string;
  requiresComment: boolean;
  /** It leads to a terminal state: the application's course ends there (the console asks before, and says so). */
  ends: boolean;
}

/**
 * What this actor may do now: role and guard (guards see the context and an empty payload, so
 * a payload-dependent pair such as "vote passed / not passed" shows its action once).
 */
export function availableActionsFor(def: WorkflowDefinition, snapshot: StateSnapshot, actor: Actor, guards: GuardRegistry): ActionInfo[] {
  const seen = new Set<string>();
  const actions: ActionInfo[] = [];
  for (const t of def.transitions) {
    if (seen.has(t.action) || !fromStates(t).includes(snapshot.state) || !roleMayTake(t, actor)) continue;
    if (!guardHolds(t, snapshot.context, {}, actor, guards)) continue;
    seen.add(t.action);
    actions.push({ action: t.action, label: t.label, to: t.to, requiresComment: Boolean(t.requiresComment), ends: Boolean(def.states[t.to]?.terminal) });
  }
  return actions;
}
