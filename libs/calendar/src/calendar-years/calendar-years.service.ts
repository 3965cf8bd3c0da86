import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditAction, AuditEntityType, AuditLog } from '@awardflow/audit';
import { DomainError, ErrorCode, FieldError, FieldValidationError, NotFoundError, sqlAffected } from '@awardflow/platform';
import { DataSource } from 'typeorm';
import { isCalendarDate, isWeekend } from '../work-calendar/beijing-dates';
import { PutCalendarYearDto } from './calendar-years.dto';
import { SHIPPED_YEARS } from '../work-calendar/shipped-years';
import { CalendarYearView, WorkCalendars } from '../work-calendar/work-calendars';

export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2099;

/** Admins enter a year of the holiday calendar once its notice is published, and read what the calendar holds. */
@Injectable()
export class CalendarYearsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendars: WorkCalendars,
    private readonly audit: AuditLog,
  ) {}

  list(): Promise<CalendarYearView[]> {
    return this.calendars.years();
  }

  async get(yearText: string): Promise<CalendarYearView> {
    const found = await this.calendars.year(parseYear(yearText));
    if (!found) throw new NotFoundError('calendar year', yearText);
    return found;
  }

  /**
   * Sets a year as its notice says, replacing what an admin entered before. A shipped year is
   * replaced only when the request says so: the State Council has amended a notice before (2020's
   * 春节 was extended by 国办发明电〔2020〕1号) and offices cannot wait for a release, but an
   * admin who types over a shipped year by mistake is stopped.
   */
  async put(yearText: string, input: PutCalendarYearDto, adminId: string): Promise<CalendarYearView> {
    const year = parseYear(yearText);
    const shipped = SHIPPED_YEARS.find((y) => y.year === year);
    if (shipped && !input.replacesShipped) throw new DomainError(ErrorCode.CalendarYearShipped, { year, notice: shipped.notice });
    const problems = inputProblems(year, input);
    if (problems.length) throw new FieldValidationError(problems);
    const before = await this.calendars.year(year);
    const holidays = input.holidays.map(({ name, from, to }) => ({ name: name.trim(), from, to }));
    const makeUpWorkdays = [...new Set(input.makeUpWorkdays)].sort();
    await this.dataSource.transaction(async (manager) => {
      await sqlAffected(
        manager,
        `INSERT INTO work_calendar_years (year, notice, holidays, make_up_workdays, replaces_shipped, updated_by, updated_at)
         VALUES ($1, $2, $3::jsonb, $4::jsonb, $5, $6, now())
         ON CONFLICT (year) DO UPDATE SET notice = EXCLUDED.notice, holidays = EXCLUDED.holidays, make_up_workdays = EXCLUDED.make_up_workdays,
           replaces_shipped = EXCLUDED.replaces_shipped, updated_by = EXCLUDED.updated_by, updated_at = now()`,
        [year, input.notice.trim(), JSON.stringify(holidays), JSON.stringify(makeUpWorkdays), Boolean(shipped), adminId],
      );
      await this.audit.record(
        {
          action: AuditAction.CalendarYearSet,
          entityType: AuditEntityType.CalendarYear,
          entityId: String(year),
          before: before && { notice: before.notice, holidays: before.holidays, makeUpWorkdays: before.makeUpWorkdays },
          after: { notice: input.notice.trim(), holidays, makeUpWorkdays },
        },
        manager,
      );
    });
    this.calendars.invalidate();
    return this.get(String(year));
  }
}

function parseYear(text: string): number {
  const year = Number(text);
  if (!/^\d{4}$/.test(text) || year < FIRST_YEAR || year > LAST_YEAR) {
    throw new FieldValidationError([{ field: 'year', messages: [`须为 ${FIRST_YEAR} 至 ${LAST_YEAR} 之间的四位年份`] }]);
  }
  return year;
}

/** What the DTO cannot see: names not blank, real dates inside the year, ranges in order and apart, make-up days on weekends. */
function inputProblems(year: number, input: PutCalendarYearDto): FieldError[] {
  const problems: FieldError[] = [];
  const check = (field: string, date: string, ...rules: Array<[boolean, string]>) => {
    const messages = !isCalendarDate(date) ? ['不是有效的日期'] : !date.startsWith(`${year}-`) ? [`须在 ${year} 年内`] : rules.filter(([broken]) => broken).map(([, message]) => message);
    if (messages.length) problems.push({ field, messages });
  };
  input.holidays.forEach((h, i) => {
    if (!h.name.trim()) problems.push({ field: `holidays.${i}.name`, messages: ['不能为空'] });
    const overlaps = input.holidays.some((other, j) => j < i && other.from <= h.to && h.from <= other.to);
    check(`holidays.${i}.from`, h.from);
    check(`holidays.${i}.to`, h.to, [isCalendarDate(h.from) && h.to < h.from, '不能早于放假首日'], [overlaps, '与前面的放假安排重叠']);
  });
  input.makeUpWorkdays.forEach((date, i) => {
    const dayOff = input.holidays.some((h) => h.from <= date && date <= h.to);
    check(`makeUpWorkdays.${i}`, date, [!isWeekend(date), '须为星期六或星期日（周一至周五本就上班）'], [dayOff, '不能同时是放假日']);
  });
  return problems;
}
