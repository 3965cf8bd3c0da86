import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How many applications each cycle has in each state, kept by triggers in the writing transaction,
 * so a list's total is a sum over its cycles' counters instead of a count of every row in scope
 * (at 100,000 applications in one office that count was most of a page's time).
 *
 * Each (cycle, state) is striped over 16 slots, an application always in the slot of its id's
 * hash: transitions of different applications in one cycle rarely wait on the same counter row.
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
    await q.query(`
      CREATE FUNCTION application_state_counts_change(cycle uuid, app uuid, st text, delta integer) RETURNS void LANGUAGE sql AS $$
        INSERT INTO application_state_counts (cycle_id, state, slot, n) VALUES (cycle, st, hashtext(app::text) & 15, delta)
        ON CONFLICT (cycle_id, state, slot) DO UPDATE SET n = application_state_counts.n + EXCLUDED.n
      $$`);
    await q.query(`
      CREATE FUNCTION application_state_counts_track() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM application_state_counts_change(OLD.cycle_id, OLD.id, OLD.state, -1); END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN PERFORM application_state_counts_change(NEW.cycle_id, NEW.id, NEW.state, 1); END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER tr_application_state_counts_insert AFTER INSERT OR DELETE ON applications FOR EACH ROW EXECUTE FUNCTION application_state_counts_track()`);
    await q.query(`
      CREATE TRIGGER tr_application_state_counts_update AFTER UPDATE OF state, cycle_id ON applications FOR EACH ROW
        WHEN (OLD.state IS DISTINCT FROM NEW.state OR OLD.cycle_id IS DISTINCT FROM NEW.cycle_id) EXECUTE FUNCTION application_state_counts_track()`);
    await q.query(`
      INSERT INTO application_state_counts (cycle_id, state, slot, n)
      SELECT cycle_id, state, hashtext(id::text) & 15, count(*) FROM applications GROUP BY 1, 2, 3`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER tr_application_state_counts_update ON applications`);
    await q.query(`DROP TRIGGER tr_application_state_counts_insert ON applications`);
    await q.query(`DROP FUNCTION application_state_counts_track()`);
    await q.query(`DROP FUNCTION application_state_counts_change(uuid, uuid, text, integer)`);
    await q.query(`DROP TABLE application_state_counts`);
  }
}
