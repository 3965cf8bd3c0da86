import { MigrationInterface, QueryRunner } from 'typeorm';

/** Reviewer pool, assignments, scores, panel votes, objections, certificates. */
export class Review1795560400000 implements MigrationInterface {
  name = 'Review1795560400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reviewers (
        user_id uuid PRIMARY KEY CONSTRAINT fk_reviewers_user REFERENCES users (id),
        expertise text[] NOT NULL DEFAULT '{}',
        ties text[] NOT NULL DEFAULT '{}',
        max_load integer NOT NULL DEFAULT 15 CONSTRAINT ck_reviewers_max_load CHECK (max_load >= 1),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE review_assignments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL CONSTRAINT fk_review_assignments_application REFERENCES applications (id),
        cycle_id uuid NOT NULL CONSTRAINT fk_review_assignments_cycle REFERENCES cycles (id),
        reviewer_id uuid NOT NULL CONSTRAINT fk_review_assignments_reviewer REFERENCES users (id),
        stage varchar(16) NOT NULL CONSTRAINT ck_review_assignments_stage CHECK (stage IN ('expert', 'onsite')),
        status varchar(16) NOT NULL DEFAULT 'assigned' CONSTRAINT ck_review_assignments_status CHECK (status IN ('assigned', 'scored', 'conflict', 'replaced')),
        due_at timestamptz NOT NULL,
        assigned_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        scored_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_review_assignments_active ON review_assignments (application_id, reviewer_id, stage) WHERE status IN ('assigned', 'scored')`);
    await q.query(`CREATE INDEX ix_review_assignments_reviewer ON review_assignments (reviewer_id, status)`);
    await q.query(`
      CREATE TABLE review_conflicts (
        reviewer_id uuid NOT NULL CONSTRAINT fk_review_conflicts_reviewer REFERENCES users (id),
        organization_id uuid NOT NULL CONSTRAINT fk_review_conflicts_organization REFERENCES organizations (id),
        reason text NOT NULL,
        declared_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_review_conflicts PRIMARY KEY (reviewer_id, organization_id)
      )`);
    await q.query(`
      CREATE TABLE review_scores (
        assignment_id uuid PRIMARY KEY CONSTRAINT fk_review_scores_assignment REFERENCES review_assignments (id),
        items jsonb NOT NULL,
        total numeric(6, 1) NOT NULL,
        comment text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE application_scores (
        application_id uuid PRIMARY KEY CONSTRAINT fk_application_scores_application REFERENCES applications (id),
        cycle_id uuid NOT NULL CONSTRAINT fk_application_scores_cycle REFERENCES cycles (id),
        rule varchar(16) NOT NULL,
        aggregated numeric(7, 2) NOT NULL,
        results_subtotal numeric(7, 2) NOT NULL DEFAULT 0,
        reviewer_count integer NOT NULL,
        computed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE review_flags (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL CONSTRAINT fk_review_flags_application REFERENCES applications (id),
        reason text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE panel_members (
        cycle_id uuid NOT NULL CONSTRAINT fk_panel_members_cycle REFERENCES cycles (id),
        user_id uuid NOT NULL CONSTRAINT fk_panel_members_user REFERENCES users (id),
        CONSTRAINT pk_panel_members PRIMARY KEY (cycle_id, user_id)
      )`);
    await q.query(`
      CREATE TABLE panel_votes (
        application_id uuid NOT NULL CONSTRAINT fk_panel_votes_application REFERENCES applications (id),
        member_id uuid NOT NULL CONSTRAINT fk_panel_votes_member REFERENCES users (id),
        vote varchar(8) NOT NULL CONSTRAINT ck_panel_votes_vote CHECK (vote IN ('approve', 'reject', 'abstain')),
        comment text,
        voted_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_panel_votes PRIMARY KEY (application_id, member_id)
      )`);
    await q.query(`
      CREATE TABLE objections (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL CONSTRAINT fk_objections_application REFERENCES applications (id),
        filed_by uuid NOT NULL CONSTRAINT fk_objections_filed_by REFERENCES users (id),
        objector_name varchar(50) NOT NULL,
        objector_organization varchar(200),
        contact_phone varchar(30) NOT NULL,
        contact_email varchar(254),
        content text NOT NULL,
        evidence text NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'open' CONSTRAINT ck_objections_status CHECK (status IN ('open', 'upheld', 'dismissed')),
        resolution text,
        resolved_by uuid CONSTRAINT fk_objections_resolved_by REFERENCES users (id),
        resolved_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_objections_open ON objections (application_id) WHERE status = 'open'`);
    await q.query(`
      CREATE TABLE certificates (
        application_id uuid PRIMARY KEY CONSTRAINT fk_certificates_application REFERENCES applications (id),
        cycle_id uuid NOT NULL CONSTRAINT fk_certificates_cycle REFERENCES cycles (id),
        number varchar(40) NOT NULL,
        tier varchar(8) NOT NULL CONSTRAINT ck_certificates_tier CHECK (tier IN ('award', 'second')),
        issued_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_certificates_number UNIQUE (cycle_id, number)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['certificates', 'objections', 'panel_votes', 'panel_members', 'review_flags', 'application_scores', 'review_scores', 'review_conflicts', 'review_assignments', 'reviewers']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
