/**
 * The applications as another context may join them inside one set-based statement (the ranking:
 * a cycle's scores ordered and paged in SQL, with the submission time and receipt number as
 * tie-breaks; the statistics' snapshot): id, cycle, engine instance, organisation, receipt number
 * and submission time (NULL for a draft), nothing else: no form, no materials. A plain subquery, so
 * Postgres pulls it up into the caller's join.
 */
export const APPLICATION_SUMMARIES_RELATION = '(SELECT id, cycle_id, instance_id, organization_id, receipt_number, submitted_at, subject_name FROM applications)';

/**
 * The organisations as another context may join them in a set-based read: the name (a ranking page
 * looks its 20 names up after ordering and paging, not the whole cycle's before), the division it
 * is registered in (GB/T 2260 code) and its GB/T 4754 industry code (the first letter is the
 * section, 门类); nothing that reaches the organisation (contacts, addresses, USCC).
 */
export const ORGANIZATION_PROFILES_RELATION = '(SELECT id, name, region_code, industry FROM organizations)';

/**
 * Each cycle's applications by state, as the counters kept by triggers hold them (a few rows per
 * cycle, whatever its size): what a dashboard shows without counting rows.
 */
export const APPLICATION_STATE_TOTALS_RELATION = '(SELECT cycle_id, state, sum(n)::int AS n FROM application_state_counts GROUP BY cycle_id, state)';
