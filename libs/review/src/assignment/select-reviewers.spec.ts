import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { PoolReviewer, selectReviewers } from './select-reviewers';

const applicant = { organizationId: 'o1', uscc: '91350100M000100Y43', industry: 'C3825' };

describe('selectReviewers', () => {
  it('never picks a tied, conflicted or excluded reviewer, nor one over the cap (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            expertise: fc.subarray(['B', 'C', 'C38', 'D', 'F']),
            tied: fc.boolean(),
            conflicted: fc.boolean(),
            excluded: fc.boolean(),
            load: fc.integer({ min: 0, max: 6 }),
            maxLoad: fc.integer({ min: 1, max: 6 }),
          }),
          { minLength: 0, maxLength: 30 },
        ),
        fc.integer({ min: 1, max: 7 }),
        (specs, count) => {
          const pool: PoolReviewer[] = specs.map((s, i) => ({ id: `r${i}`, expertise: s.expertise, ties: s.tied ? [applicant.uscc] : [], load: s.load, maxLoad: s.maxLoad }));
          const conflicted = new Set(specs.flatMap((s, i) => (s.conflicted ? [`r${i}`] : [])));
          const exclude = new Set(specs.flatMap((s, i) => (s.excluded ? [`r${i}`] : [])));
          const result = selectReviewers({ pool, applicant, conflicted, exclude, count, seed: 'app-1' });
          const allowed = pool.filter((r, i) => !specs[i].tied && !specs[i].conflicted && !specs[i].excluded && r.load < r.maxLoad);
          if ('flag' in result) {
            expect(allowed.length).toBeLessThan(count);
          } else {
            expect(result.selected).toHaveLength(count);
            expect(new Set(result.selected).size).toBe(count);
            for (const id of result.selected) expect(allowed.map((r) => r.id)).toContain(id);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps the load within one of even over many applications', () => {
    const pool: PoolReviewer[] = Array.from({ length: 7 }, (_, i) => ({ id: `r${i}`, expertise: ['C'], ties: [], load: 0, maxLoad: 100 }));
    for (let a = 0; a < 40; a++) {
      const result = selectReviewers({ pool, applicant, conflicted: new Set(), exclude: new Set(), count: 3, seed: `app-${a}` });
      if ('flag' in result) throw new Error(result.flag);
      for (const id of result.selected) pool.find((r) => r.id === id)!.load++;
    }
    const loads = pool.map((r) => r.load);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
  });

  it('prefers experts of the applicant\'s industry', () => {
    const pool: PoolReviewer[] = [
      { id: 'finance', expertise: ['J'], ties: [], load: 0, maxLoad: 10 },
      { id: 'machinery', expertise: ['C38'], ties: [], load: 3, maxLoad: 10 },
    ];
    expect(selectReviewers({ pool, applicant, conflicted: new Set(), exclude: new Set(), count: 1, seed: 'x' })).toEqual({ selected: ['machinery'] });
  });

  it('flags the application when the pool cannot satisfy the rules', () => {
    const pool: PoolReviewer[] = [{ id: 'tied', expertise: ['C'], ties: [applicant.uscc], load: 0, maxLoad: 10 }];
    const result = selectReviewers({ pool, applicant, conflicted: new Set(), exclude: new Set(), count: 1, seed: 'x' });
    expect('flag' in result && result.flag).toMatch(/^评审专家库无法满足分配规则/);
  });
});
