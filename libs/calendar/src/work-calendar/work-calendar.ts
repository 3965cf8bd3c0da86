import { DomainError, ErrorCode } from '@awardflow/platform';
import { addDays, beijingDate, datesBetween, endOfBeijingDay, isWeekend } from './beijing-dates';
import { CalendarYear } from './calendar-year';

interface YearDays {
  daysOff: Set<string>;
  makeUpWorkdays: Set<string>;
}

/**
 * Working days as the State Council's notices make them: Monday to Friday, less the 放假 days,
 * plus the 调休 weekend days. A year without its notice is never guessed: asking about any of its
 * days throws CALENDAR_YEAR_MISSING.
 */
export class WorkCalendar {
  private readonly years = new Map<number, YearDays>();

  constructor(years: readonly CalendarYear[]) {
    for (const y of years) {
      this.years.set(y.year, { daysOff: new Set(y.holidays.flatMap((h) => datesBetween(h.from, h.to))), makeUpWorkdays: new Set(y.makeUpWorkdays) });
    }
  }

  covers(year: number): boolean {
    return this.years.has(year);
  }

  isWorkingDay(date: string): boolean {
    const year = Number(date.slice(0, 4));
    const days = this.years.get(year);
    if (!days) throw new DomainError(ErrorCode.CalendarYearMissing, { year });
    if (days.makeUpWorkdays.has(date)) return true;
    return !isWeekend(date) && !days.daysOff.has(date);
  }

  /**
   * The last day of a period of `days` working days that starts on `start`. The start day itself
   * is not counted, whatever it is (民法典 第二百零一条: 开始的当日不计入，自下一日开始计算).
   */
  lastWorkingDay(start: string, days: number): string {
    if (!Number.isInteger(days) || days < 1) throw new RangeError(`a working-day period needs a whole number of days >= 1, got ${days}`);
    let date = start;
    for (let counted = 0; counted < days; ) {
      date = addDays(date, 1);
      if (this.isWorkingDay(date)) counted++;
    }
    return date;
  }

  /**
   * When a period of `days` working days that starts at `from` ends: 24:00 Beijing time of its
   * last day. The start counts by its Beijing date, so 2025-09-29 23:00 +08:00 starts on the 29th.
   */
  endOfWorkingDays(from: Date, days: number): Date {
    return endOfBeijingDay(this.lastWorkingDay(beijingDate(from), days));
  }
}
