import { SHIPPED_YEARS, WorkCalendar } from '@awardflow/calendar';
import { publicityPeriod } from './publicity-period';

const calendar = new WorkCalendar(SHIPPED_YEARS);

describe('the dates of a 公示 batch', () => {
  it('counts 5 working days across 国庆·中秋 2025 from the day after the start, ending 24:00 Beijing', () => {
    const p = publicityPeriod('2025-09-29', 'P5WD', calendar);
    expect(p.endsOn).toBe('2025-10-13');
    expect(p.endsAt.toISOString()).toBe('2025-10-13T16:00:00.000Z');
  });

  it('counts calendar days from the day after the start (大渡口区: published 11-08, 公示 to 11-15)', () => {
    expect(publicityPeriod('2020-11-08', 'P7D', calendar).endsOn).toBe('2020-11-15');
    expect(publicityPeriod('2025-09-30', 'P7D', calendar).endsOn).toBe('2025-10-07');
  });

  it('counts 5 working days across 2026 春节 with its 调休 Saturday', () => {
    expect(publicityPeriod('2026-02-11', 'P5WD', calendar).endsOn).toBe('2026-02-25');
  });

  it('refuses to guess a year whose holiday notice is not in the calendar', () => {
    expect(() => publicityPeriod('2026-12-28', 'P5WD', calendar)).toThrow(expect.objectContaining({ code: 'CALENDAR_YEAR_MISSING' }));
  });

  it('takes only whole days or working days', () => {
    expect(() => publicityPeriod('2025-09-29', 'PT1H', calendar)).toThrow(RangeError);
  });
});
