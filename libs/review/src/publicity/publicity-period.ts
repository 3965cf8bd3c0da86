import { addDays, endOfBeijingDay, WorkCalendar } from '@awardflow/calendar';
import { periodEnd } from '@awardflow/cycles';

/** A 公示 duration as offices state it: `P7D` (7 天) or `P5WD` (5 个工作日). */
export const PUBLICITY_DURATION = /^P([1-9]\d?)(W?)D$/;

export interface PublicityPeriod {
  startsOn: string;
  /** The period's last day. */
  endsOn: string;
  /** 24:00 Beijing time of the last day. */
  endsAt: Date;
}

/**
 * The dates of a 公示 that starts on `startsOn`: the start day is not counted (民法典 第二百零一条),
 * so 7 days from 11-08 end on 11-15 and 5 working days from 2025-09-29 end on 2025-10-13. A
 * working-day period reaching into a year without its holiday notice throws CALENDAR_YEAR_MISSING.
 */
export function publicityPeriod(startsOn: string, duration: string, calendar: WorkCalendar): PublicityPeriod {
  if (!PUBLICITY_DURATION.test(duration)) throw new RangeError(`"${duration}" is not a 公示 duration (P7D or P5WD)`);
  // The start as an instant: 00:00 Beijing of its day, so only its date counts.
  const end = periodEnd({ date: startsOn, at: endOfBeijingDay(addDays(startsOn, -1)) }, duration, calendar);
  return { startsOn, endsOn: end.date, endsAt: end.at };
}

/** How the period reads on the 公示 (7 天 / 5 个工作日). */
export function publicityDurationLabel(duration: string): string {
  const m = PUBLICITY_DURATION.exec(duration);
  if (!m) return duration;
  return m[2] ? `${m[1]} 个工作日` : `${m[1]} 天`;
}
