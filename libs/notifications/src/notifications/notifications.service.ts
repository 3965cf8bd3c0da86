import { Injectable } from '@nestjs/common';
import { mailRecipients } from '@awardflow/identity';
import { AppConfigService, orderBySql, QueueName, QueueService, sqlAffected, sqlRows } from '@awardflow/platform';
import { DataSource, EntityManager } from 'typeorm';
import { renderTemplate, TemplateKey, TemplateVariables } from '../templates/templates';

/** The columns the inbox sorts on (`?sort=`, `-` first: descending); newest first by default. */
export const INBOX_SORT_COLUMNS = { createdAt: 'created_at' } as const;

export interface NotifyInput {
  /** Unique per occurrence (e.g. outbox row id + template): notifying twice with it does nothing. */
  eventKey: string;
  template: TemplateKey;
  recipientIds: string[];
  variables: TemplateVariables;
  /** Write inside the caller's transaction. */
  manager?: EntityManager;
}

export interface InboxItem {
  id: string;
  template: string;
  title: string;
  body: string;
  link: string | null;
  readAt: Date | null;
  createdAt: Date;
}

/** A page row beside the counts; a page with no rows is one row of counts, its item columns null. */
type InboxRow = { total: number; unread: number } & (InboxItem | { [K in keyof InboxItem]: null });

@Injectable()
export class NotificationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: QueueService,
    private readonly config: AppConfigService,
  ) {}

  /**
   * Inbox rows for every recipient and an email delivery for those with an address, each unique
   * on (event, recipient, channel), so a retried event handler never notifies twice.
   */
  async notify(input: NotifyInput): Promise<{ inbox: number; emails: string[] }> {
    if (input.recipientIds.length === 0) return { inbox: 0, emails: [] };
    const runner = input.manager ?? this.dataSource.manager;
    const { title, body } = renderTemplate(input.template, input.variables);
    const link = input.variables.link ?? null;
    const inbox = await sqlRows<{ id: string }>(
      runner,
      `INSERT INTO notifications (user_id, event_key, template, title, body, link)
       SELECT u, $2, $3, $4, $5, $6 FROM unnest($1::uuid[]) AS u
       ON CONFLICT (event_key, user_id) DO NOTHING RETURNING id`,
      [input.recipientIds, input.eventKey, input.template, title, body, link],
    );
    const recipients = await mailRecipients(runner, input.recipientIds);
    const deliveries = recipients.length
      ? await sqlRows<{ id: string }>(
          runner,
          `INSERT INTO notification_deliveries (event_key, recipient_id, channel, address, subject, body)
           SELECT $3, r.id, 'email', r.address, $4, $5 FROM unnest($1::uuid[], $2::text[]) AS r (id, address)
           ON CONFLICT (event_key, recipient_id, channel) DO NOTHING RETURNING id`,
          [recipients.map((r) => r.id), recipients.map((r) => r.email), input.eventKey, title, body],
        )
      : [];
    // A job that runs before the caller commits finds no row, fails, and is retried: nothing lost.
    await this.enqueue(deliveries.map((d) => d.id));
    return { inbox: inbox.length, emails: deliveries.map((d) => d.id) };
  }

  /** (Re-)enqueues every delivery not yet sent (after a Redis flush, at worker start). */
  async enqueuePending(): Promise<number> {
    const rows = await sqlRows<{ id: string }>(this.dataSource, `SELECT id FROM notification_deliveries WHERE status IN ('pending', 'sending') ORDER BY created_at LIMIT 5000`);
    await this.enqueue(rows.map((r) => r.id));
    return rows.length;
  }

  async enqueue(deliveryIds: string[]): Promise<void> {
    if (deliveryIds.length === 0) return;
    await this.queues.enqueueBulk(
      QueueName.Notifications,
      'notification.deliver',
      deliveryIds.map((id) => ({
        data: { v: 1 as const, deliveryId: id },
        jobId: id,
        options: { attempts: this.config.get('NOTIFICATION_MAX_ATTEMPTS'), backoff: { type: 'exponential', delay: this.config.get('NOTIFICATION_BACKOFF_MS') } },
      })),
    );
  }

  async inbox(userId: string, options: { unread?: boolean; sort?: string; page: number; pageSize: number }): Promise<{ items: InboxItem[]; total: number; page: number; pageSize: number; unreadCount: number }> {
    const unreadOnly = options.unread ? 'AND read_at IS NULL' : '';
    const order = orderBySql(options.sort, INBOX_SORT_COLUMNS, 'id', 'created_at DESC, id');
    // One statement, so the page and its counts come from one snapshot: a notification arriving
    // between two reads cannot make the total count a row the page lacks.
    const rows = await sqlRows<InboxRow>(
      this.dataSource,
      `WITH counts AS (
         SELECT count(*) FILTER (WHERE true ${unreadOnly})::int AS total, count(*) FILTER (WHERE read_at IS NULL)::int AS unread
           FROM notifications WHERE user_id = $1
       ), page AS (
         SELECT id, template, title, body, link, read_at, created_at, row_number() OVER (ORDER BY ${order}) AS position
           FROM notifications WHERE user_id = $1 ${unreadOnly}
          ORDER BY ${order} LIMIT $2 OFFSET $3
       )
       SELECT counts.total, counts.unread, page.id, page.template, page.title, page.body, page.link, page.read_at AS "readAt", page.created_at AS "createdAt"
         FROM counts LEFT JOIN page ON true ORDER BY page.position`,
      [userId, options.pageSize, (options.page - 1) * options.pageSize],
    );
    const [{ total, unread }] = rows;
    return {
      items: rows
        .filter((r): r is InboxRow & InboxItem => r.id !== null)
        .map((r) => ({ id: r.id, template: r.template, title: r.title, body: r.body, link: r.link, readAt: r.readAt, createdAt: r.createdAt })),
      total,
      page: options.page,
      pageSize: options.pageSize,
      unreadCount: unread,
    };
  }

  async unreadCount(userId: string): Promise<number> {
    const [{ n }] = await sqlRows<{ n: number }>(this.dataSource, `SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL`, [userId]);
    return n;
  }

  /** false when the notification is not the user's (the caller answers 404). */
  async markRead(userId: string, id: string): Promise<boolean> {
    const count = await sqlAffected(this.dataSource, `UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2`, [id, userId]);
    return count === 1;
  }

  async markAllRead(userId: string): Promise<number> {
    return sqlAffected(this.dataSource, `UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`, [userId]);
  }
}
