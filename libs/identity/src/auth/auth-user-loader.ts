import { Injectable, OnModuleDestroy } from '@nestjs/common';
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
/** A bound, not the mechanism: a change is forgotten when announced; this caps a missed one. */
const KEPT_FOR_MS = 60_000;
const MAX_KEPT = 10_000;

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
 * request on every API process. Writes made by this process also forget the caller themselves
 * (`forgetAfterCommit`), so its own next request never races the notification.
 *
 * Kept only while the listening connection is up: notifications sent while it is down are lost,
 * so losing it forgets everything and reads every request from the database until it is back. A
 * read that a change overtook (a notification arrived while it was in flight) is not kept.
 */
@Injectable()
export class AuthUserLoader implements OnModuleDestroy {
  private readonly kept = new Map<string, Kept>();
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

  /** This process changed the user: forget it now (call after the change has committed). */
  forget(userId: string): void {
    this.generation++;
    this.kept.delete(userId);
  }

  async onModuleDestroy(): Promise<void> {
    await this.listener?.stop();
  }

  private listen(): PgChannelListener {
    const forgetAll = () => {
      this.generation++;
      this.kept.clear();
    };
    const listener = new PgChannelListener({
      connectionString: this.config.get('DATABASE_URL'),
      channel: USER_CHANGES_CHANNEL,
      applicationName: 'awardflow-user-changes',
      onNotify: (userId) => (userId ? this.forget(userId) : forgetAll()),
      onListening: forgetAll,
      onLost: forgetAll,
    });
    listener.start();
    return listener;
  }
}
