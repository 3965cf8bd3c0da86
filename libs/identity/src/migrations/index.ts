import { Foundation1795560000000 } from './1795560000000-foundation';
import { UserTokenVersion1795561000000 } from './1795561000000-user-token-version';
import { OfficeDivisionUnique1795562000000 } from './1795562000000-office-division-unique';
import { UserChangeNotifications1795562700000 } from './1795562700000-user-change-notifications';
import { RecommenderScope1795562880000 } from './1795562880000-recommender-scope';
import { OfficeContact1795562930000 } from './1795562930000-office-contact';

/** Identity's schema (users, offices, who belongs where), oldest first. apps/migrate assembles every lib's list. */
export const IDENTITY_MIGRATIONS = [Foundation1795560000000, UserTokenVersion1795561000000, OfficeDivisionUnique1795562000000, UserChangeNotifications1795562700000, RecommenderScope1795562880000, OfficeContact1795562930000];
