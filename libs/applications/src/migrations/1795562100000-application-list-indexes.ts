import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The application list's order (latest submission first, then latest draft) held by an index per
 * scope, so a page walks the index for its rows instead of sorting the office's or organisation's
 * every application: each cycle of an office, and an organisation's own list. The id ends both,
 * so paging is stable when two applications share their times. The office's index carries the
 * instance and organisation too, so a count under a state or search filter reads no application
 * row, only the instance or organisation it joins. It replaces the cycle index the list used to
 * sort after (same first columns).
 */
export class ApplicationListIndexes1795562100000 implements MigrationInterface {
  name = 'ApplicationListIndexes1795562100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX ix_applications_cycle_list ON applications (cycle_id, submitted_at DESC NULLS LAST, created_at DESC, id DESC) INCLUDE (instance_id, organization_id)`);
    await q.query(`CREATE INDEX ix_applications_organization_list ON applications (organization_id, submitted_at DESC NULLS LAST, created_at DESC, id DESC)`);
    await q.query(`DROP INDEX ix_applications_cycle`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX ix_applications_cycle ON applications (cycle_id, submitted_at DESC)`);
    await q.query(`DROP INDEX ix_applications_organization_list`);
    await q.query(`DROP INDEX ix_applications_cycle_list`);
  }
}
