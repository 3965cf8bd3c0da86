/**
 * The cycles as another context may join them in its SQL: the id and the organising office.
 * A subquery rather than the table, so the cycles context keeps its table to itself; Postgres
 * pulls it up into the join, so the plan is the same.
 */
export const CYCLE_OFFICES_RELATION = '(SELECT id, office_id FROM cycles)';
