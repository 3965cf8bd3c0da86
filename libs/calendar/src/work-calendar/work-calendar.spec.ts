import { describe, expect, it } from '@jest/globals';
import { DomainError, ErrorCode } from '@awardflow/platform';
import { datesBetween, endOfBeijingDay, isWeekend } from './beijing-dates';
import { SHIPPED_YEARS } from './shipped-years';
import { WorkCalendar } from './work-calendar';

const calendar = new WorkCalendar(SHIPPED_YEARS);
const workingDaysBetween = (from: string, to: string) => datesBetween(from, to).filter((d) => calendar.isWorkingDay(d));

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('the shipped calendar (State Council notices for 2024–2026)', () => {
  it.each([
    [2024, '国办发明电〔2023〕7号', 28, 8],
    [2025, '国办发明电〔2024〕12号', 28, 5],
    [2026, '国办发明电〔2025〕7号', 33, 6],
  ])('%i: from %s, %i days off and %i make-up working days, all inside the year', (year, notice, daysOff, makeUps) => {
    const y = SHIPPED_YEARS.find((s) => s.year === year)!;
    expect(y.notice).toBe(notice);
    const off = y.holidays.flatMap((h) => datesBetween(h.from, h.to));
    expect(off).toHaveLength(daysOff);
    expect(y.makeUpWorkdays).toHaveLength(makeUps);
    for (const date of [...off, ...y.makeUpWorkdays]) expect(date.startsWith(`${year}-`)).toBe(true);
    // A make-up day is a weekend day worked; a weekday "make-up" would mean a typo in the data.
    expect(y.makeUpWorkdays.filter((d) => !isWeekend(d))).toEqual([]);
    expect(y.makeUpWorkdays.filter((d) => off.includes(d))).toEqual([]);
  });
});

describe('working days', () => {
  it('5 working days from 2025-09-29 end on 2025-10-13, skipping 国庆·中秋 and counting the 调休 Saturday', () => {
    expect(calendar.lastWorkingDay('2025-09-29', 5)).toBe('2025-10-13');
    expect(workingDaysBetween('2025-09-30', '2025-10-13')).toEqual(['2025-09-30', '2025-10-09', '2025-10-10', '2025-10-11', '2025-10-13']);
    expect(calendar.endOfWorkingDays(new Date('2025-09-29T09:30:00+08:00'), 5).toISOString()).toBe('2025-10-13T16:00:00.000Z');
  });

  it('crosses 2025 春节 counting the 调休 Sunday 1-26 and Saturday 2-8 and skipping 1-28…2-4', () => {
    expect(workingDaysBetween('2025-01-25', '2025-02-10')).toEqual(['2025-01-26', '2025-01-27', '2025-02-05', '2025-02-06', '2025-02-07', '2025-02-08', '2025-02-10']);
    expect(calendar.lastWorkingDay('2025-01-24', 1)).toBe('2025-01-26');
    expect(calendar.lastWorkingDay('2025-01-24', 3)).toBe('2025-02-05');
    expect(calendar.lastWorkingDay('2025-01-24', 7)).toBe('2025-02-10');
  });

  it('crosses 2026 春节 counting the 调休 Saturdays 2-14 and 2-28 and skipping 2-15…2-23', () => {
    expect(workingDaysBetween('2026-02-14', '2026-03-02')).toEqual(['2026-02-14', '2026-02-24', '2026-02-25', '2026-02-26', '2026-02-27', '2026-02-28', '2026-03-02']);
    expect(calendar.lastWorkingDay('2026-02-13', 2)).toBe('2026-02-24');
    expect(calendar.lastWorkingDay('2026-02-13', 7)).toBe('2026-03-02');
  });

  it('never counts the start day (民法典 第二百零一条), even when the period starts on a holiday', () => {
    // 2026-10-01 is 国庆节: the period starts there and runs 10-8, 10-9, 10-10 (调休), 10-12, 10-13.
    expect(calendar.lastWorkingDay('2026-10-01', 5)).toBe('2026-10-13');
    expect(calendar.lastWorkingDay('2026-09-30', 5)).toBe('2026-10-13');
    // A working start day is not the first of the period either.
    expect(calendar.lastWorkingDay('2026-09-29', 1)).toBe('2026-09-30');
    expect(calendar.lastWorkingDay('2026-09-30', 1)).toBe('2026-10-08');
  });

  it('ends at 24:00 Beijing time of the last day and starts on the Beijing date of the start instant', () => {
    expect(endOfBeijingDay('2026-02-14').toISOString()).toBe('2026-02-14T16:00:00.000Z');
    expect(calendar.endOfWorkingDays(new Date('2026-02-13T10:00:00+08:00'), 1).toISOString()).toBe('2026-02-14T16:00:00.000Z');
    // 00:30 Beijing on 2025-09-29 is still 2025-09-28 in UTC: the Beijing date decides.
    expect(calendar.endOfWorkingDays(new Date('2025-09-28T16:30:00Z'), 5).toISOString()).toBe('2025-10-13T16:00:00.000Z');
    expect(calendar.endOfWorkingDays(new Date('2025-09-29T23:59:00+08:00'), 5).toISOString()).toBe('2025-10-13T16:00:00.000Z');
  });

  it('refuses a period that reaches into a year without its notice, in Chinese, instead of guessing', () => {
    expect(calendar.lastWorkingDay('2026-12-28', 3)).toBe('2026-12-31');
    const error = refusal(() => calendar.lastWorkingDay('2026-12-28', 5));
    expect(error).toMatchObject({ code: ErrorCode.CalendarYearMissing, params: { year: 2027 } });
    expect(error.message).toContain('2027 年的法定节假日和调休安排');
    expect(refusal(() => calendar.isWorkingDay('2023-06-01')).params).toEqual({ year: 2023 });
  });

  it('uses a later year once it is given', () => {
    const with2027 = new WorkCalendar([...SHIPPED_YEARS, { year: 2027, notice: '测试通知', holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-01' }], makeUpWorkdays: [] }]);
    expect(with2027.lastWorkingDay('2026-12-28', 5)).toBe('2027-01-05');
    expect(with2027.covers(2027)).toBe(true);
    expect(calendar.covers(2027)).toBe(false);
  });

  it('takes only a whole number of days from one up', () => {
    for (const bad of [0, -1, 1.5]) expect(() => calendar.lastWorkingDay('2025-09-29', bad)).toThrow(RangeError);
  });
});
