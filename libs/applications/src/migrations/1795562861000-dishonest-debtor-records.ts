import { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS = ['blacklist', 'abnormal_operation', 'major_accident', 'sampling_failure', 'penalty', 'reapplication_ban'];

/**
 * A compliance record of a new kind: 失信被执行人 (the courts' list, 法释〔2017〕7号), which the award
 * offices check beside the market-supervision 严重违法失信名单.
 */
export class DishonestDebtorRecords1795562861000 implements MigrationInterface {
  name = 'DishonestDebtorRecords1795562861000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organization_records DROP CONSTRAINT ck_organization_records_kind`);
    await q.query(`ALTER TABLE organization_records ADD CONSTRAINT ck_organization_records_kind CHECK (kind IN (${[...KINDS, 'dishonest_debtor'].map((k) => `'${k}'`).join(', ')}))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM organization_records WHERE kind = 'dishonest_debtor'`);
    await q.query(`ALTER TABLE organization_records DROP CONSTRAINT ck_organization_records_kind`);
    await q.query(`ALTER TABLE organization_records ADD CONSTRAINT ck_organization_records_kind CHECK (kind IN (${KINDS.map((k) => `'${k}'`).join(', ')}))`);
  }
}
