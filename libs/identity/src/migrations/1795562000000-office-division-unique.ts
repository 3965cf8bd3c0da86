import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One office per administrative division: the seed finds the 区县 offices by their GB/T 2260 code,
 * and a second office claiming the same division would split its cycles and its people.
 */
export class OfficeDivisionUnique1795562000000 implements MigrationInterface {
  name = 'OfficeDivisionUnique1795562000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE offices ADD CONSTRAINT uq_offices_region_code UNIQUE (region_code)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE offices DROP CONSTRAINT uq_offices_region_code`);
  }
}
