const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Cycle dates are entered in Beijing time. A date-only value means the START of that day for an
 * opening and the END of it for a deadline ("申报截止 5月31日" = 5月31日 23:59:59.999 +08:00).
 */
export function parseBeijingInstant(value: string, edge: 'start' | 'end'): Date {
  if (DATE_ONLY.test(value)) return new Date(`${value}T${edge === 'start' ? '00:00:00.000' : '23:59:59.999'}+08:00`);
  return new Date(value);
}

/** 2026-05-31T15:59:59.999Z → "2026-05-31 23:59" (Beijing), for people. */
export function formatBeijing(date: Date): string {
  return new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

export function isDateOrInstant(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  if (DATE_ONLY.test(value)) return !Number.isNaN(new Date(`${value}T00:00:00+08:00`).getTime());
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) && !Number.isNaN(new Date(value).getTime());
}
