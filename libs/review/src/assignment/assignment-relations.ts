/**
 * Expert assignments still waiting for their scores, as another context may count them in a
 * set-based read: the cycle, the application and when the scores are due. Not the reviewer.
 */
export const PENDING_ASSIGNMENTS_RELATION = "(SELECT cycle_id, application_id, due_at FROM review_assignments WHERE status = 'assigned')";

/**
 * The same assignments with who holds them and for which stage, for the office's own dashboard
 * (who to remind); the statistics use the relation above, which names no one.
 */
export const PENDING_ASSIGNMENT_HOLDERS_RELATION = "(SELECT id, cycle_id, application_id, reviewer_id, stage, due_at FROM review_assignments WHERE status = 'assigned')";

/** Applications flagged for the office's attention (a scoring anomaly, no reviewers left) and not yet resolved. */
export const OPEN_FLAGS_RELATION = '(SELECT application_id, reason, created_at FROM review_flags WHERE resolved_at IS NULL)';
