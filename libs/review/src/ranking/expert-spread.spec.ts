import { describe, expect, it } from '@jest/globals';
import { trimmedMean } from '../scoring/aggregate';
import { expertSpread } from './expert-spread';

const scores = (...totals: number[]) => totals.map((total, i) => ({ reviewerId: `r${i}`, total }));

describe('expertSpread', () => {
  it('marks the highest and the lowest of five as dropped by the trimmed mean, and the mean of the rest is the aggregate', () => {
    const out = expertSpread(scores(80, 62, 85, 95, 78), 'trimmed_mean', 150);
    expect(out.experts.map((e) => e.dropped)).toEqual([false, true, false, true, false]);
    const kept = out.experts.filter((e) => !e.dropped).map((e) => e.total);
    expect(kept.reduce((s, x) => s + x, 0) / kept.length).toBeCloseTo(trimmedMean([80, 62, 85, 95, 78]));
    expect(out.spread).toBe(33);
  });

  it('drops nothing under five scores or under another rule', () => {
    expect(expertSpread(scores(80, 62, 85, 95), 'trimmed_mean', 150).experts.some((e) => e.dropped)).toBe(false);
    expect(expertSpread(scores(80, 62, 85, 95, 78), 'mean', 150).experts.some((e) => e.dropped)).toBe(false);
  });

  it('drops one of equal extremes, the first given', () => {
    const out = expertSpread(scores(70, 70, 80, 90, 90), 'trimmed_mean', 150);
    expect(out.experts.map((e) => e.dropped)).toEqual([true, false, false, true, false]);
  });

  it('flags an expert more than the threshold off the mean of the others, not one at it', () => {
    // r0: 500 against the others' 703.33; r3: 860 against 583.33.
    const out = expertSpread(scores(500, 600, 650, 860), 'mean', 150);
    expect(out.experts.map((e) => [e.deviation, e.outlier])).toEqual([
      [-203.33, true],
      [-70, false],
      [-3.33, false],
      [276.67, true],
    ]);
    // Exactly at the threshold is not past it.
    expect(expertSpread(scores(500, 650, 650), 'mean', 150).experts.map((e) => [e.deviation, e.outlier])).toEqual([
      [-150, false],
      [75, false],
      [75, false],
    ]);
    expect(out.hasOutlier).toBe(true);
    const calm = expertSpread(scores(600, 620, 640), 'mean', 150);
    expect(calm.hasOutlier).toBe(false);
    expect(calm.spread).toBe(40);
  });

  it('has no deviation with one expert', () => {
    expect(expertSpread(scores(700), 'trimmed_mean', 10)).toEqual({ experts: [{ reviewerId: 'r0', total: 700, dropped: false, deviation: 0, outlier: false }], spread: 0, hasOutlier: false });
  });
});
