/**
 * The engine's instances with their context, as another context may join them in its SQL (e.g. to
 * find the cycle an instance belongs to by `context->>'cycleId'`). A subquery rather than the
 * table, so the engine keeps its table to itself; Postgres pulls it up into the join, where an
 * index on a context expression still serves, so the plan is the same.
 */
export const INSTANCE_CONTEXTS_RELATION = '(SELECT id, context FROM workflow_instances)';
