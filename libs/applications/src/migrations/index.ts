import { ApplicationListIndexes1795562100000 } from './1795562100000-application-list-indexes';

/**
 * The applications context's schema changes since its tables were created (their first migration
 * changed several contexts at once and stays in libs/platform), oldest first. apps/migrate
 * assembles every lib's list.
 */
export const APPLICATIONS_MIGRATIONS = [ApplicationListIndexes1795562100000];
