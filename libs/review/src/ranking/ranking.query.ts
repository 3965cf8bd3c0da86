import { APPLICATION_SUMMARIES_RELATION, ORGANIZATION_PROFILES_RELATION } from '@awardflow/applications';
import { INSTANCE_STATES_RELATION } from '@awardflow/workflow';

/** Where a row tying the one above it on score was put below it: the ranking's tie-breaks, in order. */
export type TieBreak = 'results_subtotal' | 'submitted_at' | 'receipt_number';

/** A ranking row as the database computes it (rank, quota and ties included). */
export interface RankedRow {
  rank: number;
  applicationId: string;
  instanceId: string;
  receiptNumber: string | null;
  organizationName: string;
  /** The final score (综合得分): the expert aggregate plus the 现场评审 adjustment and any 答辩得分. */
  score: number;
  aggregated: number;
  onsiteAdjustment: number;
  /** A scored 企业答辩's score, null when the 答辩 was not scored. */
  defenseScore: number | null;
  resultsSubtotal: number;
  reviewerCount: number;
  state: string;
  insideQuota: 'award' | 'second_tier' | null;
  /** The last row inside the quota: the quota line is drawn under it. */
  quotaLine: boolean;
  /** The rank by score alone: rows with the same score (并列) share it. */
  scoreRank: number;
  /** Another row has the same score. */
  tied: boolean;
  /** When the row above has the same score: the tie-break that put this one below it. */
  tieBreak: TieBreak | null;
}

/**
 * The columns a ranking page sorts on (`?sort=`, `-` first: descending; issue 18), over the ranked
 * rows of rankingSql; without one the page is in rank order. Ties fall back to the rank, so equal
 * scores keep their ranked order and pages fit together. Sorting moves rows only: rank, 并列, the
 * tie-break and the quota place are computed before it, over the whole cycle.
 */
export const RANKING_SORT_COLUMNS = {
  score: 'score',
  receiptNumber: 'receipt_number COLLATE "C"',
  organizationName: `(SELECT o.name FROM ${ORGANIZATION_PROFILES_RELATION} o WHERE o.id = ranked.organization_id)`,
} as const;

/** $1 the cycle, $2 the states out of the running, $3 the awards in the quota, $4 the second tier's. */
export type RankingParams = [cycleId: string, outStates: readonly string[], awards: number, secondTier: number];

/**
 * The whole ranking in one statement, so a page, the shortlist and the CSV read the same order:
 * score (the experts' aggregate plus the 现场评审 adjustment and a scored 答辩's score) down, then the higher 结果 subtotal,
 * the earlier submission, the lower receipt number (byte order, as the receipt numbers are ASCII)
 * and the id, so the order is total and pages never overlap or skip. The quota counts down the rows
 * still in the running (a running count over the same window); `quotaLine` marks the last row
 * inside it, `scoreRank` is the rank by score alone (并列 share it) and `tieBreak` says which
 * tie-break put a row below the one above it with the same score.
 *
 * `filter` is a WHERE on the ranked rows (`state = $5`), `tail` a LIMIT/OFFSET; both after the
 * window, so neither changes a row's rank or quota place. `order` (orderBySql over
 * RANKING_SORT_COLUMNS, then `rank`) shows the chosen rows in another order than the rank, again
 * without changing what any row says. The organisation's name is looked up for the rows chosen only
 * (to sort on it, for the rows before paging).
 */
export function rankingSql(filter = '', tail = '', order = 'rank'): string {
  return `
WITH scored AS (
  SELECT s.application_id, a.instance_id, a.receipt_number, a.submitted_at, a.organization_id,
         s.aggregated + s.onsite_adjustment + COALESCE(s.defense_score, 0) AS score, s.aggregated, s.onsite_adjustment, s.defense_score, s.results_subtotal, s.reviewer_count,
         i.state, NOT (i.state = ANY($2::text[])) AS running
    FROM application_scores s
    JOIN ${APPLICATION_SUMMARIES_RELATION} a ON a.id = s.application_id
    JOIN ${INSTANCE_STATES_RELATION} i ON i.id = a.instance_id
   WHERE s.cycle_id = $1
), ranked AS (
  SELECT scored.*,
         row_number() OVER w AS rank,
         -- By score alone: a prefix of w's order, so Postgres computes them on the same sort.
         rank() OVER by_score AS score_rank,
         count(*) OVER (by_score RANGE BETWEEN CURRENT ROW AND CURRENT ROW) AS sharing_score,
         count(*) FILTER (WHERE running) OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS place,
         count(*) FILTER (WHERE running) OVER () AS running_total,
         lag(score) OVER w AS prev_score, lag(results_subtotal) OVER w AS prev_results, lag(submitted_at) OVER w AS prev_submitted
    FROM scored
  WINDOW w AS (ORDER BY score DESC, results_subtotal DESC, submitted_at ASC NULLS LAST, receipt_number COLLATE "C" ASC NULLS LAST, application_id),
         by_score AS (ORDER BY score DESC)
), chosen AS (
  SELECT ranked.*, row_number() OVER (ORDER BY ${order}) AS shown FROM ranked ${filter ? `WHERE ${filter}` : ''} ORDER BY ${order} ${tail}
)
SELECT rank::int AS rank, application_id AS "applicationId", instance_id AS "instanceId", receipt_number AS "receiptNumber",
       (SELECT o.name FROM ${ORGANIZATION_PROFILES_RELATION} o WHERE o.id = chosen.organization_id) AS "organizationName", score::float8 AS score, aggregated::float8 AS aggregated,
       onsite_adjustment::float8 AS "onsiteAdjustment", defense_score::float8 AS "defenseScore", results_subtotal::float8 AS "resultsSubtotal", reviewer_count AS "reviewerCount", state,
       CASE WHEN NOT running THEN NULL WHEN place <= $3 THEN 'award' WHEN place <= $3 + $4 THEN 'second_tier' END AS "insideQuota",
       (running AND place = LEAST($3 + $4, running_total)) AS "quotaLine",
       score_rank::int AS "scoreRank", sharing_score > 1 AS tied,
       CASE WHEN prev_score IS DISTINCT FROM score THEN NULL
            WHEN prev_results <> results_subtotal THEN 'results_subtotal'
            WHEN prev_submitted IS DISTINCT FROM submitted_at THEN 'submitted_at'
            ELSE 'receipt_number' END AS "tieBreak"
  FROM chosen
 ORDER BY shown`;
}

/** How many rows the cycle's ranking has (every aggregate has its application and instance). */
export const RANKING_COUNT_SQL = `SELECT count(*)::int AS total FROM application_scores WHERE cycle_id = $1`;
