import { afterEach, describe, expect, it } from '@jest/globals';
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { openCycle, readyApplication, registerEnterprise } from '../support/award-fixtures';
import { SmtpSink } from '../support/smtp-sink';
import { freePort, waitFor } from '../support/throwaway-redis';
import { startTestApp, TestContext } from '../support/test-app';

const ROOT = join(__dirname, '..', '..');

/** The built worker (npm test builds first) as its own process, so it can be killed outright. */
async function spawnWorker(ctx: TestContext, smtpPort: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['dist/apps/worker/src/main.js'], {
    cwd: ROOT,
    env: { ...process.env, ...ctx.env, SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtpPort), WORKER_HEALTH_PORT: String(await freePort()), OUTBOX_POLL_INTERVAL_MS: '200' } as NodeJS.ProcessEnv,
    stdio: 'ignore',
  });
  return child;
}

function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

describe('a worker killed in the middle of sending a mail', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    cleanups.length = 0;
  });

  it('leaves the delivery to the next worker, which sends it exactly once', async () => {
    const smtp = await SmtpSink.start();
    cleanups.push(() => smtp.stop());
    const ctx = await startTestApp({ env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port) } });
    cleanups.push(() => ctx.close());
    const cycle = await openCycle(ctx);
    const enterprise = await registerEnterprise(ctx, '重庆进程崩溃测试有限公司');
    const id = await readyApplication(ctx, enterprise, cycle.id);

    // The SMTP server takes the message in and never answers: the worker hangs mid-send.
    smtp.holdNext = 1;
    const first = await spawnWorker(ctx, smtp.port);
    cleanups.push(() => kill(first));
    await ctx.http.post(`/applications/${id}/actions/submit`).set('Authorization', enterprise.token).send({}).expect(200);
    await waitFor(async () => smtp.held === 1, 30_000, 'the worker to be sending');
    const [sending] = await ctx.dataSource.query(`SELECT id, status, attempts FROM notification_deliveries`);
    expect(sending).toMatchObject({ status: 'sending', attempts: 1 });
    await kill(first);
    expect(smtp.mails).toHaveLength(0);

    // A new worker takes the stalled job up once its lock runs out, and sends it.
    const second = await spawnWorker(ctx, smtp.port);
    cleanups.push(() => kill(second));
    await waitFor(async () => (await ctx.dataSource.query(`SELECT 1 FROM notification_deliveries WHERE status = 'sent'`)).length === 1, 45_000, 'the delivery to be sent');
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0].messageId).toBe(`<${sending.id}@awardflow>`);
    const [sent] = await ctx.dataSource.query(`SELECT status, attempts FROM notification_deliveries`);
    expect(sent).toEqual({ status: 'sent', attempts: 2 });
    // And the inbox row exists once, made before the crash.
    expect((await ctx.http.get('/notifications').set('Authorization', enterprise.token).expect(200)).body.total).toBe(1);
  });
});
