import { describe, expect, it } from '@jest/globals';
import type { Cycle } from './cycle.entity';
import { endOfBeijingDay, expiresWithBatch, recognitionTerms } from './recognition-validity';
import { getAward } from '@awardflow/awards';

const cycle = (over: Partial<Cycle>): Cycle => ({ awardCode: 'cq-famous-brand-product', recognitionValidityYears: 3, recognitionValidFrom: null, recognitionValidUntil: null, expiryNoticeDays: null, durationOverrides: {}, ...over }) as Cycle;

describe('a recognition’s validity', () => {
  it('ends at 24:00 Beijing of the batch’s last day, the same whenever it was approved, told 90 days before', () => {
    const batch = cycle({ recognitionValidFrom: '2024-10-01', recognitionValidUntil: '2027-09-30' });
    const early = recognitionTerms(batch, new Date('2024-09-20T02:00:00Z'));
    const late = recognitionTerms(batch, new Date('2024-12-31T15:59:00Z'));
    expect(early).toEqual(late);
    expect(early).toEqual({
      recognitionValidFrom: '2024-10-01',
      recognitionValidUntil: '2027-09-30',
      recognitionExpiresAt: '2027-09-30T16:00:00.000Z',
      recognitionExpiryNoticeAt: '2027-07-02T16:00:00.000Z',
    });
    expect(recognitionTerms({ ...batch, expiryNoticeDays: 30 }, new Date('2024-10-01T00:00:00Z'))!.recognitionExpiryNoticeAt).toBe('2027-08-31T16:00:00.000Z');
  });

  it('counts the years from the day of 审定 where the cycle sets no period, and never notices in the past', () => {
    const terms = recognitionTerms(cycle({}), new Date('2026-03-01T20:00:00Z'))!;
    // 2026-03-02 in Beijing: valid to 2029-03-01.
    expect(terms).toMatchObject({ recognitionValidFrom: '2026-03-02', recognitionValidUntil: '2029-03-01', recognitionExpiresAt: '2029-03-01T16:00:00.000Z' });
    const now = new Date('2027-09-01T00:00:00Z');
    expect(recognitionTerms(cycle({ recognitionValidFrom: '2024-10-01', recognitionValidUntil: '2027-09-30' }), now)!.recognitionExpiryNoticeAt).toBe(now.toISOString());
  });

  it('gives nothing to a 老字号 (re-checked, not expiring) or an award', () => {
    expect(recognitionTerms(cycle({ awardCode: 'cq-time-honored-brand' }), new Date())).toBeNull();
    expect(recognitionTerms(cycle({ awardCode: 'district-quality-award' }), new Date())).toBeNull();
    expect(expiresWithBatch(getAward('cq-famous-agri-product'))).toBe(true);
    expect(expiresWithBatch(getAward('china-time-honored-brand'))).toBe(false);
    expect(endOfBeijingDay('2027-12-31').toISOString()).toBe('2027-12-31T16:00:00.000Z');
  });
});
