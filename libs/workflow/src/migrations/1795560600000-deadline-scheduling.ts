import { MigrationInterface, QueryRunner } from 'typeorm';

/** Which generation of a deadline has its BullMQ job: the scheduler adds jobs for the rest. */
export class DeadlineScheduling1795560600000 implements MigrationInterface {
  name = 'DeadlineScheduling1795560600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE deadlines ADD COLUMN scheduled_generation integer`);
    await q.query(`ALTER TABLE deadlines ADD COLUMN outcome varchar(32)`);
    await q.query(`
      CREATE INDEX ix_deadlines_unscheduled ON deadlines (due_at)
        WHERE status = 'pending' AND (scheduled_generation IS NULL OR scheduled_generation <> generation)`);
    await q.query(`CREATE INDEX ix_deadlines_payload_parent ON deadlines ((payload->>'parentDeadlineId')) WHERE status = 'pending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX ix_deadlines_payload_parent');
    await q.query('DROP INDEX ix_deadlines_unscheduled');
    await q.query('ALTER TABLE deadlines DROP COLUMN outcome');
    await q.query('ALTER TABLE deadlines DROP COLUMN scheduled_generation');
  }
}
