import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfigService, PgChannelListener, preparedRows } from '@awardflow/platform';
import { DataSource } from 'typeorm';
import { AuthUser } from './auth-user';
import type { RecommenderScope } from '../users/recommender-scope';

// One primary-key lookup (the offices by the junction table's primary key), prepared.
const CURRENT_USER_SQL = `
  SELECT u.username, u.role, u.organization_id AS "organizationId",
         u.recommends_division_code AS "divisionCode", u.recommends_award_codes AS "awardCodes",
         ARRAY(SELECT uo.office_id::text FROM user_offices uo WHERE uo.user_id = u.id ORDER BY uo.office_id) AS "officeIds"
    FROM users u
   WHERE u.id = $1 AND u.is_active AND u.token_version = $2`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Announced by the trigger of migration 1795562700000 for every committed change to a caller. */
export const USER_CHANGES_CHANNEL = 'identity_users_changed';
/** The application_name of every listening connection: `pg_stat_activity` counts the processes that keep callers. */
const LISTENER_NAME = 'awardflow-user-changes';
/** A bound, not the mechanism: a change is forgotten when announced; this caps a missed one. */
const KEPT_FOR_MS = 60_000;
const MAX_KEPT = 10_000;
/** How long a write waits for every process to confirm; past it, a stalled process holds the change up no longer. */
const CONFIRMED_WITHIN_MS = 30_000;

// Besides a user's id, the channel carries the writer's question and the answers to it. A process
// hears notifications in commit order, so one that hears `sync` has already forgotten the change.
const SYNC = 'sync ';
const HEARD = 'heard ';

interface Kept {
  tokenVersion: number;
  user: AuthUser;
  until: number;
}

/**
 * The caller as the database says it is. Every request needs it, so each process keeps the callers
 * it has read, and the database tells every process when one changes (a trigger NOTIFYs
 * `identity_users_changed` on commit of any write to users or user_offices): disabling an
 * account, changing its role, offices or organisation, or revoking its tokens applies to its next
 * request on every API process. The notification alone arrives a little after the commit, so a
 * write does not answer until every listening process has said it heard (`forgetEverywhere`):
 * a request sent after the answer, to any process, sees the change.
 *
 * Kept only while the listening connection is up: notifications sent while it is down are lost,
 * so losing it forgets everything and reads every request from the database until it is back. A
 * read that a change overtook (a notification arrived while it was in flight) is not kept.
 */
@Injectable()
export class AuthUserLoader implements OnModuleDestroy {
  private readonly logger = new Logger(AuthUserLoader.name);
  private readonly kept = new Map<string, Kept>();
  /** The writes of this process waiting for answers, by the nonce they asked with. */
  private readonly syncs = new Map<string, () => void>();
  /** Moves on every change heard: a read that started before a change must not be kept. */
  private generation = 0;
  private listener?: PgChannelListener;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfigService,
  ) {}

  /** null when the user is gone, disabled, or the token predates its current token version. */
  async load(userId: string, tokenVersion: number): Promise<AuthUser | null> {
    if (!UUID.test(userId) || !Number.isInteger(tokenVersion)) return null;
    const listener = (this.listener ??= this.listen());
    const kept = listener.isListening ? this.kept.get(userId) : undefined;
    if (kept && kept.tokenVersion === tokenVersion && kept.until > Date.now()) return kept.user;

    const generation = this.generation;
    const [row] = await preparedRows<Omit<AuthUser, 'id' | 'recommends'> & RecommenderScope>(this.db, 'identity.current-user', CURRENT_USER_SQL, [userId, tokenVersion]);
    if (!row) return null;
    // Shared by every request of this caller while kept: nobody may change it.
    const user: AuthUser = Object.freeze({ id: userId, username: row.username, role: row.role, organizationId: row.organizationId, officeIds: Object.freeze(row.officeIds) as string[],
      ...(row.divisionCode || row.awardCodes ? { recommends: Object.freeze({ divisionCode: row.divisionCode, awardCodes: row.awardCodes && (Object.freeze(row.awardCodes) as string[]) }) } : {}) });
    if (listener.isListening && generation === this.generation) {
      if (this.kept.size >= MAX_KEPT) this.kept.delete(this.kept.keys().next().value as string);
      this.kept.set(userId, { tokenVersion, user, until: Date.now() + KEPT_FOR_MS });
    }
    return user;
  }

  /**
   * This process changed the user (call after the change has committed): settles once every API
   * process has forgotten it. It asks on the channel after the change's own notification and
   * counts the answers against the listening connections `pg_stat_activity` shows.
   */
  async forgetEverywhere(userId: string): Promise<void> {
    this.forget(userId);
    const listener = (this.listener ??= this.listen());
    if (!listener.isListening) {
      // Without a connection of its own this process cannot hear the answers, and keeps nothing itself.
      this.logger.warn(`not listening on ${USER_CHANGES_CHANNEL}: other processes forget user ${userId} when the notification reaches them`);
      return;
    }
    const nonce = randomUUID();
    let heard = 0;
    let expected = Infinity;
    let settle!: () => void;
    const confirmed = new Promise<void>((resolve) => (settle = resolve));
    const timer = setTimeout(() => {
      this.logger.warn(`${expected - heard} of ${expected} processes did not confirm forgetting user ${userId} within ${CONFIRMED_WITHIN_MS} ms`);
      settle();
    }, CONFIRMED_WITHIN_MS);
    // Registered before asking: an answer can come back before the question's own statement does.
    this.syncs.set(nonce, () => ++heard >= expected && settle());
    try {
      const [row] = await this.db.query<Array<{ listeners: number }>>(
        `SELECT pg_notify($1, $2), (SELECT count(*)::int FROM pg_stat_activity WHERE application_name = $3 AND datname = current_database()) AS listeners`,
        [USER_CHANGES_CHANNEL, SYNC + nonce, LISTENER_NAME],
      );
      expected = row.listeners;
      if (heard >= expected) settle();
      await confirmed;
    } finally {
      clearTimeout(timer);
      this.syncs.delete(nonce);
    }
  }

  private forget(userId: string): void {
    this.generation++;
    this.kept.delete(userId);
  }

  private heard(payload: string | undefined): void {
    if (!payload) return this.forgetAll();
    if (payload.startsWith(SYNC)) return void this.listener?.notify(HEARD + payload.slice(SYNC.length)).catch(() => undefined);
    if (payload.startsWith(HEARD)) return this.syncs.get(payload.slice(HEARD.length))?.();
    this.forget(payload);
  }

  private forgetAll(): void {
    this.generation++;
    this.kept.clear();
  }

  async onModuleDestroy(): Promise<void> {
    await this.listener?.stop();
  }

  private listen(): PgChannelListener {
    const listener = new PgChannelListener({
      connectionString: this.config.get('DATABASE_URL'),
      channel: USER_CHANGES_CHANNEL,
      applicationName: LISTENER_NAME,
      onNotify: (payload) => this.heard(payload),
      onListening: () => this.forgetAll(),
      onLost: () => this.forgetAll(),
    });
    listener.start();
    return listener;
  }
}
