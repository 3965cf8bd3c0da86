import { AwardCycles1795560200000 } from './1795560200000-award-cycles';

/** The cycles table's schema, oldest first. apps/migrate assembles every lib's list. */
export const CYCLES_MIGRATIONS = [AwardCycles1795560200000];
