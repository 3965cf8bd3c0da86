/**
 * Queue names are persisted in Redis keys: never rename a value, add a new queue instead.
 * Payloads carry ids only; the Postgres row is the truth and the processor reloads it.
 */
export enum QueueName {
  /** Events relayed from the outbox: notifications, review-stage automation. */
  Events = 'events',
  /** Durable timers: one delayed job per deadline row. */
  Deadlines = 'deadlines',
  /** One job per (event, recipient, channel) delivery. */
  Notifications = 'notifications',
  /** Recurring housekeeping: deadline reconciliation, outbox sweep. */
  Maintenance = 'maintenance',
}

/** Every job, by queue: a producer sending the wrong payload does not compile. Bump `v` on change. */
export interface JobsByQueue {
  [QueueName.Events]: { name: 'outbox.event'; data: { v: 1; outboxId: string } };
  /** generation: an extended deadline gets a new one, and jobs of older generations do nothing. */
  [QueueName.Deadlines]: { name: 'deadline.fire'; data: { v: 1; deadlineId: string; generation: number } };
  [QueueName.Notifications]: { name: 'notification.deliver'; data: { v: 1; deliveryId: string } };
  [QueueName.Maintenance]: { name: 'deadlines.reconcile'; data: { v: 1 } };
}

export type JobOf<Q extends QueueName> = JobsByQueue[Q];
export type JobNameOf<Q extends QueueName> = JobOf<Q>['name'];
export type JobDataOf<Q extends QueueName, N extends JobNameOf<Q>> = Extract<JobOf<Q>, { name: N }>['data'];

export const ALL_QUEUES: QueueName[] = Object.values(QueueName);
