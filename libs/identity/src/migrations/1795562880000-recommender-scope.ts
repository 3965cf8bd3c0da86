import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a recommender recommends: the division whose organisations it may recommend (区县市场监管局:
 * its district's GB/T 2260 code) and the awards it recommends for (重庆市建筑业协会: the engineering
 * awards). Either left null means no limit on that side. They are part of the caller (read per
 * request), so the change trigger of 1795562700000 announces them too.
 */
export class RecommenderScope1795562880000 implements MigrationInterface {
  name = 'RecommenderScope1795562880000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN recommends_division_code varchar(6) NULL, ADD COLUMN recommends_award_codes text[] NULL`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT ck_users_recommends_division CHECK (recommends_division_code IS NULL OR recommends_division_code ~ '^[0-9]{6}$')`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT ck_users_recommends_role CHECK (role = 'recommender' OR (recommends_division_code IS NULL AND recommends_award_codes IS NULL))`);
    await q.query(`DROP TRIGGER users_changed ON users`);
    await q.query(`
      CREATE TRIGGER users_changed AFTER UPDATE OF username, role, is_active, token_version, organization_id, recommends_division_code, recommends_award_codes OR DELETE ON users
      FOR EACH ROW EXECUTE FUNCTION identity_notify_user_changed('id')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER users_changed ON users`);
    await q.query(`
      CREATE TRIGGER users_changed AFTER UPDATE OF username, role, is_active, token_version, organization_id OR DELETE ON users
      FOR EACH ROW EXECUTE FUNCTION identity_notify_user_changed('id')`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT ck_users_recommends_role, DROP CONSTRAINT ck_users_recommends_division`);
    await q.query(`ALTER TABLE users DROP COLUMN recommends_award_codes, DROP COLUMN recommends_division_code`);
  }
}
