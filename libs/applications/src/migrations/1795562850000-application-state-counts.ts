import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How many applications each cycle has in each state, kept by triggers in the writing transaction,
 * so a list's total is a sum over its cycles' counters instead of a count of every row in scope
 * (at 100,000 applications in one office that count was most of a page's time).
 *
 * Each (cycle, state) is striped over 16 slots, an application always in the slot of its id's
 * hash: transitions of different applications in one cycle rarely wait on the same counter row.
 * Deleting leaves a zero row behind, which sums the same.
 */
export class ApplicationStateCounts1795562850000 implements MigrationInterface {
  name = 'ApplicationStateCounts1795562850000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE application_state_counts (
        cycle_id uuid NOT NULL,
        state text NOT NULL,
        slot smallint NOT NULL,
        n integer NOT NULL,
        PRIMARY KEY (cycle_id, state, slot)
      )`);
    // Statement-level, over the transition tables: a bulk move of 10,000 applications is a few
    // grouped upserts, not 20,000 single ones; the rows are taken in key order, so two
    // transactions never wait on each other's counters in opposite orders (no deadlock).
    await q.query(`
      CREATE FUNCTION application_state_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO application_state_counts (cycle_id, state, slot, n)
          SELECT cycle_id, state, hashtext(id::text) & 15, count(*) FROM new_rows GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
          ON CONFLICT (cycle_id, state, slot) DO UPDATE SET n = application_state_counts.n + EXCLUDED.n;
        ELSIF TG_OP = 'DELETE' THEN
          UPDATE application_state_counts c SET n = c.n - d.n
            FROM (SELECT cycle_id, state, hashtext(id::text) & 15 AS slot, count(*) AS n FROM old_rows GROUP BY 1, 2, 3 ORDER BY 1, 2, 3) d
           WHERE c.cycle_id = d.cycle_id AND c.state = d.state AND c.slot = d.slot;
        ELSE
          INSERT INTO application_state_counts (cycle_id, state, slot, n)
          SELECT cycle_id, state, slot, sum(delta) FROM (
            SELECT o.cycle_id, o.state, hashtext(o.id::text) & 15 AS slot, -1 AS delta FROM old_rows o JOIN new_rows n ON n.id = o.id
             WHERE o.state IS DISTINCT FROM n.state OR o.cycle_id IS DISTINCT FROM n.cycle_id
            UNION ALL
            SELECT n.cycle_id, n.state, hashtext(n.id::text) & 15, 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
             WHERE o.state IS DISTINCT FROM n.state OR o.cycle_id IS DISTINCT FROM n.cycle_id
          ) moved GROUP BY 1, 2, 3 HAVING sum(delta) <> 0 ORDER BY 1, 2, 3
          ON CONFLICT (cycle_id, state, slot) DO UPDATE SET n = application_state_counts.n + EXCLUDED.n;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER tr_application_state_counts_insert AFTER INSERT ON applications REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION application_state_counts_apply()`);
    await q.query(`CREATE TRIGGER tr_application_state_counts_update AFTER UPDATE ON applications REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION application_state_counts_apply()`);
    await q.query(`CREATE TRIGGER tr_application_state_counts_delete AFTER DELETE ON applications REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION application_state_counts_apply()`);
    await q.query(`
      INSERT INTO application_state_counts (cycle_id, state, slot, n)
      SELECT cycle_id, state, hashtext(id::text) & 15, count(*) FROM applications GROUP BY 1, 2, 3`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const op of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER tr_application_state_counts_${op} ON applications`);
    await q.query(`DROP FUNCTION application_state_counts_apply()`);
    await q.query(`DROP TABLE application_state_counts`);
  }
}
