/**
 * The tables this context owns: only its code names them in SQL; other contexts call its exported
 * functions. Checked by test/architecture/table-ownership.spec.ts. `deadlines` holds the engine's
 * durable timers: a transition writes and cancels them in its one statement, under the version
 * claim, as it does outbox rows; libs/deadlines schedules and fires them through `timers/`.
 */
export const OWNED_TABLES = ['workflow_definitions', 'workflow_instances', 'workflow_history', 'outbox', 'deadlines'] as const;
