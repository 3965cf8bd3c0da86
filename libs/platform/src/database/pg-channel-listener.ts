import { Client } from 'pg';

const RELISTEN_AFTER_MS = 2_000;

export interface PgChannelListenerOptions {
  connectionString: string;
  channel: string;
  /**
   * The connection's application_name once it is LISTENing (`<name> (connecting)` before), so that
   * `pg_stat_activity` counts exactly the connections a NOTIFY sent now will reach.
   */
  applicationName: string;
  /** A NOTIFY on the channel, with its payload. */
  onNotify: (payload: string | undefined) => void;
  /**
   * The listener is (again) LISTENing: notifications sent while it was not were lost, so whatever
   * relies on them must catch up now.
   */
  onListening?: () => void;
  /** The connection dropped: until `onListening`, no notification arrives. */
  onLost?: () => void;
}

/**
 * LISTEN on a connection of its own, opened again 2 s after it drops, until `stop()`. A pooled
 * connection cannot listen: the pool hands it to other work and its notifications go with it.
 */
export class PgChannelListener {
  private stopped = false;
  private client?: Client;
  private retryTimer?: NodeJS.Timeout;
  private listening = false;

  constructor(private readonly options: PgChannelListenerOptions) {}

  /** Whether the connection is up and LISTENing now. */
  get isListening(): boolean {
    return this.listening;
  }

  /** NOTIFY the channel over this connection; false when it is not up. */
  async notify(payload: string): Promise<boolean> {
    const client = this.client;
    if (!client || !this.listening) return false;
    await client.query('SELECT pg_notify($1, $2)', [this.options.channel, payload]);
    return true;
  }

  start(): void {
    if (!this.client && !this.retryTimer && !this.stopped) void this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.listening = false;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    this.retryTimer = undefined;
    if (this.stopped) return;
    const { connectionString, applicationName, channel } = this.options;
    const client = new Client({ connectionString, application_name: `${applicationName} (connecting)` });
    const retry = () => {
      if (this.client !== client) return;
      this.client = undefined;
      if (this.listening) {
        this.listening = false;
        this.options.onLost?.();
      }
      client.end().catch(() => undefined);
      if (this.stopped) return;
      this.retryTimer = setTimeout(() => void this.connect(), RELISTEN_AFTER_MS);
      this.retryTimer.unref();
    };
    this.client = client;
    client.on('notification', (message) => this.options.onNotify(message.payload));
    client.on('error', retry);
    client.on('end', retry);
    try {
      await client.connect();
      await client.query(`LISTEN ${channel}`);
      await client.query(`SELECT set_config('application_name', $1, false)`, [applicationName]);
      if (this.client !== client || this.stopped) return;
      this.listening = true;
      this.options.onListening?.();
    } catch {
      retry();
    }
  }
}
