import { afterEach, describe, expect, it } from '@jest/globals';
import { openCycle, readyApplication, registerEnterprise } from '../support/award-fixtures';
import { SmtpSink } from '../support/smtp-sink';
import { freePort, waitFor } from '../support/throwaway-redis';
import { createUser, startTestApp, TestContext } from '../support/test-app';

describe('notifications: inbox and email', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    cleanups.length = 0;
  });

  async function start(smtpPort: number, extra: Record<string, string> = {}): Promise<TestContext> {
    const ctx = await startTestApp({ worker: true, env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtpPort), OUTBOX_POLL_INTERVAL_MS: '200', ...extra } });
    cleanups.push(() => ctx.close());
    return ctx;
  }

  it('a submitted application reaches the enterprise\'s inbox and mailbox once, in Chinese, with its receipt number', async () => {
    const smtp = await SmtpSink.start();
    cleanups.push(() => smtp.stop());
    const ctx = await start(smtp.port);
    const cycle = await openCycle(ctx);
    const enterprise = await registerEnterprise(ctx, '重庆通知测试有限公司');
    const id = await readyApplication(ctx, enterprise, cycle.id);
    const submitted = await ctx.http.post(`/applications/${id}/actions/submit`).set('Authorization', enterprise.token).send({}).expect(200);

    const inbox = await waitFor(async () => {
      const res = await ctx.http.get('/notifications').set('Authorization', enterprise.token).expect(200);
      return res.body.total === 1 ? res.body : null;
    }, 20_000, 'the inbox row');
    expect(inbox.unreadCount).toBe(1);
    expect(inbox.items[0].title).toBe(`申报已提交：${cycle.title}`);
    expect(inbox.items[0].body).toContain(`受理编号 ${submitted.body.receiptNumber}`);
    expect(inbox.items[0].link).toContain(`/applications/${id}`);

    await waitFor(async () => smtp.mails.length === 1, 20_000, 'the mail');
    expect(smtp.mails[0].to).toEqual([expect.stringMatching(/@example\.cn$/)]);
    // The server accepts before the worker records it: wait for the record too.
    const [delivery] = await waitFor(async () => {
      const rows = await ctx.dataSource.query(`SELECT id, status, attempts FROM notification_deliveries WHERE status = 'sent'`);
      return rows.length ? rows : null;
    }, 20_000, 'the delivery to be recorded as sent');
    expect(delivery).toMatchObject({ status: 'sent', attempts: 1 });
    expect(smtp.mails[0].messageId).toBe(`<${delivery.id}@awardflow>`);

    // Another user cannot read it; the owner can, once.
    const stranger = await createUser(ctx, { username: 'stranger', role: 'applicant' });
    await ctx.http.post(`/notifications/${inbox.items[0].id}/read`).set('Authorization', stranger.token).expect(404);
    await ctx.http.post(`/notifications/${inbox.items[0].id}/read`).set('Authorization', enterprise.token).expect(204);
    expect((await ctx.http.get('/notifications/unread-count').set('Authorization', enterprise.token).expect(200)).body.unreadCount).toBe(0);
    expect((await ctx.http.get('/notifications').set('Authorization', stranger.token).expect(200)).body.total).toBe(0);
  });

  it('with SMTP unreachable, retries and then shows the failure to admins; a retry after SMTP returns delivers it once', async () => {
    const port = await freePort();
    const ctx = await start(port, { NOTIFICATION_MAX_ATTEMPTS: '3', NOTIFICATION_BACKOFF_MS: '100' });
    const cycle = await openCycle(ctx);
    const enterprise = await registerEnterprise(ctx, '重庆邮件故障有限公司');
    const id = await readyApplication(ctx, enterprise, cycle.id);
    await ctx.http.post(`/applications/${id}/actions/submit`).set('Authorization', enterprise.token).send({}).expect(200);
    const admin = await ctx.adminToken();

    const failed = await waitFor(async () => {
      const res = await ctx.http.get('/admin/jobs/failed?queue=notifications').set('Authorization', admin).expect(200);
      return res.body.total === 1 ? res.body.items[0] : null;
    }, 30_000, 'the failed job');
    expect(failed).toMatchObject({ queue: 'notifications', attemptsMade: 3 });
    expect(failed.failedReason).toMatch(/ECONNREFUSED/);
    const [delivery] = await ctx.dataSource.query(`SELECT status, attempts, last_error FROM notification_deliveries`);
    expect(delivery).toMatchObject({ status: 'failed', attempts: 3 });
    await ctx.http.get('/admin/jobs/failed').set('Authorization', enterprise.token).expect(403);

    const smtp = await SmtpSink.start(port);
    cleanups.push(() => smtp.stop());
    await ctx.http.post(`/admin/jobs/${encodeURIComponent(failed.id)}/retry`).set('Authorization', admin).expect(200);
    await waitFor(async () => smtp.mails.length === 1, 20_000, 'the mail after the retry');
    await waitFor(async () => (await ctx.dataSource.query(`SELECT status FROM notification_deliveries`))[0].status === 'sent', 10_000, 'sent recorded');
    expect((await ctx.http.get('/admin/jobs/failed?queue=notifications').set('Authorization', admin).expect(200)).body).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
  });
});
