import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { DomainError } from '@awardflow/platform';
import { DataSource } from 'typeorm';
import { WorkCalendars } from './work-calendars';

const year2027 = { year: 2027, notice: '国办发明电〔2026〕测试', holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-01' }], makeUpWorkdays: [], replacesShipped: false, updatedAt: new Date() };

/** A table another process writes to: reads return whatever it holds at the time (rows as the read aliases them). */
function table(rows: unknown[][]) {
  let reads = 0;
  const dataSource = { query: async () => rows[Math.min(reads++, rows.length - 1)] } as unknown as DataSource;
  return { calendars: new WorkCalendars(dataSource), reads: () => reads };
}

describe('WorkCalendars', () => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('reads the table once and answers later computations from memory', async () => {
    const { calendars, reads } = table([[]]);
    expect(await calendars.withCalendar((c) => c.lastWorkingDay('2025-09-29', 5))).toBe('2025-10-13');
    expect(await calendars.endOfWorkingDays(new Date('2025-09-29T01:00:00Z'), 5)).toEqual(new Date('2025-10-13T16:00:00Z'));
    expect(reads()).toBe(1);
  });

  it('re-reads once when a computation needs a year it lacks, so a year another process added is used', async () => {
    const { calendars, reads } = table([[], [year2027]]);
    expect(await calendars.withCalendar((c) => c.lastWorkingDay('2026-12-28', 5))).toBe('2027-01-05');
    expect(reads()).toBe(2);
  });

  it('answers from an old copy while it re-reads the table beside it, then uses what it read', async () => {
    const now = jest.spyOn(Date, 'now');
    now.mockReturnValue(Date.parse('2026-11-30T00:00:00Z'));
    const { calendars, reads } = table([[], [year2027]]);
    expect(await calendars.year(2027)).toBeUndefined();
    now.mockReturnValue(Date.parse('2026-11-30T00:06:00Z'));
    expect(await calendars.year(2027)).toBeUndefined();
    expect(reads()).toBe(2);
    await new Promise((resolve) => setImmediate(resolve));
    expect(await calendars.year(2027)).toMatchObject({ source: 'admin' });
  });

  it('still refuses when the fresh read has no such year either', async () => {
    const { calendars, reads } = table([[]]);
    await expect(calendars.withCalendar((c) => c.lastWorkingDay('2026-12-28', 5))).rejects.toBeInstanceOf(DomainError);
    expect(reads()).toBe(2);
  });

  it('lists shipped and admin years, and keeps a shipped year unless the stored one replaces it', async () => {
    const stale2025 = { ...year2027, year: 2025, notice: '录入错误' };
    const { calendars } = table([[year2027, stale2025]]);
    const years = await calendars.years();
    expect(years.map((y) => [y.year, y.source, y.notice])).toEqual([
      [2024, 'shipped', '国办发明电〔2023〕7号'],
      [2025, 'shipped', '国办发明电〔2024〕12号'],
      [2026, 'shipped', '国办发明电〔2025〕7号'],
      [2027, 'admin', '国办发明电〔2026〕测试'],
    ]);
    const amended = table([[{ ...stale2025, notice: '调整通知', replacesShipped: true }]]);
    expect(await amended.calendars.year(2025)).toMatchObject({ source: 'admin', notice: '调整通知', replacesShipped: true });
  });
});
