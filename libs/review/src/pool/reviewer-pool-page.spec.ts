import { describe, expect, it } from '@jest/globals';
import { reviewerPoolPage } from './reviewer-pool-page';
import type { ReviewerProfile } from './pool.service';

const reviewer = (userId: string, displayName: string, expertise: string[], maxLoad: number, openAssignments = 0): ReviewerProfile => ({
  userId,
  displayName,
  expertise,
  ties: [],
  maxLoad,
  active: true,
  openAssignments,
});

// In the pool's own order (the office's members), which is no sort's order.
const pool = [
  reviewer('u3', '王敏', ['C38'], 10, 2),
  reviewer('u1', '李强', ['C'], 20, 0),
  reviewer('u4', 'Zhang Wei', ['E47'], 15, 1),
  reviewer('u2', '陈静', ['C26', 'M'], 15, 2),
];
const ids = (query: Parameters<typeof reviewerPoolPage>[1]) => reviewerPoolPage(pool, query).items.map((r) => r.userId);

describe('reviewerPoolPage', () => {
  it('keeps the pool order without a sort, on the default page', () => {
    expect(reviewerPoolPage(pool, {})).toEqual({ items: pool, total: 4, page: 1, pageSize: 20 });
  });

  it('searches by a part of the name, trimmed and in any case', () => {
    expect(ids({ search: '李' })).toEqual(['u1']);
    expect(ids({ search: '  zhang ' })).toEqual(['u4']);
    expect(ids({ search: '   ' })).toEqual(['u3', 'u1', 'u4', 'u2']);
  });

  it('filters by field: a section covers its codes, a code is covered by its section', () => {
    expect(ids({ expertise: 'C' })).toEqual(['u3', 'u1', 'u2']);
    expect(ids({ expertise: 'C38' })).toEqual(['u3', 'u1']);
    expect(ids({ expertise: 'C3825' })).toEqual(['u3', 'u1']);
    expect(ids({ expertise: 'M' })).toEqual(['u2']);
    expect(ids({ expertise: 'B' })).toEqual([]);
  });

  it('sorts names in Chinese collation, either way', () => {
    const collator = new Intl.Collator('zh-CN');
    const names = reviewerPoolPage(pool, { sort: 'displayName' }).items.map((r) => r.displayName);
    expect(names).toEqual(pool.map((r) => r.displayName).sort(collator.compare));
    expect(reviewerPoolPage(pool, { sort: '-displayName' }).items.map((r) => r.displayName)).toEqual([...names].reverse());
  });

  it('sorts numbers as numbers, equal values by user id in both directions', () => {
    expect(ids({ sort: 'maxLoad' })).toEqual(['u3', 'u2', 'u4', 'u1']);
    expect(ids({ sort: '-maxLoad' })).toEqual(['u1', 'u2', 'u4', 'u3']);
    expect(ids({ sort: 'openAssignments' })).toEqual(['u1', 'u4', 'u2', 'u3']);
    expect(ids({ sort: '-openAssignments' })).toEqual(['u2', 'u3', 'u4', 'u1']);
  });

  it('leaves the pool order for a column it does not sort on', () => {
    expect(ids({ sort: 'ties' })).toEqual(['u3', 'u1', 'u4', 'u2']);
  });

  it('cuts the page after filtering and sorting, the total counting every match', () => {
    expect(reviewerPoolPage(pool, { expertise: 'C', sort: 'maxLoad', page: 2, pageSize: 2 })).toEqual({ items: [pool[1]], total: 3, page: 2, pageSize: 2 });
    expect(reviewerPoolPage(pool, { page: 3, pageSize: 2 })).toEqual({ items: [], total: 4, page: 3, pageSize: 2 });
  });
});
