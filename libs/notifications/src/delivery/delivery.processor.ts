import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { JobOf, logWorkerError, QueueName, sqlAffected, sqlRows } from '@awardflow/platform';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { Mailer } from './mailer';

/**
 * Sends one email delivery. A delivery recorded as sent is never sent again, whatever retries
 * or duplicate jobs arrive. The remaining window — the SMTP server accepted the mail and the
 * process died before recording it — can repeat a mail; its Message-ID is the delivery id, so
 * the duplicate is recognisable. Failures are recorded and rethrown so BullMQ retries with
 * backoff; the last attempt marks the delivery failed, where admins see it and can retry it.
 */
// A live worker renews its job lock every lockDuration/2, so a slow SMTP server is no problem; the
// short lock only decides how soon a job of a worker that died is taken up again (about 10-15 s).
@Processor(QueueName.Notifications, { concurrency: 5, lockDuration: 10_000, stalledInterval: 5_000 })
export class NotificationsProcessor extends WorkerHost {
  private readonly logger = new Logger(NotificationsProcessor.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
  ) {
    super();
  }

  async process(job: Job<JobOf<QueueName.Notifications>['data'], unknown, JobOf<QueueName.Notifications>['name']>): Promise<unknown> {
    switch (job.name) {
      case 'notification.deliver':
        return this.deliver(job);
      default: {
        const unknown: never = job.name;
        throw new Error(`no handler for ${String(unknown)} on ${QueueName.Notifications}`);
      }
    }
  }

  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    logWorkerError(this.logger, QueueName.Notifications, error);
  }

  private async deliver(job: Job<JobOf<QueueName.Notifications>['data']>): Promise<string> {
    const { deliveryId } = job.data;
    const [delivery] = await sqlRows<{ id: string; address: string; subject: string; body: string }>(
      this.dataSource,
      `UPDATE notification_deliveries SET status = 'sending', attempts = attempts + 1
        WHERE id = $1 AND status <> 'sent' RETURNING id, address, subject, body`,
      [deliveryId],
    );
    if (!delivery) {
      const [exists] = await sqlRows<{ status: string }>(this.dataSource, `SELECT status FROM notification_deliveries WHERE id = $1`, [deliveryId]);
      if (exists) return 'already sent';
      throw new Error(`delivery ${deliveryId} not found (not committed yet?)`);
    }
    try {
      const messageId = await this.mailer.send({ to: delivery.address, subject: delivery.subject, text: delivery.body, messageId: `<${deliveryId}@awardflow>` });
      await sqlAffected(this.dataSource, `UPDATE notification_deliveries SET status = 'sent', sent_at = now(), message_id = $2, last_error = NULL WHERE id = $1`, [deliveryId, messageId]);
      return 'sent';
    } catch (error) {
      const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await sqlAffected(this.dataSource, `UPDATE notification_deliveries SET status = $2::text, last_error = $3 WHERE id = $1`, [deliveryId, final ? 'failed' : 'pending', (error as Error).message]);
      throw error;
    }
  }
}
