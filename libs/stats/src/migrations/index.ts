import { StatsSnapshot1795562300000 } from './1795562300000-stats-snapshot';

/** The statistics' snapshot tables, oldest first. apps/migrate assembles every lib's list. */
export const STATS_MIGRATIONS = [StatsSnapshot1795562300000];
