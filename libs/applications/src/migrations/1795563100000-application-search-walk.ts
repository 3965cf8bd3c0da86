import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15: a searched list flat in the number of applications (all 100,000 in one office).
 *
 * The three searched texts (the organisation's name and credit code the row carries, and the
 * receipt number) become one lower-cased column the database keeps (`search_text`, generated,
 * joined by U+001F, which no one types), so a search is one condition, `search_text LIKE
 * lower(pattern)`: one trigram posting walk of one GIN index on (cycle, text) instead of a union of
 * three, and a byte-wise LIKE instead of ILIKE's per-row lower-casing when a row is checked.
 *
 * The list's ordered indexes (each cycle's, and each cycle's per state) carry the text too, so a
 * search that matches more than the total's cap pages by walking the list's order with the
 * condition checked on the index entry alone (an index-only scan, no row read), stopping when the
 * page is full, as the list without a search does. They replace the indexes of migrations
 * 1795562100000 and 1795562810000 under the same names (same keys, one more included column), so
 * a transition writes as many index entries as before.
 */
export class ApplicationSearchWalk1795563100000 implements MigrationInterface {
  name = 'ApplicationSearchWalk1795563100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE applications ADD COLUMN search_text text
         GENERATED ALWAYS AS (lower(organization_name::text || E'\\x1f' || organization_uscc::text || E'\\x1f' || coalesce(receipt_number::text, ''))) STORED`,
    );
    await q.query(`CREATE INDEX ix_applications_search_text ON applications USING gin (cycle_id, search_text gin_trgm_ops) WITH (fastupdate = off)`);
    await q.query(`DROP INDEX ix_applications_search`);
    await q.query(
      `CREATE INDEX ix_applications_cycle_list_next ON applications (cycle_id, submitted_at DESC NULLS LAST, created_at DESC, id DESC) INCLUDE (instance_id, organization_id, search_text)`,
    );
    await q.query(`DROP INDEX ix_applications_cycle_list`);
    await q.query(`ALTER INDEX ix_applications_cycle_list_next RENAME TO ix_applications_cycle_list`);
    await q.query(`CREATE INDEX ix_applications_cycle_state_list_next ON applications (cycle_id, state, submitted_at DESC NULLS LAST, created_at DESC, id DESC) INCLUDE (instance_id, search_text)`);
    await q.query(`DROP INDEX ix_applications_cycle_state_list`);
    await q.query(`ALTER INDEX ix_applications_cycle_state_list_next RENAME TO ix_applications_cycle_state_list`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_applications_cycle_state_list`);
    await q.query(`CREATE INDEX ix_applications_cycle_state_list ON applications (cycle_id, state, submitted_at DESC NULLS LAST, created_at DESC, id DESC) INCLUDE (instance_id)`);
    await q.query(`DROP INDEX ix_applications_cycle_list`);
    await q.query(`CREATE INDEX ix_applications_cycle_list ON applications (cycle_id, submitted_at DESC NULLS LAST, created_at DESC, id DESC) INCLUDE (instance_id, organization_id)`);
    await q.query(
      `CREATE INDEX ix_applications_search ON applications
         USING gin (cycle_id, organization_name gin_trgm_ops, (organization_uscc::text) gin_trgm_ops, receipt_number gin_trgm_ops)
         WITH (fastupdate = off)`,
    );
    await q.query(`DROP INDEX ix_applications_search_text`);
    await q.query(`ALTER TABLE applications DROP COLUMN search_text`);
  }
}
