/**
 * The timers still to fire, as another context may list them in its SQL (an office's coming
 * deadlines): which instance, what kind and when; not the action or the payload.
 */
export const PENDING_DEADLINES_RELATION = "(SELECT instance_id, kind, due_at FROM deadlines WHERE status = 'pending')";
