/**
 * The cycles as another context may join them in its SQL: the id, the organising office and the award.
 * A subquery rather than the table, so the cycles context keeps its table to itself; Postgres
 * pulls it up into the join, so the plan is the same.
 */
export const CYCLE_OFFICES_RELATION = '(SELECT id, office_id, award_code FROM cycles)';

/**
 * Each cycle's row version, for a context that keeps cycles in memory (CycleCache): Postgres gives
 * every committed update of a row a new xmin, so reading this beside what one reads anyway tells
 * whether a remembered cycle is still the row, in every process, without reading the row.
 */
export const CYCLE_VERSIONS_RELATION = '(SELECT id, xmin::text AS version FROM cycles)';

/**
 * The cycles as a report groups applications by them: organising office, award and year (the
 * statistics context joins this in its set-based refresh).
 */
export const CYCLE_EDITIONS_RELATION = '(SELECT id, office_id, award_code, year FROM cycles)';

/** The cycles as an office's dashboard heads them: office, award, title, status and the application deadline. */
export const CYCLE_HEADINGS_RELATION = '(SELECT id, office_id, award_code, year, title, status, application_closes_at FROM cycles)';
