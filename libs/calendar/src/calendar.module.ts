import { Module } from '@nestjs/common';
import { AuditModule } from '@awardflow/audit';
import { DatabaseModule } from '@awardflow/platform';
import { CalendarController } from './calendar-years/calendar-years.controller';
import { CalendarYearsService } from './calendar-years/calendar-years.service';
import { WorkCalendars } from './work-calendar/work-calendars';

/** The calendar computations need: what the workflow engine and domain code import. */
@Module({
  imports: [DatabaseModule],
  providers: [WorkCalendars],
  exports: [WorkCalendars],
})
export class CalendarCoreModule {}

/** The API side: read the calendar, and let admins add a year. */
@Module({
  imports: [CalendarCoreModule, AuditModule],
  controllers: [CalendarController],
  providers: [CalendarYearsService],
})
export class CalendarModule {}
