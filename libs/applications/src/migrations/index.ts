import { ApplicationListIndexes1795562100000 } from './1795562100000-application-list-indexes';
import { ApplicationStateAndSearch1795562810000 } from './1795562810000-application-state-and-search';
import { ApplicationStateCounts1795562850000 } from './1795562850000-application-state-counts';
import { DishonestDebtorRecords1795562861000 } from './1795562861000-dishonest-debtor-records';
import { ApplicationSubject1795562870000 } from './1795562870000-application-subject';
import { ApplicationRenewal1795562902000 } from './1795562902000-application-renewal';
import { Endorsements1795562881000 } from './1795562881000-endorsements';
import { ApplicationSearchWalk1795563100000 } from './1795563100000-application-search-walk';

/**
 * The applications context's schema changes since its tables were created (their first migration
 * changed several contexts at once and stays in libs/platform), oldest first. apps/migrate
 * assembles every lib's list.
 */
export const APPLICATIONS_MIGRATIONS = [
  ApplicationListIndexes1795562100000,
  ApplicationStateAndSearch1795562810000,
  ApplicationStateCounts1795562850000,
  DishonestDebtorRecords1795562861000,
  ApplicationSubject1795562870000,
  Endorsements1795562881000,
  ApplicationRenewal1795562902000,
  ApplicationSearchWalk1795563100000,
];
