export type AggregationRule = 'trimmed_mean' | 'mean' | 'median' | 'zscore';

const round2 = (x: number) => Math.round(x * 100) / 100;

export function mean(xs: number[]): number {
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** The default: with at least 5 scores drop one highest and one lowest, then average. */
export function trimmedMean(xs: number[]): number {
  if (xs.length < 5) return mean(xs);
  const s = [...xs].sort((a, b) => a - b);
  return mean(s.slice(1, -1));
}

function sd(xs: number[]): number {
  const m = mean(xs);
  return Math.sqrt(mean(xs.map((x) => (x - m) ** 2)));
}

export interface ReviewerScore {
  applicationId: string;
  reviewerId: string;
  total: number;
}

/**
 * Per-reviewer z-score normalisation: each score is re-expressed against its reviewer's own mean
 * and spread in the cycle, so a harsh and a lenient expert count alike, then mapped back onto the
 * cycle's overall scale and averaged per application. A reviewer with fewer than two scores, or
 * no spread, contributes the raw score. Recomputed from all scores whenever asked.
 */
export function zScoreNormalise(scores: ReviewerScore[]): Map<string, number> {
  const all = scores.map((s) => s.total);
  const overallMean = mean(all);
  const overallSd = sd(all);
  const byReviewer = new Map<string, number[]>();
  for (const s of scores) byReviewer.set(s.reviewerId, [...(byReviewer.get(s.reviewerId) ?? []), s.total]);
  const normalised = new Map<string, number[]>();
  for (const s of scores) {
    const own = byReviewer.get(s.reviewerId)!;
    const spread = sd(own);
    const value = own.length < 2 || spread === 0 || overallSd === 0 ? s.total : overallMean + ((s.total - mean(own)) / spread) * overallSd;
    normalised.set(s.applicationId, [...(normalised.get(s.applicationId) ?? []), value]);
  }
  return new Map([...normalised].map(([id, values]) => [id, round2(mean(values))]));
}

/** Aggregates one application's scores by a rule (zscore needs the whole cycle: see zScoreNormalise). */
export function aggregate(rule: Exclude<AggregationRule, 'zscore'>, xs: number[]): number {
  if (xs.length === 0) throw new Error('no scores to aggregate');
  const f = { trimmed_mean: trimmedMean, mean, median }[rule];
  return round2(f(xs));
}
