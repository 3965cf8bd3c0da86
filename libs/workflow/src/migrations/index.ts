import { OneEventNamingStyle1795561300000 } from './1795561300000-one-event-naming-style';

/** The engine's schema changes since the shared 1795560100000 migration (outbox, definitions, instances, history), oldest first. apps/migrate assembles every lib's list. */
export const WORKFLOW_MIGRATIONS = [OneEventNamingStyle1795561300000];
