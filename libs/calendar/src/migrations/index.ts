import { WorkCalendar1795561800000 } from './1795561800000-work-calendar';

/** The calendar's schema (years admins add when their notice is published), oldest first. apps/migrate assembles every lib's list. */
export const CALENDAR_MIGRATIONS = [WorkCalendar1795561800000];
