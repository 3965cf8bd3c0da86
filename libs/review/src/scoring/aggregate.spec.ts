import { describe, expect, it } from '@jest/globals';
import { aggregate, zScoreNormalise } from './aggregate';

describe('score aggregation', () => {
  const vectors: Array<['trimmed_mean' | 'mean' | 'median', number[], number]> = [
    ['trimmed_mean', [800, 820, 840, 860, 990], 840],
    ['trimmed_mean', [500, 820, 840, 860, 880, 900], 850],
    ['trimmed_mean', [700, 800, 900], 800],
    ['trimmed_mean', [700, 800, 900, 1000], 850],
    ['mean', [800, 820, 840, 860, 990], 862],
    ['mean', [700.5, 800.4], 750.45],
    ['median', [800, 820, 840, 860, 990], 840],
    ['median', [800, 820, 840, 860], 830],
  ];
  it.each(vectors)('%s of %j is %d', (rule, xs, expected) => {
    expect(aggregate(rule, xs)).toBe(expected);
  });

  it('z-scores correct a harsh and a lenient reviewer', () => {
    // harsh scores everyone 100 lower, lenient 100 higher: the same ranking, different scales.
    const scores = ['a', 'b', 'c'].flatMap((app, i) => [
      { applicationId: app, reviewerId: 'harsh', total: 600 + i * 50 },
      { applicationId: app, reviewerId: 'lenient', total: 800 + i * 50 },
    ]);
    const z = zScoreNormalise(scores);
    expect(z.get('a')! < z.get('b')! && z.get('b')! < z.get('c')!).toBe(true);
    // After normalisation both reviewers agree, so each application's value is its z mapped once.
    const harshOnly = zScoreNormalise(scores.filter((s) => s.reviewerId === 'harsh'));
    expect(harshOnly.get('b')).toBe(650);
  });

  it('keeps the raw score of a reviewer with one score', () => {
    expect(zScoreNormalise([{ applicationId: 'a', reviewerId: 'r', total: 777 }]).get('a')).toBe(777);
  });
});
