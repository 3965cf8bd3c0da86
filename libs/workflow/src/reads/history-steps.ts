/**
 * The engine's history as another context may join it in a set-based read: which state each step
 * left and entered, and when (the statistics context measures the time spent in each state from it).
 * Nothing of the actor, payload or chain leaves the engine this way.
 */
export const HISTORY_STEPS_RELATION = '(SELECT instance_id, seq, from_state, to_state, created_at FROM workflow_history)';
