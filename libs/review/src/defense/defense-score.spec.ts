import { describe, expect, it } from '@jest/globals';
import { defenseScoreOf } from './defense-score.service';

describe('a 答辩得分', () => {
  it('is 0 to 100 with at most one decimal', () => {
    expect([0, 60, 88.5, 100].map(defenseScoreOf)).toEqual([0, 60, 88.5, 100]);
    expect([-0.1, 100.1, 88.25, Number.NaN, Infinity, '90', null, undefined].map(defenseScoreOf)).toEqual(Array(8).fill(null));
  });
});
