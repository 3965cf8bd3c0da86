import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 推荐意见: what a recommender says when it endorses an application (its opinion and the sealed
 * letter, a PDF it uploads first), and who endorsed it: the recommending body (`recommender_key`:
 * its division, or the account) against which a cycle's per-recommender quota is counted.
 */
export class Endorsements1795562881000 implements MigrationInterface {
  name = 'Endorsements1795562881000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE endorsement_letters (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL CONSTRAINT fk_endorsement_letters_application REFERENCES applications (id),
        uploaded_by uuid NOT NULL CONSTRAINT fk_endorsement_letters_user REFERENCES users (id),
        sha256 char(64) NOT NULL,
        file_name varchar(255) NOT NULL,
        content_type varchar(100) NOT NULL,
        size_bytes integer NOT NULL CONSTRAINT ck_endorsement_letters_size CHECK (size_bytes > 0),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_endorsement_letters_application ON endorsement_letters (application_id)`);
    await q.query(`
      CREATE TABLE endorsements (
        application_id uuid PRIMARY KEY CONSTRAINT fk_endorsements_application REFERENCES applications (id),
        cycle_id uuid NOT NULL,
        endorsed_by uuid NOT NULL CONSTRAINT fk_endorsements_user REFERENCES users (id),
        endorsed_by_role varchar(16) NOT NULL,
        recommender_key varchar(80) NOT NULL,
        opinion text,
        letter_id uuid CONSTRAINT fk_endorsements_letter REFERENCES endorsement_letters (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The quota counts a body's endorsements in a cycle along this index.
    await q.query(`CREATE INDEX ix_endorsements_cycle_recommender ON endorsements (cycle_id, recommender_key)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE endorsements`);
    await q.query(`DROP TABLE endorsement_letters`);
  }
}
