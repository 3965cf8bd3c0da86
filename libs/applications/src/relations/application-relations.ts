/**
 * The applications as another context may join them inside one set-based statement (the ranking:
 * a cycle's scores ordered and paged in SQL, with the submission time and receipt number as
 * tie-breaks): id, cycle, engine instance, receipt number, submission time and the organisation's
 * name, nothing else. A plain subquery, so Postgres pulls it up into the caller's join.
 */
export const APPLICATION_SUMMARIES_RELATION = `(SELECT a.id, a.cycle_id, a.instance_id, a.receipt_number, a.submitted_at, o.name AS organization_name
   FROM applications a JOIN organizations o ON o.id = a.organization_id)`;
