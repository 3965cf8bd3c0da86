import { beijingDate } from './dates';
import { isMonthDay, nextUsualWindow, usualCalendarText, usualWindowOf } from './usual-calendar';

const SPRING = { opens: '04-01', closes: '05-31' };
const WINTER = { opens: '11-01', closes: '01-31' };

describe('the usual 申报 calendar', () => {
  it('is this year’s window while it is ahead or still open, next year’s once it has closed', () => {
    expect(nextUsualWindow(SPRING, '2026-01-10')).toEqual({ year: 2026, opens: '2026-04-01', closes: '2026-05-31' });
    expect(nextUsualWindow(SPRING, '2026-04-20')).toEqual({ year: 2026, opens: '2026-04-01', closes: '2026-05-31' });
    // The closing day itself is still open (until 24:00 Beijing time).
    expect(nextUsualWindow(SPRING, '2026-05-31')).toEqual({ year: 2026, opens: '2026-04-01', closes: '2026-05-31' });
    expect(nextUsualWindow(SPRING, '2026-06-01')).toEqual({ year: 2027, opens: '2027-04-01', closes: '2027-05-31' });
    expect(nextUsualWindow(SPRING, '2026-12-31')).toEqual({ year: 2027, opens: '2027-04-01', closes: '2027-05-31' });
  });

  it('counts from the Beijing date: 31 December 17:00 UTC is already 1 January in Beijing', () => {
    const dec31 = { opens: '12-01', closes: '12-31' };
    expect(beijingDate('2026-12-31T15:59:59Z')).toBe('2026-12-31');
    expect(nextUsualWindow(dec31, beijingDate('2026-12-31T15:59:59Z'))).toEqual({ year: 2026, opens: '2026-12-01', closes: '2026-12-31' });
    expect(beijingDate('2026-12-31T17:00:00Z')).toBe('2027-01-01');
    expect(nextUsualWindow(dec31, beijingDate('2026-12-31T17:00:00Z'))).toEqual({ year: 2027, opens: '2027-12-01', closes: '2027-12-31' });
  });

  it('a window across the year end closes in the next year, and in January may be the one opened last November', () => {
    expect(usualWindowOf(WINTER, 2026)).toEqual({ year: 2026, opens: '2026-11-01', closes: '2027-01-31' });
    expect(nextUsualWindow(WINTER, '2027-01-15')).toEqual({ year: 2026, opens: '2026-11-01', closes: '2027-01-31' });
    expect(nextUsualWindow(WINTER, '2027-02-01')).toEqual({ year: 2027, opens: '2027-11-01', closes: '2028-01-31' });
    expect(nextUsualWindow(WINTER, '2026-12-31')).toEqual({ year: 2026, opens: '2026-11-01', closes: '2027-01-31' });
    expect(usualCalendarText(WINTER)).toBe('每年11月1日至次年1月31日');
  });

  it('29 February is the 28th in a year without one', () => {
    const leap = { opens: '01-15', closes: '02-29' };
    expect(usualWindowOf(leap, 2028)).toEqual({ year: 2028, opens: '2028-01-15', closes: '2028-02-29' });
    expect(usualWindowOf(leap, 2027)).toEqual({ year: 2027, opens: '2027-01-15', closes: '2027-02-28' });
    expect(nextUsualWindow(leap, '2027-02-28')).toEqual({ year: 2027, opens: '2027-01-15', closes: '2027-02-28' });
    expect(nextUsualWindow(leap, '2027-03-01')).toEqual({ year: 2028, opens: '2028-01-15', closes: '2028-02-29' });
  });

  it('reads as offices write it, and knows a month-day', () => {
    expect(usualCalendarText(SPRING)).toBe('每年4月1日至5月31日');
    expect(isMonthDay('02-29')).toBe(true);
    expect(isMonthDay('02-30')).toBe(false);
    expect(isMonthDay('4-1')).toBe(false);
  });
});
