import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DeadlineWriter } from '../../libs/workflow/src';
import { openCycle, readyApplication, registerEnterprise } from '../support/award-fixtures';
import { assignmentsOf, intoExpertReview, Reviewer, reviewerPool } from '../support/review-fixtures';
import { waitFor } from '../support/throwaway-redis';
import { endWindow } from '../support/end-window';
import { startTestApp, TestContext } from '../support/test-app';

type Inbox = { items: Array<{ title: string; body: string }> };

/** Reminders before the due date, and escalation (with reassignment where the cycle says so) after it. */
describe('review reminders and overdue escalation', () => {
  let ctx: TestContext;
  let pool: Reviewer[];
  let applicationId: string;
  const inbox = async (token: string): Promise<Inbox> => (await ctx.http.get('/notifications?pageSize=100').set('Authorization', token)).body;

  beforeAll(async () => {
    ctx = await startTestApp({ worker: true, env: { ALLOW_SHORT_DURATIONS: 'true', OUTBOX_POLL_INTERVAL_MS: '200', DEADLINE_SCHEDULE_INTERVAL_MS: '100' } });
    pool = await reviewerPool(ctx, 2);
    const cycle = await openCycle(ctx, { reviewersPerApplication: 1, reassignOverdue: true, durationOverrides: { reviewDue: 'PT1H' } });
    const enterprise = await registerEnterprise(ctx, '重庆逾期测试有限公司');
    applicationId = await readyApplication(ctx, enterprise, cycle.id);
    await intoExpertReview(ctx, enterprise, applicationId);
  });
  afterAll(async () => ctx?.close());

  it('reminds the expert before the due date, escalates to the office after it, and reassigns', async () => {
    const [first] = await waitFor(async () => {
      const rows = await assignmentsOf(ctx, applicationId);
      return rows.length === 1 ? rows : null;
    }, 20_000, 'the first assignment');
    const expert = pool.find((p) => p.id === first.reviewer_id)!;
    // Reminders are days before the due date; with a due date seconds away, put one a second ahead by hand.
    const [instance] = await ctx.dataSource.query(`SELECT instance_id FROM applications WHERE id = $1`, [applicationId]);
    await ctx.dataSource.transaction((m) =>
      ctx.api.get(DeadlineWriter).insert(m, [
        {
          instanceId: instance.instance_id,
          kind: 'review_reminder',
          event: 'review_reminder_due',
          payload: { assignmentId: first.id, reviewerId: expert.id, applicationId, daysBefore: 1 },
          setInState: 'expert_review',
          dueAt: new Date(Date.now() + 500),
        },
      ]),
    );
    await waitFor(async () => (await inbox(expert.token)).items.some((n) => n.title.startsWith('评审提醒')), 20_000, 'the reminder');

    // Overdue (the test ends the review's hour itself, after the reminder): the office is told, the
    // assignment ends, the other expert takes it.
    await endWindow(ctx, applicationId, 'review_due');
    const admin = await ctx.adminToken();
    await waitFor(async () => (await inbox(admin)).items.some((n) => n.title.startsWith('评审逾期')), 20_000, 'the escalation');
    const next = await waitFor(async () => {
      const rows = await assignmentsOf(ctx, applicationId);
      return rows.length === 1 && rows[0].id !== first.id ? rows[0] : null;
    }, 20_000, 'the reassignment');
    expect(next.reviewer_id).not.toBe(expert.id);
    expect(await ctx.dataSource.query(`SELECT status FROM review_assignments WHERE id = $1`, [first.id])).toEqual([{ status: 'replaced' }]);
    // The second one runs late too and nobody is left: flagged, not assigned to someone already tried.
    await endWindow(ctx, applicationId, 'review_due');
    await waitFor(async () => (await ctx.dataSource.query(`SELECT 1 FROM review_flags WHERE application_id = $1`, [applicationId])).length === 1, 20_000, 'the flag');
    expect(await assignmentsOf(ctx, applicationId)).toEqual([]);
    const escalations = (await inbox(admin)).items.filter((n) => n.title.startsWith('评审逾期'));
    expect(escalations).toHaveLength(2);
  });
});
