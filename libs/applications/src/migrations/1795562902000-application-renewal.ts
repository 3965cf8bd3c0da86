import { MigrationInterface, QueryRunner } from 'typeorm';

/** A 名牌 renewal: the new application (in a later cycle) names the recognised one it continues. */
export class ApplicationRenewal1795562902000 implements MigrationInterface {
  name = 'ApplicationRenewal1795562902000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE applications ADD COLUMN renewal_of_id uuid CONSTRAINT fk_applications_renewal_of REFERENCES applications(id)`);
    await q.query(`CREATE INDEX ix_applications_renewal_of ON applications (renewal_of_id) WHERE renewal_of_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_applications_renewal_of`);
    await q.query(`ALTER TABLE applications DROP COLUMN renewal_of_id`);
  }
}
