import { describe, expect, it } from '@jest/globals';
import { BRAND_RUBRIC, ENGINEERING_RUBRIC, GBT_19580 } from './rubrics';
import { rubricItems } from './rubric.types';
import { totalScore, validateScores } from './validate-scores';

const full = () => rubricItems(GBT_19580).map((i) => ({ criterion: i.criterion, score: i.max / 2 }));

describe('rubrics', () => {
  it('GB/T 19580 has the seven categories with their maxima, 1000 in all, and items that add up', () => {
    expect(GBT_19580.categories.map((c) => [c.label, c.max])).toEqual([
      ['领导', 110], ['战略', 90], ['顾客与市场', 90], ['资源', 130], ['过程管理', 100], ['测量、分析与改进', 80], ['结果', 400],
    ]);
    expect(GBT_19580.categories.reduce((s, c) => s + c.max, 0)).toBe(1000);
    for (const c of GBT_19580.categories) expect(c.items.reduce((s, i) => s + i.max, 0)).toBe(c.max);
  });

  it.each([ENGINEERING_RUBRIC, BRAND_RUBRIC])('$label adds up to its total', (rubric) => {
    expect(rubricItems(rubric).reduce((s, i) => s + i.max, 0)).toBe(rubric.total);
  });
});

describe('validateScores', () => {
  it('accepts one score per item within its maximum, one decimal at most', () => {
    const items = full();
    items[0].score = 49.5;
    expect(validateScores(GBT_19580, items)).toEqual([]);
    expect(totalScore(items)).toBe(524.5);
  });

  it('refuses a score over the item\'s maximum, naming the item', () => {
    const items = full();
    items.find((i) => i.criterion === '4.1.2')!.score = 51;
    expect(validateScores(GBT_19580, items)).toEqual([{ field: 'items[4.1.2]', messages: ['不能超过该项满分 50 分（高层领导的作用）'] }]);
  });

  it('refuses negatives, two decimals, unknown, duplicate and missing items — all at once', () => {
    const items = full().filter((i) => i.criterion !== '4.7.7');
    items.find((i) => i.criterion === '4.2.2')!.score = -1;
    items.find((i) => i.criterion === '4.2.3')!.score = 10.25;
    items.push({ criterion: '9.9', score: 1 }, { criterion: '4.3.2', score: 1 });
    expect(validateScores(GBT_19580, items).map((e) => e.field)).toEqual(['items[4.2.2]', 'items[4.2.3]', 'items[9.9]', 'items[4.3.2]', 'items[4.7.7]']);
  });
});
