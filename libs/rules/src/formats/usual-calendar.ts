import { isDay } from './dates';

/**
 * When an award's 申报 usually opens and closes in a year, as Beijing month-days ('MM-DD'). A closing
 * day before the opening one falls in the next year (申报 11月1日 to 1月31日). The year of an occurrence
 * is the year it opens in, and is the cycle's 年度.
 */
export interface UsualCalendar {
  opens: string;
  closes: string;
}

export interface UsualWindow {
  year: number;
  /** Beijing dates, 'YYYY-MM-DD'. */
  opens: string;
  closes: string;
}

const MONTH_DAY = /^(\d{2})-(\d{2})$/;

/** Whether 'MM-DD' is a day of some year (02-29 is: of a leap year). */
export function isMonthDay(value: unknown): value is string {
  return typeof value === 'string' && MONTH_DAY.test(value) && isDay(`2000-${value}`);
}

/** 'MM-DD' in a year; 02-29 in a year without one is the 28th (the last day of February). */
function onYear(year: number, monthDay: string): string {
  const date = `${String(year).padStart(4, '0')}-${monthDay}`;
  return isDay(date) ? date : `${String(year).padStart(4, '0')}-02-28`;
}

/** The usual window of the occurrence that opens in `year`. */
export function usualWindowOf(calendar: UsualCalendar, year: number): UsualWindow {
  const wraps = calendar.closes < calendar.opens;
  return { year, opens: onYear(year, calendar.opens), closes: onYear(wraps ? year + 1 : year, calendar.closes) };
}

/**
 * The next occurrence of the usual window seen from `today` (a Beijing date): the one still open or
 * ahead, i.e. the earliest whose closing day is today or later. A window that wraps the year end may
 * be last year's (on 1月15日, 申报 11月1日 to 1月31日 is the one opened last November).
 */
export function nextUsualWindow(calendar: UsualCalendar, today: string): UsualWindow {
  const year = Number(today.slice(0, 4));
  for (const y of [year - 1, year, year + 1]) {
    const window = usualWindowOf(calendar, y);
    if (window.closes >= today) return window;
  }
  return usualWindowOf(calendar, year + 1); // unreachable: next year's closes after today
}

/** "每年4月1日至5月31日" (or "每年11月1日至次年1月31日"), as the form says where its default came from. */
export function usualCalendarText(calendar: UsualCalendar): string {
  const cn = (monthDay: string) => `${Number(monthDay.slice(0, 2))}月${Number(monthDay.slice(3))}日`;
  return `每年${cn(calendar.opens)}至${calendar.closes < calendar.opens ? '次年' : ''}${cn(calendar.closes)}`;
}
