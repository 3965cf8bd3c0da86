import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { preparedRows } from '@awardflow/platform';
import { DataSource } from 'typeorm';
import { AuthUser } from './auth-user';

// One primary-key lookup (the offices by the junction table's primary key): what every request pays,
// hence prepared.
const CURRENT_USER_SQL = `
  SELECT u.username, u.role, u.organization_id AS "organizationId",
         ARRAY(SELECT uo.office_id::text FROM user_offices uo WHERE uo.user_id = u.id ORDER BY uo.office_id) AS "officeIds"
    FROM users u
   WHERE u.id = $1 AND u.is_active AND u.token_version = $2`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The caller as the database says it is now. Read on every request rather than trusted from the
 * token or cached, so disabling an account or changing its role or offices applies to its very
 * next request, on every API instance, with no invalidation to get wrong.
 */
@Injectable()
export class AuthUserLoader {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** null when the user is gone, disabled, or the token predates its current token version. */
  async load(userId: string, tokenVersion: number): Promise<AuthUser | null> {
    if (!UUID.test(userId) || !Number.isInteger(tokenVersion)) return null;
    const [row] = await preparedRows<Omit<AuthUser, 'id'>>(this.db, 'identity.current-user', CURRENT_USER_SQL, [userId, tokenVersion]);
    if (!row) return null;
    return { id: userId, username: row.username, role: row.role, organizationId: row.organizationId, officeIds: row.officeIds };
  }
}
