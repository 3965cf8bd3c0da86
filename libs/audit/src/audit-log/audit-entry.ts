/**
 * What happened, as stored in `audit_events.action`. The values are persisted and read by offices:
 * never rename one (the older ones keep the spelling they were first written with).
 */
export enum AuditAction {
  UserCreated = 'user_created',
  UserChanged = 'user_changed',
  CycleCreated = 'cycle_created',
  CycleChanged = 'cycle_changed',
  CycleOpened = 'cycle_opened',
  CycleClosed = 'cycle_closed',
  DeadlineExtended = 'deadline_extended',
  ReviewerRegistered = 'reviewer_registered',
  PanelMembersSet = 'panel_members_set',
  StageReviewersNamed = 'stage_reviewers_named',
  ReviewerAssigned = 'reviewer_assigned',
  ReviewerReassigned = 'reviewer_reassigned',
  ScoreOverwritten = 'score_overwritten',
  CreditGradeSet = 'credit_grade_set',
  ComplianceRecordAdded = 'record_added',
  ComplianceRecordRemoved = 'record_removed',
  UsccCheckOverridden = 'uscc_check_overridden',
  AttachmentDeleted = 'attachment_deleted',
  ApplicationRecommended = 'application.recommended',
  FailedJobRetried = 'failed_job_retried',
  CalendarYearSet = 'calendar_year_set',
  OfficeCreated = 'office_created',
  AwardDecisionRecorded = 'award_decision_recorded',
  OutsideResultRecorded = 'outside_result_recorded',
  ExpertsReminded = 'experts_reminded',
  FeedbackReportReleased = 'feedback_report_released',
}

export enum AuditEntityType {
  User = 'user',
  Cycle = 'cycle',
  Deadline = 'deadline',
  Reviewer = 'reviewer',
  ReviewAssignment = 'review_assignment',
  Application = 'application',
  Organization = 'organization',
  FailedJob = 'failed_job',
  CalendarYear = 'calendar_year',
  Office = 'office',
}

/** Who acted: the signed-in user of the request, unless a call site names someone else. */
export interface AuditActor {
  id: string | null;
  role: string;
  /** The offices the actor works within: a record without offices of its own belongs to these. */
  officeIds: string[];
}

export interface AuditEntry {
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: string;
  /** The offices whose admins may read the record. Default: the actor's offices. */
  officeIds?: string[];
  /** The entity's fields before and after: only the fields that differ are kept (secrets never). */
  before?: object | null;
  after?: object | null;
  /** Facts that are not fields of the entity: a reason, the ids involved. */
  details?: Record<string, unknown>;
  /** Set only where no signed-in user acts (the worker, a seed). */
  actor?: AuditActor;
}
