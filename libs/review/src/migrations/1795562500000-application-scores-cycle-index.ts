import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ranking reads a cycle's aggregates (a page, its count, the CSV) by cycle_id, which had no
 * index: each read scanned every cycle's scores. The score order rides along, so the count and the
 * ranking's sort start from the index.
 */
export class ApplicationScoresCycleIndex1795562500000 implements MigrationInterface {
  name = 'ApplicationScoresCycleIndex1795562500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX ix_application_scores_cycle_rank ON application_scores (cycle_id, (aggregated + onsite_adjustment) DESC, results_subtotal DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_application_scores_cycle_rank`);
  }
}
