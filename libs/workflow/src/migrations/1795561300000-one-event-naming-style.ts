import { MigrationInterface, QueryRunner } from 'typeorm';

/** Old dotted name → the lower snake_case name of DOMAIN_EVENTS (libs/workflow/src/events/domain-events.ts). */
const RENAMED: Array<[string, string]> = [
  ['review.assigned', 'reviewer_assigned'],
  ['review.flagged', 'assignment_flagged'],
  ['review.replace', 'reviewer_replacement_needed'],
  ['review.expert_complete', 'expert_review_completed'],
  ['review.reminder', 'review_reminder_due'],
  ['review.overdue', 'review_overdue'],
  ['deadline.extended', 'deadline_extended'],
];

/**
 * Domain events take the effects' naming style. Every outbox row is renamed, not only undispatched
 * ones: a dispatched row's job may still be waiting in Redis, and its handler reads the name from
 * the row. Deadline rows carry the event they emit when due, so they are renamed too.
 */
export class OneEventNamingStyle1795561300000 implements MigrationInterface {
  name = 'OneEventNamingStyle1795561300000';

  async up(q: QueryRunner): Promise<void> {
    await rename(q, RENAMED);
  }

  async down(q: QueryRunner): Promise<void> {
    await rename(q, RENAMED.map(([before, after]) => [after, before]));
  }
}

async function rename(q: QueryRunner, pairs: Array<[string, string]>): Promise<void> {
  const map = JSON.stringify(Object.fromEntries(pairs));
  await q.query(`UPDATE outbox SET event = ($1::jsonb)->>event WHERE ($1::jsonb) ? event`, [map]);
  await q.query(`UPDATE deadlines SET event = ($1::jsonb)->>event WHERE ($1::jsonb) ? event`, [map]);
}
