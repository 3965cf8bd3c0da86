/**
 * Every event that travels through the outbox, with the payload its handlers receive: the one
 * list the engine, `Outbox.append`, `OutboxEventRouter.on` and the boot check read. Names are
 * lower snake_case: an effect says what to do (`assign_reviewers`), a domain event what happened
 * (`reviewer_assigned`).
 */

/** What the engine writes for an effect a definition names (see `WorkflowEngine.fire`). */
export interface EffectPayload<P = Record<string, unknown>> {
  params: P;
  instanceId: string;
  subjectType: string;
  subjectId: string;
  action: string;
  from: string | null;
  to: string;
  actorId: string | null;
  actorRole: string;
  historySeq: number;
}

/** Added by the deadline that emitted the event (see `DeadlineWriter` rows with an `event`). */
export interface FiredByDeadline {
  deadlineId: string;
  kind: string;
}

interface ReviewerAssignment {
  assignmentId: string;
  reviewerId: string;
  applicationId: string;
}

/** Who writes the event: the engine for a definition's effect, or domain code (and deadlines) through the outbox. */
export type EventSource = 'effect' | 'domain';

interface EventSpec<P, S extends EventSource> {
  source: S;
  /** Phantom: carries the payload type; never set. */
  payload?: P;
}

const effect = <P>(): EventSpec<EffectPayload<P>, 'effect'> => ({ source: 'effect' });
const domain = <P>(): EventSpec<P, 'domain'> => ({ source: 'domain' });

export const DOMAIN_EVENTS = {
  // Effects named by award definitions.
  notify: effect<{ template: string; to?: string }>(),
  assign_reviewers: effect<Record<string, never>>(),
  check_eligibility: effect<{ gate: 'publicity' | 'approval' }>(),
  // Review's assignment.
  reviewer_assigned: domain<ReviewerAssignment & { dueAt: string }>(),
  assignment_flagged: domain<{ applicationId: string; reason: string }>(),
  reviewer_replacement_needed: domain<{ applicationId: string }>(),
  expert_review_completed: domain<{ applicationId: string }>(),
  // Emitted by deadline rows review sets beside each assignment.
  review_reminder_due: domain<ReviewerAssignment & FiredByDeadline & { daysBefore: number; parentDeadlineId: string }>(),
  review_overdue: domain<ReviewerAssignment & FiredByDeadline>(),
  // Results: a certificate numbered at 审定, a 表彰决定 recorded for a cycle (the worker prints the PDFs).
  certificate_issued: domain<{ applicationId: string }>(),
  award_decision_recorded: domain<{ cycleId: string }>(),
  // A result decided above the office recorded for an application (the enterprise is told).
  outside_result_recorded: domain<{ applicationId: string; step: 'recommended' | 'awarded' | 'not_awarded'; revision: number }>(),
  // An admin moved a deadline.
  deadline_extended: domain<{ deadlineId: string; kind: string; dueAt: string; previousDueAt: string; reason: string; actorId: string }>(),
} satisfies Record<string, EventSpec<unknown, EventSource>>;

export type DomainEventName = keyof typeof DOMAIN_EVENTS;
export type DomainEventPayload<E extends DomainEventName> = NonNullable<(typeof DOMAIN_EVENTS)[E]['payload']>;
export type EffectEventName = { [E in DomainEventName]: (typeof DOMAIN_EVENTS)[E]['source'] extends 'effect' ? E : never }[DomainEventName];
/** Events a deadline row may emit when due: their payload is the row's payload plus the deadline's id and kind. */
export type DeadlineEventName = { [E in DomainEventName]: DomainEventPayload<E> extends FiredByDeadline ? E : never }[DomainEventName];

export function isDomainEventName(name: string): name is DomainEventName {
  return Object.prototype.hasOwnProperty.call(DOMAIN_EVENTS, name);
}

export function isEffectEventName(name: string): name is EffectEventName {
  return isDomainEventName(name) && DOMAIN_EVENTS[name].source === 'effect';
}
