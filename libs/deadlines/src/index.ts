/*
 * No tables of its own (so no tables.ts or migrations): a deadline row is one of the workflow
 * engine's durable timers, in workflow's `deadlines` table, which a transition writes and cancels
 * under its version claim. This lib schedules, fires, reconciles and extends them through the
 * functions @awardflow/workflow exports (its timers/).
 */
export * from './firing/deadline-firing';
export * from './scheduling/deadline-scheduler';
export * from './scheduling/deadline-reconciler';
export * from './extension/deadline-extension';
export * from './deadlines.module';
