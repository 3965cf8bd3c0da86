/** An outbox row as its handler sees it (the row is the truth; the job only carried its id). */
export interface OutboxEvent {
  id: string;
  event: string;
  instanceId: string | null;
  payload: OutboxEventPayload;
  createdAt: Date;
}

/** What the engine writes for an effect; domain code may write other shapes for its own events. */
export interface OutboxEventPayload {
  params?: Record<string, unknown>;
  instanceId?: string;
  subjectType?: string;
  subjectId?: string;
  action?: string;
  from?: string | null;
  to?: string;
  actorId?: string | null;
  actorRole?: string;
  historySeq?: number;
  [key: string]: unknown;
}

/** Must be idempotent: a job may run more than once (at-least-once delivery). */
export type OutboxEventHandler = (event: OutboxEvent) => Promise<void>;
