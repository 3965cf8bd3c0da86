/**
 * The workflow definition format: plain, JSON-serialisable data. Guards and effects are referenced
 * by name and implemented in code (GuardRegistry, EffectRegistry), so a definition stays data that
 * can be stored, hashed, diffed and drawn.
 */

/** The role timers act as. Never a person's role. */
export const SYSTEM_ROLE = 'system';

export interface WorkflowDefinition {
  /** Stable identifier, e.g. `quality-award:cq-city`. */
  code: string;
  /** Positive integer; a registered (code, version) never changes content. */
  version: number;
  /** zh-CN name, e.g. 市长质量管理奖评审流程. */
  label: string;
  /** Every role a transition may name (besides `system`). Verification refuses others. */
  roles: string[];
  /** The state a new instance starts in. */
  initial: string;
  states: Record<string, StateDefinition>;
  transitions: TransitionDefinition[];
}

export interface StateDefinition {
  /** zh-CN label shown to people, e.g. 形式审查. */
  label: string;
  /** An end: no way out is needed (awarded, rejected, withdrawn, …). */
  terminal?: boolean;
  /** Effects run (as outbox rows) every time the state is entered from another state. */
  onEnter?: EffectRef[];
  /** Deadlines started when the state is entered; pending ones are cancelled when it is left. */
  timers?: TimerDefinition[];
}

export interface TransitionDefinition {
  /** What a person or a timer does, e.g. `submit`, `pass_formal_review`, `publicity_ended`. */
  action: string;
  /** zh-CN label of the action, e.g. 提交申报. */
  label: string;
  from: string | string[];
  to: string;
  /** Who may take it; `system` for timers and automation. */
  roles: string[];
  guard?: GuardRef;
  effects?: EffectRef[];
  /** The actor must give a comment (a rejection reason, a withdrawal reason). */
  requiresComment?: boolean;
}

/**
 * A named predicate over the instance's context, the action's payload and the actor.
 * `not: true` negates it; a guard and its negation are exclusive, so two transitions from one
 * state may share an action when their guards are each other's negation (or the guard registry
 * declares their names mutually exclusive).
 */
export interface GuardRef {
  name: string;
  params?: Record<string, unknown>;
  not?: boolean;
}

/** A named side effect: becomes one outbox row (event = name) written in the transition's transaction. */
export interface EffectRef {
  name: string;
  params?: Record<string, unknown>;
}

export interface TimerDefinition {
  /** Deadline kind, e.g. `supplement`, `publicity_end`, `review_due`, `recognition_expiry`. */
  kind: string;
  /** The action fired as `system` if the instance is still in this state when the timer is due. */
  action: string;
  /** When: a fixed or context-given duration after entering the state, or a date in the context. */
  schedule: TimerSchedule;
}

export type TimerSchedule =
  /** ISO 8601 duration literal, e.g. `P7D`, `PT30S`. */
  | { after: string }
  /** Context key holding an ISO 8601 duration (e.g. the cycle's `publicityDuration`). */
  | { afterContextKey: string }
  /** Context key holding an ISO 8601 timestamp (e.g. the cycle's `applicationClosesAt`). */
  | { atContextKey: string };

/** Who acts. Domain code checks ownership (own organisation, assignment); the engine checks the role. */
export interface Actor {
  /** null for `system`. */
  id: string | null;
  role: string;
}
