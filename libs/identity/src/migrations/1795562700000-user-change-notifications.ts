import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every committed change to what a request's caller is made of (users' role, active flag, token
 * version, organisation, name; their offices) is announced on `identity_users_changed` with the
 * user's id: each API process keeps the callers it has read and forgets one when told. A trigger
 * rather than the services' own calls, so no write path (a script, a future route) can be missed.
 */
export class UserChangeNotifications1795562700000 implements MigrationInterface {
  name = 'UserChangeNotifications1795562700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION identity_notify_user_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('identity_users_changed', coalesce(to_jsonb(NEW), to_jsonb(OLD)) ->> TG_ARGV[0]);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER users_changed AFTER UPDATE OF username, role, is_active, token_version, organization_id OR DELETE ON users
      FOR EACH ROW EXECUTE FUNCTION identity_notify_user_changed('id')`);
    await q.query(`
      CREATE TRIGGER user_offices_changed AFTER INSERT OR UPDATE OR DELETE ON user_offices
      FOR EACH ROW EXECUTE FUNCTION identity_notify_user_changed('user_id')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER user_offices_changed ON user_offices`);
    await q.query(`DROP TRIGGER users_changed ON users`);
    await q.query(`DROP FUNCTION identity_notify_user_changed()`);
  }
}
