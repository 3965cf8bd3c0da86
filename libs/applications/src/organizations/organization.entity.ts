import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { CreditGrade, OrganizationRecordKind } from '@awardflow/awards';

export interface OrganizationContact {
  name: string;
  phone: string;
  email?: string;
}

@Entity('organizations')
export class Organization {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar' }) name: string;
  @Column({ type: 'char', length: 18 }) uscc: string;
  @Column({ name: 'uscc_override_reason', type: 'text', nullable: true }) usccOverrideReason: string | null;
  @Column({ name: 'region_code', type: 'varchar' }) regionCode: string;
  @Column({ type: 'varchar' }) address: string;
  @Column({ name: 'legal_representative', type: 'varchar' }) legalRepresentative: string;
  @Column({ type: 'jsonb' }) contact: OrganizationContact;
  @Column({ name: 'founded_at', type: 'date' }) foundedAt: string;
  @Column({ type: 'varchar' }) industry: string;
  @Column({ name: 'credit_grade', type: 'char', length: 1, nullable: true }) creditGrade: CreditGrade | null;
  @Column({ name: 'credit_grade_updated_at', type: 'timestamptz', nullable: true }) creditGradeUpdatedAt: Date | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@Entity('organization_records')
export class OrganizationRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId: string;
  @Column({ type: 'varchar' }) kind: OrganizationRecordKind;
  @Column({ type: 'text' }) reason: string;
  @Column({ name: 'occurred_at', type: 'date', nullable: true }) occurredAt: string | null;
  @Column({ name: 'from_date', type: 'date', nullable: true }) fromDate: string | null;
  @Column({ name: 'until_date', type: 'date', nullable: true }) untilDate: string | null;
  @Column({ name: 'award_code', type: 'varchar', nullable: true }) awardCode: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
