import { DeadlineScheduling1795560600000 } from './1795560600000-deadline-scheduling';
import { OneEventNamingStyle1795561300000 } from './1795561300000-one-event-naming-style';

/**
 * The engine's schema changes since the shared 1795560100000 migration (outbox, definitions,
 * instances, history, and the deadlines that are its durable timers), oldest first. apps/migrate
 * assembles every lib's list.
 */
export const WORKFLOW_MIGRATIONS = [DeadlineScheduling1795560600000, OneEventNamingStyle1795561300000];
