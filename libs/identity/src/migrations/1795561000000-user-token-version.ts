import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A user's token version: every access token carries the version it was issued at, and a request
 * whose token is older than the row (the account was disabled, its password changed) is refused.
 */
export class UserTokenVersion1795561000000 implements MigrationInterface {
  name = 'UserTokenVersion1795561000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN token_version integer NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP COLUMN token_version`);
  }
}
