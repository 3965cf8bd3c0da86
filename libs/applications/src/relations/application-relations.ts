/**
 * The applications as another context may join them inside one set-based statement (the ranking:
 * a cycle's scores ordered and paged in SQL, with the submission time and receipt number as
 * tie-breaks): id, cycle, engine instance, organisation, receipt number and submission time,
 * nothing else. A plain subquery, so Postgres pulls it up into the caller's join.
 */
export const APPLICATION_SUMMARIES_RELATION = '(SELECT id, cycle_id, instance_id, organization_id, receipt_number, submitted_at FROM applications)';

/**
 * The organisations' names, for a statement that names only the rows it returns (a ranking page
 * looks its 20 names up after ordering and paging, not the whole cycle's before).
 */
export const ORGANIZATION_NAMES_RELATION = '(SELECT id, name FROM organizations)';
