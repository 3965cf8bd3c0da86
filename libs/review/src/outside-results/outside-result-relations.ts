/**
 * Results decided above the office, as another context may count them in a set-based read:
 * which application and cycle, and whether it was conferred ('pending', 'awarded', 'not_awarded').
 */
export const OUTSIDE_RESULTS_RELATION = '(SELECT application_id, cycle_id, outcome FROM outside_results)';
