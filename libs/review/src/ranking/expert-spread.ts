import type { AggregationRule } from '../scoring/aggregate';

/** The share of the rubric's maximum an expert may stand off the others before the ranking flags it. */
export const DEFAULT_OUTLIER_SHARE = 0.15;

export interface ExpertTotalIn {
  reviewerId: string;
  total: number;
}

export interface ExpertTotalOut extends ExpertTotalIn {
  /** Left out of the aggregate: the trimmed mean drops one highest and one lowest of five or more. */
  dropped: boolean;
  /** This total minus the mean of the other experts' (0 with no other expert). */
  deviation: number;
  /** More than the threshold away from the others' mean. */
  outlier: boolean;
}

export interface ExpertSpread {
  experts: ExpertTotalOut[];
  /** Highest total minus lowest. */
  spread: number;
  /** Some expert is an outlier. */
  hasOutlier: boolean;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * One application's expert totals as the office reads them beside the ranking: which the aggregate
 * dropped (trimmed mean: with at least five scores one highest and one lowest, as trimmedMean in
 * scoring/aggregate.ts), the spread, and who stands more than `threshold` points off the mean of
 * the others. Ties for highest or lowest drop one of them, the first in the given order (the
 * experts come ordered by id, so the choice is stable). Pure: the caller passes the threshold.
 */
export function expertSpread(scores: ExpertTotalIn[], rule: AggregationRule, threshold: number): ExpertSpread {
  const n = scores.length;
  const dropped = new Set<number>();
  if (rule === 'trimmed_mean' && n >= 5) {
    const order = scores.map((s, i) => i).sort((a, b) => scores[a].total - scores[b].total || a - b);
    dropped.add(order[0]);
    // The highest: the first in the given order among those sharing the top total.
    const top = scores[order[n - 1]].total;
    dropped.add(scores.findIndex((s) => s.total === top));
  }
  const sum = scores.reduce((s, x) => s + x.total, 0);
  const experts = scores.map((s, i) => {
    const deviation = n > 1 ? round2(s.total - (sum - s.total) / (n - 1)) : 0;
    return { ...s, dropped: dropped.has(i), deviation, outlier: n > 1 && Math.abs(deviation) > threshold };
  });
  const totals = scores.map((s) => s.total);
  return { experts, spread: n ? round2(Math.max(...totals) - Math.min(...totals)) : 0, hasOutlier: experts.some((e) => e.outlier) };
}
