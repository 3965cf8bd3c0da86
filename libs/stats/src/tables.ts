/**
 * The tables this context owns: only its code names them in SQL; other contexts call its exported
 * functions. Checked by test/architecture/table-ownership.spec.ts.
 */
export const OWNED_TABLES = ['stats_application_counts', 'stats_stage_durations', 'stats_snapshots'] as const;
