const ISO_DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

export interface DurationParts {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

/** Parses an ISO 8601 duration (`P7D`, `PT30S`, `P3Y`); null when malformed or empty. */
export function parseIsoDuration(text: string): DurationParts | null {
  const m = ISO_DURATION.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) return null;
  const [years, months, weeks, days, hours, minutes] = m.slice(1, 7).map((v) => (v ? Number(v) : 0));
  return { years, months, weeks, days, hours, minutes, seconds: m[7] ? Number(m[7]) : 0 };
}

/**
 * Adds a duration to an instant. Years and months follow the calendar (a 3-year recognition
 * started on 29 Feb ends on 28 Feb); China keeps no daylight saving, so days are 24 h.
 */
export function addIsoDuration(from: Date, text: string): Date {
  const d = parseIsoDuration(text);
  if (!d) throw new Error(`"${text}" is not an ISO 8601 duration`);
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
