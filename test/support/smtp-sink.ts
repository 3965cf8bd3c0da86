import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  raw: string;
  messageId: string | null;
}

/** A real SMTP server in the test process: it receives what the product sends. */
export class SmtpSink {
  readonly mails: ReceivedMail[] = [];
  /** Messages to take in and never answer (the sender hangs as if the server were slow). */
  holdNext = 0;
  held = 0;
  private server?: SMTPServer;
  port = 0;
  /** Connections a sender dropped (a worker killed mid-send): what a real server shrugs off. */
  readonly droppedConnections: Error[] = [];

  static async start(port = 0): Promise<SmtpSink> {
    const sink = new SmtpSink();
    await sink.listen(port);
    return sink;
  }

  async listen(port = this.port): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        if (this.holdNext > 0) {
          this.holdNext--;
          stream.on('end', () => this.held++);
          return;
        }
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          this.mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw, messageId: /^Message-ID:\s*(\S+)/im.exec(raw)?.[1] ?? null });
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, '127.0.0.1', () => {
        this.server!.off('error', reject);
        resolve();
      });
    });
    // smtp-server reports a client's broken connection (ECONNRESET when a sender is SIGKILLed
    // mid-send) as the server's 'error': unheard, it would throw in the test process.
    this.server.on('error', (error: Error) => this.droppedConnections.push(error));
    this.port = ((this.server as unknown as { server: { address(): AddressInfo } }).server.address()).port;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = undefined;
  }
}
