import { MigrationInterface, QueryRunner } from 'typeorm';

/** The in-app inbox and the record of every email delivery (unique per event, recipient, channel). */
export class Notifications1795560500000 implements MigrationInterface {
  name = 'Notifications1795560500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL CONSTRAINT fk_notifications_user REFERENCES users (id) ON DELETE CASCADE,
        event_key varchar(200) NOT NULL,
        template varchar(64) NOT NULL,
        title varchar(200) NOT NULL,
        body text NOT NULL,
        link varchar(500),
        read_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_notifications_event_user UNIQUE (event_key, user_id)
      )`);
    await q.query(`CREATE INDEX ix_notifications_user ON notifications (user_id, created_at DESC)`);
    await q.query(`CREATE INDEX ix_notifications_unread ON notifications (user_id) WHERE read_at IS NULL`);
    await q.query(`
      CREATE TABLE notification_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_key varchar(200) NOT NULL,
        recipient_id uuid NOT NULL CONSTRAINT fk_notification_deliveries_recipient REFERENCES users (id) ON DELETE CASCADE,
        channel varchar(16) NOT NULL CONSTRAINT ck_notification_deliveries_channel CHECK (channel IN ('email')),
        address varchar(254) NOT NULL,
        subject varchar(200) NOT NULL,
        body text NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'pending' CONSTRAINT ck_notification_deliveries_status CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        message_id varchar(200),
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_notification_deliveries_key UNIQUE (event_key, recipient_id, channel)
      )`);
    await q.query(`CREATE INDEX ix_notification_deliveries_open ON notification_deliveries (created_at) WHERE status IN ('pending', 'sending')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE notification_deliveries');
    await q.query('DROP TABLE notifications');
  }
}
