import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, ErrorCode, sqlRows } from '@awardflow/platform';
import { DataSource } from 'typeorm';
import { CalendarYear, CalendarYearSource } from './calendar-year';
import { SHIPPED_YEARS } from './shipped-years';
import { WorkCalendar } from './work-calendar';

export interface CalendarYearView extends CalendarYear {
  source: CalendarYearSource;
  /** An admin's year that stands in for a shipped one (the State Council amended its notice). */
  replacesShipped: boolean;
  updatedAt: Date | null;
}

interface Loaded {
  years: Map<number, CalendarYearView>;
  calendar: WorkCalendar;
  at: number;
}

/*
 * Another process (the API, when an admin adds a year) may change the table: a year this process
 * lacks is re-read at once when a computation needs it, and a correction to a year it has is
 * picked up by a background re-read once the copy is this old.
 */
const MAX_AGE_MS = 5 * 60_000;

/**
 * The holiday calendar as it stands: the shipped years merged with the ones admins entered. Kept
 * in memory, so a transition that plans a working-day timer costs no extra round trip.
 */
@Injectable()
export class WorkCalendars implements OnApplicationBootstrap {
  private loaded?: Promise<Loaded>;
  private refreshing = false;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Reads the table before the first transition needs it: the engine computes inside callers'
   * transactions, and a first read then would wait for a pooled connection they may all hold.
   * Best effort: a process may start while Postgres is down, and then the first use reads.
   */
  onApplicationBootstrap(): void {
    this.load().catch(() => undefined);
  }

  /** Every year the calendar knows, oldest first. */
  async years(): Promise<CalendarYearView[]> {
    return [...(await this.load()).years.values()].sort((a, b) => a.year - b.year);
  }

  async year(year: number): Promise<CalendarYearView | undefined> {
    return (await this.load()).years.get(year);
  }

  async current(): Promise<WorkCalendar> {
    return (await this.load()).calendar;
  }

  /**
   * Runs a computation against the calendar; one that needs a year this process has not seen is
   * re-run once on a fresh read, so a year another process just added is used, never refused.
   * The computation must be pure (it may run twice).
   */
  async withCalendar<T>(compute: (calendar: WorkCalendar) => T): Promise<T> {
    const first = await this.load();
    try {
      return compute(first.calendar);
    } catch (error) {
      if (!(error instanceof DomainError && error.code === ErrorCode.CalendarYearMissing)) throw error;
      return compute((await this.load(true)).calendar);
    }
  }

  /** The `days`-th working day's end (24:00 Beijing) after `from`, for domain code that sets its own deadlines. */
  endOfWorkingDays(from: Date, days: number): Promise<Date> {
    return this.withCalendar((calendar) => calendar.endOfWorkingDays(from, days));
  }

  /** Drops the cached years: the next computation reads the table. */
  invalidate(): void {
    this.loaded = undefined;
  }

  private load(fresh = false): Promise<Loaded> {
    const cached = this.loaded;
    if (!fresh && cached) {
      return cached.then((l) => {
        if (Date.now() - l.at > MAX_AGE_MS) this.refreshBeside(cached);
        return l;
      });
    }
    const loading = this.read();
    this.loaded = loading;
    // A failed read (the database is down) is not remembered: the next call tries again.
    loading.catch(() => {
      if (this.loaded === loading) this.loaded = undefined;
    });
    return loading;
  }

  /** An old copy keeps answering while the re-read runs, so no computation waits for it; a failed re-read keeps the old copy. */
  private refreshBeside(cached: Promise<Loaded>): void {
    if (this.refreshing) return;
    this.refreshing = true;
    this.read()
      .then(
        (l) => {
          if (this.loaded === cached) this.loaded = Promise.resolve(l);
        },
        () => undefined,
      )
      .finally(() => (this.refreshing = false));
  }

  private async read(): Promise<Loaded> {
    const rows = await sqlRows<CalendarYear & { replacesShipped: boolean; updatedAt: Date }>(
      this.dataSource,
      `SELECT year, notice, holidays, make_up_workdays AS "makeUpWorkdays", replaces_shipped AS "replacesShipped", updated_at AS "updatedAt" FROM work_calendar_years`,
    );
    const years = new Map<number, CalendarYearView>(SHIPPED_YEARS.map((y) => [y.year, { ...y, source: 'shipped', replacesShipped: false, updatedAt: null }]));
    for (const r of rows) {
      // A stored shipped year without the flag is a row from before its year shipped: the shipped data wins.
      if (years.has(r.year) && !r.replacesShipped) continue;
      years.set(r.year, { year: r.year, notice: r.notice, holidays: r.holidays, makeUpWorkdays: r.makeUpWorkdays, source: 'admin', replacesShipped: r.replacesShipped, updatedAt: r.updatedAt });
    }
    return { years, calendar: new WorkCalendar([...years.values()]), at: Date.now() };
  }
}
