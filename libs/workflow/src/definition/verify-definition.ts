import { EffectRegistry } from '../registry/effect.registry';
import { GuardRegistry } from '../registry/guard.registry';
import { DefinitionVerificationError } from '../errors/workflow-errors';
import { canonicalJson } from './canonical-json';
import { EffectRef, GuardRef, SYSTEM_ROLE, TransitionDefinition, WorkflowDefinition } from './definition.types';
import { parseIsoDuration } from './iso-duration';

export function fromStates(t: TransitionDefinition): string[] {
  return Array.isArray(t.from) ? t.from : [t.from];
}

/**
 * Refuses a definition in which an instance could get stuck or act on unknown names.
 * Every problem is reported (not only the first), each naming the state and action concerned.
 */
export function verifyDefinition(def: WorkflowDefinition, guards: GuardRegistry, effects: EffectRegistry): void {
  const problems: string[] = [];
  const states = def.states ?? {};
  const stateNames = Object.keys(states);
  const roles = new Set([...(def.roles ?? []), SYSTEM_ROLE]);

  if (!Number.isInteger(def.version) || def.version < 1) problems.push(`version must be a positive integer`);
  if (!states[def.initial]) problems.push(`initial state "${def.initial}" is not defined`);

  const checkEffects = (where: string, refs: EffectRef[] | undefined) => {
    for (const effect of refs ?? []) {
      if (!effects.has(effect.name)) problems.push(`${where}: unknown effect "${effect.name}"`);
      else {
        const reason = effects.validate(effect.name, effect.params ?? {});
        if (reason) problems.push(`${where}: effect "${effect.name}" ${reason}`);
      }
    }
  };

  for (const [name, state] of Object.entries(states)) {
    if (!state.label) problems.push(`state "${name}": has no label`);
    checkEffects(`state "${name}" onEnter`, state.onEnter);
    for (const timer of state.timers ?? []) {
      const where = `state "${name}" timer "${timer.kind}" (action "${timer.action}")`;
      const handled = def.transitions.some((t) => t.action === timer.action && fromStates(t).includes(name));
      if (!handled) problems.push(`${where}: no transition for the action from this state`);
      else if (!def.transitions.some((t) => t.action === timer.action && fromStates(t).includes(name) && t.roles.includes(SYSTEM_ROLE))) {
        problems.push(`${where}: the transition does not allow the role "${SYSTEM_ROLE}"`);
      }
      const s = timer.schedule as Record<string, unknown>;
      if (typeof s.after === 'string' && !parseIsoDuration(s.after)) problems.push(`${where}: "${s.after}" is not an ISO 8601 duration`);
      if (!('after' in s) && !('afterContextKey' in s) && !('atContextKey' in s)) problems.push(`${where}: schedule needs after, afterContextKey or atContextKey`);
    }
  }

  for (const t of def.transitions) {
    const from = fromStates(t);
    for (const f of from) if (!states[f]) problems.push(`action "${t.action}": from state "${f}" is not defined`);
    const where = `state "${from.join('|')}" action "${t.action}"`;
    if (!states[t.to]) problems.push(`${where}: target state "${t.to}" is not defined`);
    if (!t.label) problems.push(`${where}: has no label`);
    if (!t.roles?.length) problems.push(`${where}: names no role`);
    for (const role of t.roles ?? []) if (!roles.has(role)) problems.push(`${where}: unknown role "${role}"`);
    if (t.guard && !guards.has(t.guard.name)) problems.push(`${where}: unknown guard "${t.guard.name}"`);
    checkEffects(where, t.effects);
  }

  // Reachability from the initial state.
  const reached = new Set<string>(states[def.initial] ? [def.initial] : []);
  const queue = [...reached];
  while (queue.length) {
    const current = queue.shift()!;
    for (const t of def.transitions) {
      if (fromStates(t).includes(current) && states[t.to] && !reached.has(t.to)) {
        reached.add(t.to);
        queue.push(t.to);
      }
    }
  }
  for (const name of stateNames) if (!reached.has(name)) problems.push(`state "${name}": unreachable from "${def.initial}"`);

  // A non-terminal state needs a way out: a person's action or a timer.
  for (const [name, state] of Object.entries(states)) {
    if (state.terminal) continue;
    const byPerson = def.transitions.some((t) => fromStates(t).includes(name) && t.roles.some((r) => r !== SYSTEM_ROLE));
    if (!byPerson && !(state.timers?.length)) problems.push(`state "${name}": not terminal and has no way out (no person's action, no timer)`);
  }

  // The same action twice from one state is only allowed with guards that cannot both hold.
  for (const name of stateNames) {
    const outgoing = def.transitions.filter((t) => fromStates(t).includes(name));
    for (let i = 0; i < outgoing.length; i++) {
      for (let j = i + 1; j < outgoing.length; j++) {
        const a = outgoing[i];
        const b = outgoing[j];
        if (a.action !== b.action || guardsExclusive(a.guard, b.guard, guards)) continue;
        problems.push(`state "${name}" action "${a.action}": two transitions whose guards are not declared exclusive`);
      }
    }
  }

  if (problems.length) throw new DefinitionVerificationError(def.code, def.version, problems);
}

function guardsExclusive(a: GuardRef | undefined, b: GuardRef | undefined, guards: GuardRegistry): boolean {
  if (!a || !b) return false;
  if (a.name === b.name) return Boolean(a.not) !== Boolean(b.not) && canonicalJson(a.params ?? {}) === canonicalJson(b.params ?? {});
  return !a.not && !b.not && guards.areExclusive(a.name, b.name);
}
