import { Actor, EffectRef, SYSTEM_ROLE, TransitionDefinition, WorkflowDefinition } from '../definition/definition.types';
import { addIsoDuration, WorkingDayCalendar } from '../definition/iso-duration';
import { fromStates } from '../definition/verify-definition';
import { ActionForbiddenError, CommentRequiredError, GuardFailedError, TransitionLabels, TransitionNotAllowedError } from '../errors/workflow-errors';
import { GuardRegistry } from '../registry/guard.registry';

export interface StateSnapshot {
  state: string;
  context: Record<string, unknown>;
}

export interface TransitionRequest {
  action: string;
  actor: Actor;
  payload?: Record<string, unknown>;
  comment?: string | null;
  /** Merged into the context before guards and timers look at it. */
  contextPatch?: Record<string, unknown>;
  now: Date;
  /** For timers in working days (`P5WD`); a definition without them needs none. */
  calendar?: WorkingDayCalendar;
}

export interface PlannedTimer {
  kind: string;
  action: string;
  dueAt: Date;
}

export interface TransitionPlan {
  transition: TransitionDefinition;
  from: string;
  to: string;
  context: Record<string, unknown>;
  /** Transition effects, then the target state's onEnter effects (only when the state changes). */
  effects: EffectRef[];
  /** The target state's timers (only when the state changes; a self-transition keeps its timers). */
  timers: PlannedTimer[];
  /** Cancel the pending deadlines set in `from`. */
  cancelTimersOf: string | null;
}

/**
 * The pure heart of the engine: state, action, actor and context in; next state, effects and
 * timers out. No I/O, so every rule is unit-testable; the executor only persists the plan.
 */
export function computeTransition(def: WorkflowDefinition, snapshot: StateSnapshot, req: TransitionRequest, guards: GuardRegistry): TransitionPlan {
  const candidates = def.transitions.filter((t) => t.action === req.action && fromStates(t).includes(snapshot.state));
  const labels = transitionLabels(def, snapshot.state, req.action);
  if (candidates.length === 0) {
    throw new TransitionNotAllowedError(snapshot.state, req.action, actionsFrom(def, snapshot.state, req.actor), labels);
  }
  const permitted = candidates.filter((t) => roleMayTake(t, req.actor));
  if (permitted.length === 0) {
    throw new ActionForbiddenError(req.action, req.actor.role, [...new Set(candidates.flatMap((t) => t.roles))], labels);
  }
  const context = { ...snapshot.context, ...(req.contextPatch ?? {}) };
  const payload = req.payload ?? {};
  const chosen = permitted.find((t) => guardHolds(t, context, payload, req.actor, guards));
  if (!chosen) throw new GuardFailedError(req.action, permitted.map((t) => `${t.guard?.not ? 'not ' : ''}${t.guard?.name}`), labels);
  if (chosen.requiresComment && !req.comment?.trim()) throw new CommentRequiredError(req.action, labels);

  const changesState = chosen.to !== snapshot.state;
  const target = def.states[chosen.to];
  return {
    transition: chosen,
    from: snapshot.state,
    to: chosen.to,
    context,
    effects: [...(chosen.effects ?? []), ...(changesState ? (target.onEnter ?? []) : [])],
    timers: changesState ? planTimers(def, chosen.to, context, req.now, req.calendar) : [],
    cancelTimersOf: changesState ? snapshot.state : null,
  };
}

/** The zh-CN names of a state and an action, for the errors a person reads. */
export function transitionLabels(def: WorkflowDefinition, state: string, action: string): TransitionLabels {
  return { state: def.states[state]?.label, action: def.transitions.find((t) => t.action === action)?.label };
}

/** Timers of a state as they would start now (also used when an instance starts). */
export function planTimers(def: WorkflowDefinition, state: string, context: Record<string, unknown>, now: Date, calendar?: WorkingDayCalendar): PlannedTimer[] {
  return (def.states[state]?.timers ?? []).map((timer) => {
    const s = timer.schedule;
    let dueAt: Date;
    if ('after' in s) dueAt = addIsoDuration(now, s.after, calendar);
    else if ('afterContextKey' in s) dueAt = addIsoDuration(now, requireString(context, s.afterContextKey, timer.kind), calendar);
    else dueAt = new Date(requireString(context, s.atContextKey, timer.kind));
    if (Number.isNaN(dueAt.getTime())) throw new Error(`timer ${timer.kind}: context gives no valid time`);
    return { kind: timer.kind, action: timer.action, dueAt };
  });
}

export function roleMayTake(t: TransitionDefinition, actor: Actor): boolean {
  // Only timers and automation act as system, and system acts only where a definition says so.
  return t.roles.includes(actor.role) && (actor.role !== SYSTEM_ROLE || actor.id === null);
}

export function guardHolds(
  t: TransitionDefinition,
  context: Record<string, unknown>,
  payload: Record<string, unknown>,
  actor: Actor,
  guards: GuardRegistry,
): boolean {
  if (!t.guard) return true;
  const holds = guards.evaluate(t.guard.name, { context, payload, actor, params: t.guard.params ?? {} });
  return t.guard.not ? !holds : holds;
}

/** The actions this actor's role may take from the state: a refusal never lists what others may do. */
function actionsFrom(def: WorkflowDefinition, state: string, actor: Actor): string[] {
  return [...new Set(def.transitions.filter((t) => fromStates(t).includes(state) && roleMayTake(t, actor)).map((t) => t.action))];
}

function requireString(context: Record<string, unknown>, key: string, kind: string): string {
  const value = context[key];
  if (typeof value !== 'string' || !value) throw new Error(`timer ${kind}: context has no "${key}"`);
  return value;
}
