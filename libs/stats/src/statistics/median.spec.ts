import { describe, expect, it } from '@jest/globals';
import { median } from './median';

describe('median of counted lengths', () => {
  it('is the middle length of an odd count, whatever the order of the rows', () => {
    expect(median([{ days: 4, stays: 1 }, { days: 1, stays: 2 }, { days: 2, stays: 1 }, { days: 6, stays: 1 }])).toBe(2);
  });

  it('interpolates between the two middle lengths of an even count, as percentile_cont(0.5) does', () => {
    expect(median([{ days: 1, stays: 1 }, { days: 2, stays: 1 }, { days: 4, stays: 1 }, { days: 6, stays: 1 }])).toBe(3);
    expect(median([{ days: 1.5, stays: 3 }, { days: 2.5, stays: 1 }])).toBe(1.5);
    expect(median([{ days: 1, stays: 2 }, { days: 2, stays: 2 }])).toBe(1.5);
  });

  it('is null when nothing was counted', () => {
    expect(median([])).toBeNull();
    expect(median([{ days: 3, stays: 0 }])).toBeNull();
  });
});
