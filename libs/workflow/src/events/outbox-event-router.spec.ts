import { describe, expect, it } from '@jest/globals';
import { OutboxEvent } from './outbox-event';
import { OutboxEventRouter } from './outbox-event-router';

const assigned: OutboxEvent<'reviewer_assigned'> = {
  id: 'row-1',
  event: 'reviewer_assigned',
  instanceId: null,
  payload: { assignmentId: 'a', reviewerId: 'r', applicationId: 'p', dueAt: '2026-06-01T00:00:00.000Z' },
  createdAt: new Date(),
};

describe('OutboxEventRouter', () => {
  it("hands each handler its event's payload type and runs the handlers of that event only", async () => {
    const router = new OutboxEventRouter();
    const seen: string[] = [];
    router.on('reviewer_assigned', async (e) => {
      // Typed: reviewerId is a string of this event's payload, no cast.
      const reviewer: string = e.payload.reviewerId;
      seen.push(reviewer);
    });
    router.on('deadline_extended', async (e) => {
      seen.push(e.payload.reason);
    });
    for (const handler of router.handlersFor('reviewer_assigned')) await handler(assigned);
    expect(seen).toEqual(['r']);
    expect(router.handledEvents().sort()).toEqual(['deadline_extended', 'reviewer_assigned']);
  });

  it('refuses at compile time a payload field the event does not have, and an unknown name', () => {
    const router = new OutboxEventRouter();
    router.on('assignment_flagged', async (e) => {
      // @ts-expect-error assignment_flagged carries no reviewerId
      void e.payload.reviewerId;
    });
    // @ts-expect-error not a domain event
    expect(() => router.on('review.assigned', async () => undefined)).toThrow(/not a domain event/);
  });

  it('answers no handler for a name that is not an event', () => {
    expect(new OutboxEventRouter().handlersFor('nothing_emits_this')).toEqual([]);
  });
});
