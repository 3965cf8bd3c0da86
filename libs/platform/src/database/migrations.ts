import { Foundation1795560000000 } from './migrations/1795560000000-foundation';

/** The schema's timeline, oldest first. Landed migrations are never edited: add a new one. */
export const MIGRATIONS = [Foundation1795560000000];
