import { DeadlineScheduling1795560600000 } from './1795560600000-deadline-scheduling';

/** The deadlines table's later changes, oldest first (the table itself came with the engine's tables). apps/migrate assembles every lib's list. */
export const DEADLINES_MIGRATIONS = [DeadlineScheduling1795560600000];
