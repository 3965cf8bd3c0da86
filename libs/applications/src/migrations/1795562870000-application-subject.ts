import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The states after which an application no longer holds its subject (the workflow families' states
 * tagged `inactive` when this was written; application-subject.spec.ts fails if they drift apart,
 * and a change then needs a migration of its own).
 */
export const SUBJECT_RELEASING_STATES = ['withdrawn', 'rejected', 'expired', 'not_endorsed'] as const;

/**
 * Issue 17, the subject of an application. "One active application per organisation and cycle"
 * holds for the awards given to an organisation; an engineering award is given to a project and a
 * 名牌 recognition to a product, so there it holds per subject. The row carries the subject's key
 * and name, computed from the form on each save (libs/rules subject-key.ts): NULL while no subject is
 * named, which counts as the organisation itself. One partial unique index states the rule over
 * every active application of a cycle; the service's check before it only words the refusal.
 * Rows written before this have no key and keep the organisation rule they were made under.
 */
export class ApplicationSubject1795562870000 implements MigrationInterface {
  name = 'ApplicationSubject1795562870000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE applications ADD COLUMN subject_key text, ADD COLUMN subject_name varchar(200)`);
    const released = SUBJECT_RELEASING_STATES.map((s) => `'${s}'`).join(', ');
    await q.query(
      `CREATE UNIQUE INDEX uq_applications_active_subject ON applications (cycle_id, (COALESCE(subject_key, 'organization:' || organization_id::text)))
        WHERE state NOT IN (${released})`,
    );
    // 鲁班奖's "entered before" look-up: the same project in the award's other cycles.
    await q.query(`CREATE INDEX ix_applications_subject_key ON applications (subject_key) WHERE subject_key IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_applications_subject_key`);
    await q.query(`DROP INDEX uq_applications_active_subject`);
    await q.query(`ALTER TABLE applications DROP COLUMN subject_name, DROP COLUMN subject_key`);
  }
}
