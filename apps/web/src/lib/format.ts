const BEIJING_TIME_PARTS = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * An instant as Beijing time, marked so: "2026-05-31 18:00 北京时间". The offices' dates are
 * Beijing dates, so a reader abroad or on a computer set to another zone sees them as issued.
 */
export function formatTime(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const parts = Object.fromEntries(BEIJING_TIME_PARTS.formatToParts(new Date(value)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute} 北京时间`;
}

/** A date ('YYYY-MM-DD', taken as it is) or an instant's Beijing date. */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '—';
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : beijingDate(value);
}

/** "2 天 3 小时 4 分" until the given time, or null once it has passed. */
export function timeLeft(due: string | Date, now = Date.now()): string | null {
  let ms = new Date(due).getTime() - now;
  if (ms <= 0) return null;
  const days = Math.floor(ms / 86_400_000);
  ms -= days * 86_400_000;
  const hours = Math.floor(ms / 3_600_000);
  ms -= hours * 3_600_000;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.floor((ms - minutes * 60_000) / 1000);
  if (days > 0) return `${days} 天 ${hours} 小时 ${minutes} 分`;
  if (hours > 0) return `${hours} 小时 ${minutes} 分`;
  if (minutes > 0) return `${minutes} 分 ${seconds} 秒`;
  return `${seconds} 秒`;
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}


const BEIJING_PARTS = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Beijing date of an instant, 'YYYY-MM-DD' (today's by default). */
export function beijingDate(value: string | number | Date = Date.now()): string {
  const parts = Object.fromEntries(BEIJING_PARTS.formatToParts(new Date(value)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** 'YYYY-MM-DD' plus n calendar days (no time zone involved: a date, not an instant). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return t.toISOString().slice(0, 10);
}

/**
 * "2025年10月13日": a Beijing date ('YYYY-MM-DD', taken as it is) or an instant (its date in Beijing),
 * as offices write dates in a 公示.
 */
export function cnDate(value: string | Date | null | undefined): string {
  if (!value) return '—';
  const date = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : beijingDate(value);
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** "2025年9月29日至2025年10月13日". */
export function cnPeriod(startsOn: string, endsOn: string): string {
  return `${cnDate(startsOn)}至${cnDate(endsOn)}`;
}

/** 'P7D' → "7 天"; 'P5WD' → "5 个工作日". */
export function durationLabel(duration: string | null | undefined): string {
  if (!duration) return '—';
  const wd = /^P(\d+)WD$/.exec(duration);
  if (wd) return `${wd[1]} 个工作日`;
  const d = /^P(\d+)D$/.exec(duration);
  if (d) return `${d[1]} 天`;
  return duration;
}
