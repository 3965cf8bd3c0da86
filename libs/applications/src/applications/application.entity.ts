import { statesTagged } from '@awardflow/awards';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** The application's state lives in its workflow instance; this row holds what the enterprise wrote. */
@Entity('applications')
export class Application {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'cycle_id', type: 'uuid' }) cycleId: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId: string;
  @Column({ name: 'instance_id', type: 'uuid' }) instanceId: string;
  @Column({ type: 'jsonb' }) form: Record<string, unknown>;
  /**
   * The instance's current state, written by the engine in the statement of each transition (the
   * state mirror this context registers, application-state-mirror.ts) and set from the started
   * instance on insert; the list filters by it along its index. The instance stays the truth.
   */
  @Column({ type: 'text' }) state: string;
  /**
   * The organisation's name and credit code, for the list's search along this table's trigram index:
   * copied on insert and kept equal by a foreign key to organizations (id, name, uscc) ON UPDATE CASCADE.
   */
  @Column({ name: 'organization_name', type: 'varchar' }) organizationName: string;
  @Column({ name: 'organization_uscc', type: 'char', length: 18 }) organizationUscc: string;
  /**
   * What the application competes as where the award is given to a project or product (libs/rules
   * subject-key.ts), computed from the form on every save; null for the organisation itself (the
   * quality awards) or while the draft names no subject. One active application per cycle and key
   * (the organisation's where null): the partial unique index uq_applications_active_subject.
   */
  @Column({ name: 'subject_key', type: 'text', nullable: true }) subjectKey: string | null;
  /** The project's or product's name as written, for the lists, the 公示 and the 表彰名单. */
  @Column({ name: 'subject_name', type: 'varchar', length: 200, nullable: true }) subjectName: string | null;
  @Column({ name: 'receipt_number', type: 'varchar', nullable: true }) receiptNumber: string | null;
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true }) submittedAt: Date | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  /** A city application recommended from a district one (市长 ← 区长). */
  @Column({ name: 'recommended_from_id', type: 'uuid', nullable: true }) recommendedFromId: string | null;
  /** The recognised application of an earlier cycle this one renews (名牌 renewal), its form copied. */
  @Column({ name: 'renewal_of_id', type: 'uuid', nullable: true }) renewalOfId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

export const APPLICATION_SUBJECT = 'application';

/** States after which an organisation may apply again in the same cycle. */
export const INACTIVE_STATES = statesTagged('inactive');
