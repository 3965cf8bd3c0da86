import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15, lists flat in the number of applications.
 *
 * State: applications.state mirrors the workflow instance's state (registered with the engine,
 * application-state-mirror.ts, which writes it in each transition's statement), so a list filtered
 * by state walks (cycle_id, state, list order) instead of joining every instance of the scope.
 * Backfilled from the instances, then NOT NULL: a row without it cannot be inserted.
 *
 * Search: trigram indexes (pg_trgm) under the ILIKE of the search, on the organisation's name and
 * credit code and on the receipt number, so a search for a name narrows to its organisations and
 * their applications instead of reading every organisation of the scope's applications.
 */
export class ApplicationStateAndSearch1795562810000 implements MigrationInterface {
  name = 'ApplicationStateAndSearch1795562810000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE applications ADD COLUMN state text`);
    await q.query(`UPDATE applications a SET state = i.state FROM workflow_instances i WHERE i.id = a.instance_id`);
    await q.query(`ALTER TABLE applications ALTER COLUMN state SET NOT NULL`);
    await q.query(`CREATE INDEX ix_applications_cycle_state_list ON applications (cycle_id, state, submitted_at DESC NULLS LAST, created_at DESC, id DESC) INCLUDE (instance_id)`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE INDEX ix_organizations_name_trgm ON organizations USING gin (name gin_trgm_ops)`);
    await q.query(`CREATE INDEX ix_organizations_uscc_trgm ON organizations USING gin ((uscc::text) gin_trgm_ops)`);
    await q.query(`CREATE INDEX ix_applications_receipt_trgm ON applications USING gin (receipt_number gin_trgm_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_applications_receipt_trgm`);
    await q.query(`DROP INDEX ix_organizations_uscc_trgm`);
    await q.query(`DROP INDEX ix_organizations_name_trgm`);
    await q.query(`DROP INDEX ix_applications_cycle_state_list`);
    await q.query(`ALTER TABLE applications DROP COLUMN state`);
  }
}
