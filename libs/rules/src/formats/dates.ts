/** A date written YYYY-MM-DD (whether it exists is isDay's question). */
export const DAY_FORMAT = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date written YYYY-MM-DD that exists (no 2 月 30 日). */
export function isDay(value: unknown): value is string {
  if (typeof value !== 'string' || !DAY_FORMAT.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Beijing calendar date (YYYY-MM-DD) of an instant: award rules count years in local dates. */
export function beijingDate(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
