import { CYCLE_OFFICES_RELATION } from '@awardflow/cycles';
import { RecommenderScope, recommenderScopeSql } from '@awardflow/identity';
import { escapeLike, parseSort, SortValue, sortValues, SqlRunner, sqlRows } from '@awardflow/platform';
import { ApplicantIdentity } from '../redaction/redaction';
import { Application } from './application.entity';
import { APPLICANT_IDENTITY_JSON } from './application-row';

/**
 * Whose applications a list shows: an organisation's own, or those of the offices' cycles (for a
 * scoped recommender, only those its scope admits: recommenderAdmits, as SQL).
 */
export type ListScope = { organizationId: string } | { officeIds: string[]; recommender?: RecommenderScope };

export interface ListFilters {
  cycleId?: string;
  state?: string;
  organizationId?: string;
  search?: string;
  /** submitted at or after / before (提交时间 range) */
  submittedFrom?: Date;
  submittedTo?: Date;
  /** one of APPLICATION_SORTS; the default is the latest submission first */
  sort?: ApplicationSort;
}

/** The columns the office's list sorts on (`-` first: descending); a whitelist, so no caller names SQL. */
const SORT_COLUMNS = { submittedAt: 'submitted_at', receiptNumber: 'receipt_number', organizationName: 'organization_name', state: 'state' } as const;
type ApplicationSortKey = keyof typeof SORT_COLUMNS;
export const APPLICATION_SORTS = sortValues(Object.keys(SORT_COLUMNS) as ApplicationSortKey[]);
export type ApplicationSort = SortValue<ApplicationSortKey>;
/** The columns every ordering may read, selected by the statements that order in an outer query. */
const ORDER_COLUMNS = 'a.submitted_at, a.created_at, a.receipt_number, a.organization_name, a.state';

/**
 * A searched list counts its matches up to this many: past it, its total is this number and
 * `totalCapped` says there are more (the console shows 1,000+). Counting every match of a common
 * term would cost as much as the matches, a page only as much as its rows.
 */
export const SEARCH_TOTAL_CAP = 1000;

export interface ListedPage {
  /** exact, or SEARCH_TOTAL_CAP when totalCapped */
  total: number;
  /** a search found more than SEARCH_TOTAL_CAP applications: total is a lower bound */
  totalCapped: boolean;
  rows: ListedRow[];
}

export interface ListedRow {
  id: string;
  cycleId: string;
  instanceId: string;
}

/**
 * The list's order; the indexes of migrations 1795562100000 and 1795562810000 hold the default
 * (latest submission first), so a page reads only its rows. Another column sorts first on it, then
 * as the default, so equal values keep a stable order across pages.
 */
function orderBy(alias: string, sort?: ApplicationSort): string {
  const fallback = `${alias}.submitted_at DESC NULLS LAST, ${alias}.created_at DESC, ${alias}.id DESC`;
  if (!sort || sort === '-submittedAt') return fallback;
  const parsed = parseSort(sort, SORT_COLUMNS);
  if (!parsed) return fallback;
  return `${alias}.${parsed.column} ${parsed.descending ? 'DESC NULLS LAST' : 'ASC NULLS LAST'}, ${fallback}`;
}

const PAGE_JSON = `coalesce((SELECT json_agg(json_build_object('id', id, 'cycleId', cycle_id, 'instanceId', instance_id)) FROM page), '[]')`;

/**
 * One page of ids in the list's order and its total (exact; for a search, up to SEARCH_TOTAL_CAP),
 * in one statement reading the applications table alone.
 *
 * - The state filter reads the application's own state (the mirror the engine writes with each
 *   transition), so the office's list pages each of its cycles along (cycle_id, state, order) and
 *   counts that index's entries; no instance is joined.
 * - Without a search, the office's list pages each of its cycles along the index (cycle_id, …
 *   order) and merges them, so a page reads at most (offset + page size) index entries per cycle,
 *   never the whole cycle; its total (with or without a state) is the sum of its cycles' counters
 *   (application_state_counts, kept by triggers), not a count of their rows.
 * - A search is the applications of the scope whose organisation's name or credit code (the copies
 *   the row carries, kept equal by a cascading foreign key), or whose receipt number, contains the
 *   term (literally: its % and _ match themselves): one condition on the lower-cased column joining
 *   the three (search_text, migration 1795563100000), which the (cycle, text) trigram index answers
 *   from its postings, no union. The first SEARCH_TOTAL_CAP + 1 matches are read (each cycle along
 *   its own postings). That first read is the total, exact up to the cap, else the cap
 *   with `totalCapped`. When it found them all, the page is those rows sorted (at most the cap of
 *   them); when there are more, the page walks the list's order as the list without a search does
 *   (each cycle along its ordered index, keeping the rows that match, at most offset + page size a
 *   cycle), checking the text on the index entry (the ordered indexes carry it: an index-only
 *   walk, no row read), so a term common enough to pass the cap fills a page early in the walk
 *   when its matches are spread through the order. What stays proportional: the walk reads the
 *   entries before a page's matches (many when a common term's matches all sit late in the order),
 *   and a sort with no ordered index (receipt number, name, state) sorts each cycle's matches.
 */
export async function listPage(runner: SqlRunner, scope: ListScope, filters: ListFilters, offset: number, limit: number): Promise<ListedPage> {
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where: string[] = [];
  const state = filters.state ? param(filters.state) : undefined;
  if (state) where.push(`a.state = ${state}`);
  if (filters.organizationId) where.push(`a.organization_id = ${param(filters.organizationId)}`);
  if (filters.submittedFrom) where.push(`a.submitted_at >= ${param(filters.submittedFrom)}`);
  if (filters.submittedTo) where.push(`a.submitted_at < ${param(filters.submittedTo)}`);
  const sort = filters.sort;

  // The scope as a condition on `a`, and (for an office) its cycles.
  let inScope: string;
  let cycles: string | undefined;
  let inRegion = '';
  if ('organizationId' in scope) {
    inScope = `a.organization_id = ${param(scope.organizationId)}${filters.cycleId ? ` AND a.cycle_id = ${param(filters.cycleId)}` : ''}`;
  } else {
    // A scoped recommender: its awards narrow the cycles, its division the organisations.
    const awards = scope.recommender?.awardCodes ? ` AND ${recommenderScopeSql({ divisionCode: null, awardCodes: scope.recommender.awardCodes }, 'c.award_code', '', param)}` : '';
    cycles = `SELECT c.id FROM ${CYCLE_OFFICES_RELATION} c WHERE c.office_id = ANY(${param(scope.officeIds)}::uuid[])${awards}${filters.cycleId ? ` AND c.id = ${param(filters.cycleId)}` : ''}`;
    inScope = `a.cycle_id IN (${cycles})`;
    if (scope.recommender?.divisionCode) {
      inRegion = ` AND EXISTS (SELECT 1 FROM organizations o WHERE o.id = a.organization_id AND ${recommenderScopeSql({ divisionCode: scope.recommender.divisionCode, awardCodes: null }, '', 'o.region_code', param)})`;
      where.push(inRegion.slice(' AND '.length));
    }
  }

  const and = where.map((w) => ` AND ${w}`).join('');

  let sql: string;
  if (filters.search) {
    const matches = `a.search_text LIKE lower(${param(`%${escapeLike(filters.search)}%`)})`;
    const cap = `${param(SEARCH_TOTAL_CAP)}::int`;
    const columns = `a.id, a.cycle_id, a.instance_id, ${ORDER_COLUMNS}`;
    // The first matches, at most one past the cap (per cycle for an office, each along its own postings).
    const first = cycles
      ? `SELECT m.* FROM (${cycles}) k CROSS JOIN LATERAL (
           SELECT ${columns} FROM applications a WHERE a.cycle_id = k.id${and} AND ${matches} LIMIT ${cap} + 1
         ) m`
      : `SELECT ${columns} FROM applications a WHERE ${inScope}${and} AND ${matches} LIMIT ${cap} + 1`;
    // More matches than the cap: the list's order walked (per cycle for an office), keeping the
    // matching rows; it reads only what the ordered index holds (an index-only walk for the default order).
    const sorted = parseSort(sort, SORT_COLUMNS)?.column;
    const walked = `a.id, a.cycle_id, a.instance_id, a.submitted_at, a.created_at${sorted && sorted !== 'submitted_at' ? `, a.${sorted}` : ''}`;
    const walk = cycles
      ? `SELECT p.* FROM (${cycles}) k CROSS JOIN LATERAL (
           SELECT ${walked} FROM applications a WHERE a.cycle_id = k.id${and} AND ${matches}
            ORDER BY ${orderBy('a', sort)} LIMIT ${param(offset + limit)}
         ) p`
      : `SELECT ${walked} FROM applications a WHERE ${inScope}${and} AND ${matches}`;
    const [limitParam, offsetParam] = [param(limit), param(offset)];
    sql = `WITH matched AS MATERIALIZED (${first}),
           counted AS MATERIALIZED (SELECT count(*)::int AS n FROM matched),
           page AS (
             (SELECT m.id, m.cycle_id, m.instance_id FROM matched m WHERE (SELECT n FROM counted) <= ${cap}
               ORDER BY ${orderBy('m', sort)} LIMIT ${limitParam} OFFSET ${offsetParam})
             UNION ALL
             (SELECT w.id, w.cycle_id, w.instance_id FROM (${walk}) w WHERE (SELECT n FROM counted) > ${cap}
               ORDER BY ${orderBy('w', sort)} LIMIT ${limitParam} OFFSET ${offsetParam})
           )
           SELECT least(c.n, ${cap}) AS total, c.n > ${cap} AS "totalCapped", ${PAGE_JSON} AS rows FROM counted c`;
  } else if (!cycles) {
    sql = `WITH page AS (
             SELECT a.id, a.cycle_id, a.instance_id FROM applications a WHERE ${inScope}${and}
              ORDER BY ${orderBy('a', sort)} LIMIT ${param(limit)} OFFSET ${param(offset)}
           )
           SELECT (SELECT count(*)::int FROM applications a WHERE ${inScope}${and}) AS total, ${PAGE_JSON} AS rows`;
  } else {
    // The counters know cycles and states only: a list narrowed to one organisation, to a
    // recommender's division or to a 提交时间 range counts its rows.
    const total = filters.organizationId || inRegion || filters.submittedFrom || filters.submittedTo
      ? `(SELECT count(*)::int FROM applications a WHERE ${inScope}${and})`
      : `(SELECT coalesce(sum(s.n), 0)::int FROM application_state_counts s WHERE s.cycle_id IN (${cycles})${state ? ` AND s.state = ${state}` : ''})`;
    const window = param(offset + limit);
    sql = `WITH page AS (
             SELECT p.* FROM (${cycles}) k CROSS JOIN LATERAL (
               SELECT a.id, a.cycle_id, a.instance_id, ${ORDER_COLUMNS} FROM applications a WHERE a.cycle_id = k.id${and}
                ORDER BY ${orderBy('a', sort)} LIMIT ${window}
             ) p
             ORDER BY ${orderBy('p', sort)} LIMIT ${param(limit)} OFFSET ${param(offset)}
           )
           SELECT ${total} AS total, ${PAGE_JSON} AS rows`;
  }
  const [result] = await sqlRows<ListedPage>(runner, sql, params);
  return { ...result, totalCapped: result.totalCapped ?? false };
}

export interface ListedApplication {
  application: Application;
  organization: ApplicantIdentity;
}

/** The applications and their organisations by id, in one statement. */
export async function listedApplications(runner: SqlRunner, ids: readonly string[]): Promise<Map<string, ListedApplication>> {
  if (!ids.length) return new Map();
  const rows = await sqlRows<Application & { org: ApplicantIdentity }>(
    runner,
    `SELECT a.id, a.cycle_id AS "cycleId", a.organization_id AS "organizationId", a.instance_id AS "instanceId", a.form,
            a.receipt_number AS "receiptNumber", a.submitted_at AS "submittedAt", a.created_by AS "createdBy",
            a.recommended_from_id AS "recommendedFromId", a.renewal_of_id AS "renewalOfId", a.created_at AS "createdAt", a.updated_at AS "updatedAt",
            ${APPLICANT_IDENTITY_JSON} AS org
       FROM applications a JOIN organizations o ON o.id = a.organization_id
      WHERE a.id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map(({ org, ...application }) => [application.id, { application: Object.assign(new Application(), application), organization: org }]));
}
