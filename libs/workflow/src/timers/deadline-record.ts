/** One of the engine's durable timers as stored: set by a transition's timers or by domain code (`DeadlineWriter`). */
export interface DeadlineRecord {
  id: string;
  instanceId: string | null;
  kind: string;
  /** Fired through the engine as `system`... */
  action: string | null;
  /** ...or emitted as an outbox event. */
  event: string | null;
  payload: Record<string, unknown>;
  /** The state that set it: leaving that state cancels it. */
  setInState: string | null;
  status: DeadlineStatus;
  /** Why it was settled (`fired`, `state_left`, `assignment_closed`, ...). */
  outcome: string | null;
  dueAt: Date;
  firedAt: Date | null;
  cancelledAt: Date | null;
  /** Bumped by every extension, so a job of an older generation does nothing. */
  generation: number;
}

export type DeadlineStatus = 'pending' | 'fired' | 'cancelled';

/**
 * Which office a deadline is the business of: another context knows (the engine knows no offices)
 * and lends the join, a relation of `(id, office_id)` rows it exports (the cycles', say) matched
 * on what the instance's context holds under `contextKey` (`cycleId`).
 */
export interface DeadlineOffices {
  relation: string;
  contextKey: string;
}
