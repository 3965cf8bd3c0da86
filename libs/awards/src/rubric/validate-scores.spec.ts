import { describe, expect, it } from '@jest/globals';
import { BRAND_RUBRIC, ENGINEERING_RUBRIC, GBT_19580 } from './rubrics';
import { rubricItems } from './rubric.types';
import { totalScore, validateFeedback, validateScores } from './validate-scores';
import { bandOf, bandRange } from './guidance';

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

describe('GB/Z 19579 guidance', () => {
  it('gives every GB/T 19580 item its guide: ADLI for 4.1–4.6, LeTCI for 4.7, each with six bands of four sentences', () => {
    for (const c of GBT_19580.categories) for (const i of c.items) expect(i.guidance).toBe(c.code === '4.7' ? 'results' : 'process');
    const g = GBT_19580.guidance!;
    expect(g.source).toContain('GB/Z 19579-2012');
    expect(g.process.dimensions.map((d) => d.label)).toEqual(['方法', '展开', '学习', '整合']);
    expect(g.results.dimensions.map((d) => d.label)).toEqual(['水平', '趋势', '对比', '整合']);
    for (const guide of [g.process, g.results]) {
      expect(guide.bands.map((b) => b.label)).toEqual(['0%–5%', '10%–25%', '30%–45%', '50%–65%', '70%–85%', '90%–100%']);
      for (const b of guide.bands) expect(b.descriptions).toHaveLength(4);
    }
    expect(ENGINEERING_RUBRIC.guidance).toBeUndefined();
  });

  it('turns a band into points of an item and finds the band of a score', () => {
    expect(bandRange(50, { from: 10, to: 25 })).toEqual([5, 12.5]);
    expect(bandRange(15, { from: 30, to: 45 })).toEqual([4.5, 6.8]);
    expect(bandOf(50, 12.5)).toBe(1);
    expect(bandOf(50, 0)).toBe(0);
    expect(bandOf(50, 50)).toBe(5);
    expect(bandOf(50, 3.5)).toBeNull(); // 7%: between 0–5% and 10–25%
  });
});

describe('drafts and per-category feedback', () => {
  it('lets a draft leave items out but still refuses a score over the maximum, naming the item', () => {
    expect(validateScores(GBT_19580, [{ criterion: '4.1.2', score: 20 }], { partial: true })).toEqual([]);
    expect(validateScores(GBT_19580, [{ criterion: '4.4.6', score: 10.5 }], { partial: true })).toEqual([{ field: 'items[4.4.6]', messages: ['不能超过该项满分 10 分（基础设施）'] }]);
  });

  it('accepts 优势 / 改进机会 per category once, refuses unknown or repeated categories and over-long texts', () => {
    expect(validateFeedback(GBT_19580, [{ category: '4.1', strengths: '高层领导率先垂范', opportunities: '治理机制待完善' }, { category: '4.7' }])).toEqual([]);
    const errors = validateFeedback(GBT_19580, [{ category: '4.9', strengths: 'x' }, { category: '4.2' }, { category: '4.2', opportunities: 'x'.repeat(5001) }]);
    expect(errors).toEqual([
      { field: 'categories[4.9]', messages: ['4.9 不是卓越绩效评价准则（GB/T 19580）中的评分类目'] },
      { field: 'categories[4.2]', messages: ['4.2 战略 重复填写'] },
      { field: 'categories[4.2].opportunities', messages: ['战略的改进机会不能超过 5000 字'] },
    ]);
  });
});
