/**
 * The engine's instances as another context may join them in its SQL: the id and the current state,
 * nothing else. A subquery rather than the table's name, so the engine keeps its table (and every
 * other column) to itself; Postgres pulls a plain subquery up into the join, so the plan is the
 * same as joining the table.
 */
export const INSTANCE_STATES_RELATION = '(SELECT id, state FROM workflow_instances)';
