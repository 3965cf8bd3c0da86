import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { EligibilityRuleRef, StagePlan } from '@awardflow/awards';

export type CycleStatus = 'draft' | 'open' | 'closed' | 'archived';
export type ScoreAggregation = 'trimmed_mean' | 'mean' | 'median' | 'zscore';

export interface Quota {
  awards: number;
  secondTier?: { label: string; count: number } | null;
  /** At most this many endorsements per recommending body (e.g. 3 per district); null: no limit. */
  perRecommender?: number | null;
  /**
   * Not a quota: whether a recommender's endorsement must carry its 推荐意见 (opinion and sealed
   * letter). Kept in this column's JSON so the setting needed no schema change (as dayUnits in
   * durationOverrides); the API shows it as recommendationLetterRequired.
   */
  letterRequired?: boolean;
}

export interface PanelRules {
  /** Members who must vote (abstaining counts as present) for the vote to count. */
  quorum: number;
  /** Approvals needed among members present, as a fraction: default two thirds. */
  majority: { numerator: number; denominator: number };
}

/** ISO 8601 durations replacing the day counts, for tests and demos (ALLOW_SHORT_DURATIONS). */
export interface DurationOverrides {
  publicity?: string;
  supplement?: string;
  reviewDue?: string;
  recognitionValidity?: string;
  /**
   * Not an override: whether publicityDays, supplementDays and reviewDueDays count calendar days
   * (the default) or working days by the holiday calendar. Kept in this column's JSON so the
   * setting needed no schema change; the API shows it as publicityDayUnit etc.
   */
  dayUnits?: DayUnits;
}

/** 自然日 or 工作日 (by the State Council's holiday and 调休 calendar). */
export type DayUnit = 'calendar' | 'working';
export type DayUnits = { publicity?: DayUnit; supplement?: DayUnit; reviewDue?: DayUnit };

@Entity('cycles')
export class Cycle {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'office_id', type: 'uuid' }) officeId: string;
  @Column({ name: 'award_code', type: 'varchar' }) awardCode: string;
  @Column({ type: 'int' }) year: number;
  @Column({ type: 'varchar' }) title: string;
  @Column({ type: 'varchar' }) status: CycleStatus;
  @Column({ name: 'application_opens_at', type: 'timestamptz' }) applicationOpensAt: Date;
  @Column({ name: 'application_closes_at', type: 'timestamptz' }) applicationClosesAt: Date;
  @Column({ name: 'stage_plan', type: 'jsonb' }) stagePlan: Required<StagePlan>;
  @Column({ type: 'jsonb' }) quota: Quota;
  @Column({ name: 'reviewers_per_application', type: 'int' }) reviewersPerApplication: number;
  @Column({ name: 'score_aggregation', type: 'varchar' }) scoreAggregation: ScoreAggregation;
  @Column({ name: 'publicity_days', type: 'int' }) publicityDays: number;
  @Column({ name: 'supplement_days', type: 'int' }) supplementDays: number;
  @Column({ name: 'review_due_days', type: 'int' }) reviewDueDays: number;
  @Column({ name: 'reminder_days_before', type: 'int', array: true }) reminderDaysBefore: number[];
  @Column({ type: 'jsonb' }) panel: PanelRules;
  @Column({ type: 'jsonb' }) eligibility: EligibilityRuleRef[];
  /** The date eligibility counts years to (截至…); NULL: the Beijing date of the application deadline. */
  @Column({ name: 'eligibility_reference_date', type: 'date', nullable: true }) eligibilityReferenceDate: string | null;
  @Column({ name: 'blind_review', type: 'boolean' }) blindReview: boolean;
  @Column({ name: 'reassign_overdue', type: 'boolean' }) reassignOverdue: boolean;
  @Column({ name: 'recognition_validity_years', type: 'int', nullable: true }) recognitionValidityYears: number | null;
  /** A 名牌 batch's validity (YYYY-MM-DD, Beijing dates), the same for every recognition of the cycle; NULL: from 审定 for recognitionValidityYears. */
  @Column({ name: 'recognition_valid_from', type: 'date', nullable: true }) recognitionValidFrom: string | null;
  @Column({ name: 'recognition_valid_until', type: 'date', nullable: true }) recognitionValidUntil: string | null;
  /** Days before the validity ends that the enterprise is told (NULL: 90). */
  @Column({ name: 'expiry_notice_days', type: 'int', nullable: true }) expiryNoticeDays: number | null;
  /** Points an expert may stand off the others' mean before the ranking flags it (离群); NULL: 15% of the rubric's maximum. */
  @Column({ name: 'outlier_threshold', type: 'numeric', nullable: true, transformer: { to: (v: number | null | undefined) => v, from: (v: string | null) => (v === null ? null : Number(v)) } })
  outlierThreshold: number | null;
  @Column({ name: 'duration_overrides', type: 'jsonb' }) durationOverrides: DurationOverrides;
  /** NULL: the award's default (see certificate-number.ts in awards). */
  @Column({ name: 'certificate_number_format', type: 'varchar', nullable: true }) certificateNumberFormat: string | null;
  @Column({ name: 'definition_code', type: 'varchar', nullable: true }) definitionCode: string | null;
  @Column({ name: 'definition_version', type: 'int', nullable: true }) definitionVersion: number | null;
  @Column({ name: 'opened_at', type: 'timestamptz', nullable: true }) openedAt: Date | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
