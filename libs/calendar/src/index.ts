export * from './work-calendar/calendar-year';
export * from './work-calendar/shipped-years';
export * from './work-calendar/beijing-dates';
export * from './work-calendar/work-calendar';
export * from './work-calendar/work-calendars';
export * from './calendar-years/calendar-years.dto';
export * from './calendar-years/calendar-years.service';
export * from './calendar.module';
