export * from './calendar-year';
export * from './shipped-years';
export * from './beijing-dates';
export * from './work-calendar';
export * from './work-calendars';
export * from './calendar.dto';
export * from './calendar-years.service';
export * from './calendar.module';
