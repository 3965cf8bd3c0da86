/**
 * Notifications as another context may read them in its SQL: who was sent which template under
 * which event key, and when (e.g. when an expert was last reminded). A subquery rather than the
 * table, so notifications keeps its table to itself; Postgres pulls it up, so the plan is the same.
 */
export const NOTIFICATIONS_SENT_RELATION = '(SELECT user_id, template, event_key, created_at FROM notifications)';
