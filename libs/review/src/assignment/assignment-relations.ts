/**
 * Expert assignments still waiting for their scores, as another context may count them in a
 * set-based read: the cycle, the application and when the scores are due. Not the reviewer.
 */
export const PENDING_ASSIGNMENTS_RELATION = "(SELECT cycle_id, application_id, due_at FROM review_assignments WHERE status = 'assigned')";
