import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15, lists flat in the number of applications.
 *
 * State: applications.state mirrors the workflow instance's state (registered with the engine,
 * application-state-mirror.ts, which writes it in each transition's statement), so a list filtered
 * by state walks (cycle_id, state, list order) instead of joining every instance of the scope.
 * Backfilled from the instances, then NOT NULL.
 *
 * Search: the row carries its organisation's name and credit code (both tables are this
 * context's), kept equal to the organisation's by a foreign key on (id, name, uscc) with ON UPDATE
 * CASCADE, so no rename can leave a copy behind. One GIN index (btree_gin for the cycle, pg_trgm for
 * the texts) holds the cycle with each searched text, so a search reads the postings of the scope's
 * cycles that contain the term, not every application (or organisation) of the scope. Both
 * extensions ship with PostgreSQL's contrib (and docker's postgres images) and are trusted. Without
 * fastupdate: an application is inserted at a person's pace, and a search then never scans a
 * pending list of recent entries that only a vacuum would merge.
 */
export class ApplicationStateAndSearch1795562810000 implements MigrationInterface {
  name = 'ApplicationStateAndSearch1795562810000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE applications ADD COLUMN state text`);
    await q.query(`UPDATE applications a SET state = i.state FROM workflow_instances i WHERE i.id = a.instance_id`);
    await q.query(`ALTER TABLE applications ALTER COLUMN state SET NOT NULL`);
    await q.query(`CREATE INDEX ix_applications_cycle_state_list ON applications (cycle_id, state, submitted_at DESC NULLS LAST, created_at DESC, id DESC) INCLUDE (instance_id)`);

    await q.query(`ALTER TABLE applications ADD COLUMN organization_name varchar(200), ADD COLUMN organization_uscc char(18)`);
    await q.query(`UPDATE applications a SET organization_name = o.name, organization_uscc = o.uscc FROM organizations o WHERE o.id = a.organization_id`);
    await q.query(`ALTER TABLE applications ALTER COLUMN organization_name SET NOT NULL, ALTER COLUMN organization_uscc SET NOT NULL`);
    await q.query(`ALTER TABLE organizations ADD CONSTRAINT uq_organizations_search_key UNIQUE (id, name, uscc)`);
    await q.query(
      `ALTER TABLE applications ADD CONSTRAINT fk_applications_organization_search FOREIGN KEY (organization_id, organization_name, organization_uscc)
         REFERENCES organizations (id, name, uscc) ON UPDATE CASCADE`,
    );
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gin`);
    await q.query(
      `CREATE INDEX ix_applications_search ON applications
         USING gin (cycle_id, organization_name gin_trgm_ops, (organization_uscc::text) gin_trgm_ops, receipt_number gin_trgm_ops)
         WITH (fastupdate = off)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_applications_search`);
    await q.query(`ALTER TABLE applications DROP CONSTRAINT fk_applications_organization_search`);
    await q.query(`ALTER TABLE organizations DROP CONSTRAINT uq_organizations_search_key`);
    await q.query(`ALTER TABLE applications DROP COLUMN organization_uscc, DROP COLUMN organization_name`);
    await q.query(`DROP INDEX ix_applications_cycle_state_list`);
    await q.query(`ALTER TABLE applications DROP COLUMN state`);
  }
}
