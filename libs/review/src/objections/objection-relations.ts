/**
 * The 公示 objections still waiting for the office, as another context may count them in a
 * set-based read: which application each holds and since when, nothing of who objected or why.
 */
export const OPEN_OBJECTIONS_RELATION = "(SELECT application_id, created_at FROM objections WHERE status = 'open')";
