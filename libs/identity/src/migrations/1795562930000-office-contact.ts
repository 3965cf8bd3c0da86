import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who an enterprise calls at the office (the 联系方式 every 申报通知 ends with): a department, a
 * phone, and optionally an address and an email. Kept on the office, since every cycle of it
 * gives the same; a 公示 still names its own objection contact.
 */
export class OfficeContact1795562930000 implements MigrationInterface {
  name = 'OfficeContact1795562930000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE offices
      ADD COLUMN contact_unit varchar(200),
      ADD COLUMN contact_phone varchar(40),
      ADD COLUMN contact_address varchar(300),
      ADD COLUMN contact_email varchar(254)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE offices DROP COLUMN contact_unit, DROP COLUMN contact_phone, DROP COLUMN contact_address, DROP COLUMN contact_email`);
  }
}
