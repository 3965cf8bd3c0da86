import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { AppConfigService } from '@awardflow/platform';
import { createTransport, Transporter } from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** Deterministic, so a duplicate (a crash between "accepted" and "recorded") is recognisable. */
  messageId: string;
}

@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly transport: Transporter;

  constructor(private readonly config: AppConfigService) {
    const user = config.get('SMTP_USER');
    this.transport = createTransport({
      host: config.get('SMTP_HOST'),
      port: config.get('SMTP_PORT'),
      secure: config.get('SMTP_SECURE'),
      auth: user ? { user, pass: config.get('SMTP_PASSWORD') ?? '' } : undefined,
      // Reuse connections: a new one per mail pays the server's greeting each time, which capped
      // bench:deadlines at 35 mails/s against a server that pauses before greeting. Five, one
      // per concurrent notification job.
      pool: true,
      maxConnections: 5,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  async send(mail: OutgoingMail): Promise<string> {
    const info = await this.transport.sendMail({
      from: this.config.get('SMTP_FROM'),
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      messageId: mail.messageId,
    });
    return info.messageId;
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
