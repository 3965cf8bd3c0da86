/**
 * The office tree as another context may use it in its SQL: each office and the office above it.
 * A subquery rather than the table, so identity keeps its table to itself; Postgres pulls it up
 * into the surrounding query, so the plan is the same.
 */
export const OFFICE_PARENTS_RELATION = '(SELECT id, parent_id FROM offices)';

/** The people as another context names them to an office (an overdue expert on its dashboard): the id and the display name, nothing else. */
export const USER_NAMES_RELATION = '(SELECT id, display_name FROM users)';
