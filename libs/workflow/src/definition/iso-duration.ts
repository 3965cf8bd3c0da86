const ISO_DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;
/** `P5WD`: five working days. Not ISO 8601 (which has no working days); it stands alone, never mixed with other parts. */
const WORKING_DAYS = /^P([1-9]\d*)WD$/;

export interface DurationParts {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
  /** Working days by the holiday calendar (`P5WD`); the other parts are then 0. */
  workingDays: number;
}

/** What a working-day duration needs: the State Council's holiday calendar (libs/calendar implements it). */
export interface WorkingDayCalendar {
  /** 24:00 Beijing time of the `days`-th working day after `from`'s Beijing date. */
  endOfWorkingDays(from: Date, days: number): Date;
}

/** Parses an ISO 8601 duration (`P7D`, `PT30S`, `P3Y`) or a working-day one (`P5WD`); null when malformed or empty. */
export function parseIsoDuration(text: string): DurationParts | null {
  const none = { years: 0, months: 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0, workingDays: 0 };
  const wd = WORKING_DAYS.exec(text);
  if (wd) return { ...none, workingDays: Number(wd[1]) };
  const m = ISO_DURATION.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) return null;
  const [years, months, weeks, days, hours, minutes] = m.slice(1, 7).map((v) => (v ? Number(v) : 0));
  return { ...none, years, months, weeks, days, hours, minutes, seconds: m[7] ? Number(m[7]) : 0 };
}

/** True for `P5WD`: its end depends on the holiday calendar, not only on the clock. */
export function isWorkingDayDuration(text: string): boolean {
  return WORKING_DAYS.test(text);
}

/**
 * Adds a duration to an instant. Years and months follow the calendar (a 3-year recognition
 * started on 29 Feb ends on 28 Feb); China keeps no daylight saving, so days are 24 h. Working
 * days (`P5WD`) count from the day after `from` and end at 24:00 Beijing time of the last one,
 * so they need the holiday calendar.
 */
export function addIsoDuration(from: Date, text: string, calendar?: WorkingDayCalendar): Date {
  const d = parseIsoDuration(text);
  if (!d) throw new Error(`"${text}" is not an ISO 8601 duration`);
  if (d.workingDays) {
    if (!calendar) throw new Error(`"${text}" counts working days: pass the holiday calendar`);
    return calendar.endOfWorkingDays(from, d.workingDays);
  }
  const result = new Date(from.getTime());
  if (d.years || d.months) {
    const day = result.getUTCDate();
    result.setUTCDate(1);
    result.setUTCMonth(result.getUTCMonth() + d.months + 12 * d.years);
    const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
    result.setUTCDate(Math.min(day, lastDay));
  }
  const ms = ((((d.weeks * 7 + d.days) * 24 + d.hours) * 60 + d.minutes) * 60 + d.seconds) * 1000;
  return new Date(result.getTime() + ms);
}
