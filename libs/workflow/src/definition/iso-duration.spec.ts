import { describe, expect, it } from '@jest/globals';
import { addIsoDuration, isWorkingDayDuration, parseIsoDuration, WorkingDayCalendar } from './iso-duration';

describe('ISO 8601 durations', () => {
  it('parses the forms cycles use', () => {
    expect(parseIsoDuration('P7D')).toMatchObject({ days: 7 });
    expect(parseIsoDuration('PT30S')).toMatchObject({ seconds: 30 });
    expect(parseIsoDuration('P3Y')).toMatchObject({ years: 3 });
    expect(parseIsoDuration('P1DT12H')).toMatchObject({ days: 1, hours: 12 });
    for (const bad of ['7D', 'P', 'PT', '15 days', 'P-1D']) expect(parseIsoDuration(bad)).toBeNull();
  });

  it('adds calendar years and months, clamping to the month end', () => {
    expect(addIsoDuration(new Date('2024-02-29T04:00:00Z'), 'P3Y').toISOString()).toBe('2027-02-28T04:00:00.000Z');
    expect(addIsoDuration(new Date('2026-01-31T00:00:00Z'), 'P1M').toISOString()).toBe('2026-02-28T00:00:00.000Z');
    expect(addIsoDuration(new Date('2026-05-01T00:00:00Z'), 'PT1.5S').toISOString()).toBe('2026-05-01T00:00:01.500Z');
  });

  it('parses working days only as a whole duration of at least one day', () => {
    expect(parseIsoDuration('P5WD')).toMatchObject({ workingDays: 5, days: 0, weeks: 0 });
    expect(parseIsoDuration('P7D')).toMatchObject({ workingDays: 0 });
    for (const bad of ['P0WD', 'P5WDT1H', 'P1W2WD', 'PWD', 'P5wd']) expect(parseIsoDuration(bad)).toBeNull();
    expect(isWorkingDayDuration('P5WD')).toBe(true);
    expect(isWorkingDayDuration('P5D')).toBe(false);
  });

  it('asks the holiday calendar for working days, and refuses them without one', () => {
    const asked: Array<[string, number]> = [];
    const calendar: WorkingDayCalendar = {
      endOfWorkingDays: (from, days) => {
        asked.push([from.toISOString(), days]);
        return new Date('2025-10-13T16:00:00Z');
      },
    };
    expect(addIsoDuration(new Date('2025-09-29T02:00:00Z'), 'P5WD', calendar).toISOString()).toBe('2025-10-13T16:00:00.000Z');
    expect(asked).toEqual([['2025-09-29T02:00:00.000Z', 5]]);
    expect(addIsoDuration(new Date('2025-09-29T02:00:00Z'), 'P5D', calendar).toISOString()).toBe('2025-10-04T02:00:00.000Z');
    expect(asked).toHaveLength(1);
    expect(() => addIsoDuration(new Date('2025-09-29T02:00:00Z'), 'P5WD')).toThrow('counts working days');
  });
});
