import { MigrationInterface, QueryRunner } from 'typeorm';

/** Issuing offices and the people who use the product. */
export class Foundation1795560000000 implements MigrationInterface {
  name = 'Foundation1795560000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE offices (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(32) NOT NULL,
        name varchar(100) NOT NULL,
        region_code varchar(12) NOT NULL,
        parent_id uuid CONSTRAINT fk_offices_parent REFERENCES offices(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_offices_code UNIQUE (code)
      )`);
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username varchar(64) NOT NULL,
        display_name varchar(100) NOT NULL,
        email varchar(254),
        password_hash text NOT NULL,
        role varchar(16) NOT NULL CONSTRAINT ck_users_role CHECK (role IN ('applicant', 'recommender', 'reviewer', 'admin')),
        organization_id uuid,
        is_active boolean NOT NULL DEFAULT true,
        last_login_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_users_organization_only_for_applicants CHECK (organization_id IS NULL OR role = 'applicant')
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_users_username ON users (lower(username))`);
    await q.query(`CREATE INDEX ix_users_organization ON users (organization_id) WHERE organization_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE user_offices (
        user_id uuid NOT NULL CONSTRAINT fk_user_offices_user REFERENCES users(id) ON DELETE CASCADE,
        office_id uuid NOT NULL CONSTRAINT fk_user_offices_office REFERENCES offices(id) ON DELETE CASCADE,
        PRIMARY KEY (user_id, office_id)
      )`);
    // The first office exists from the start, so every cycle has an issuer even in a one-office deployment.
    await q.query(`
      INSERT INTO offices (code, name, region_code) VALUES
        ('CQ', '重庆市市场监督管理局', '500000')`);
    await q.query(`
      INSERT INTO offices (code, name, region_code, parent_id)
        SELECT 'CQ-YZ', '渝中区市场监督管理局', '500103', id FROM offices WHERE code = 'CQ'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE user_offices');
    await q.query('DROP TABLE users');
    await q.query('DROP TABLE offices');
  }
}
