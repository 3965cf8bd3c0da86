/** Shapes of the API's answers the console reads (see /docs for the full OpenAPI document). */

export type Role = 'applicant' | 'recommender' | 'reviewer' | 'admin';

export interface User {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  role: Role;
  organizationId: string | null;
  officeIds: string[];
  isActive: boolean;
  createdAt: string;
}

export interface AccessToken {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}

export interface Organization {
  id: string;
  name: string;
  uscc: string;
  regionCode: string;
  address: string;
  legalRepresentative: string;
  contact: { name: string; phone: string; email?: string };
  foundedAt: string;
  industry: string;
  creditGrade: 'A' | 'B' | 'C' | 'D' | null;
  usccOverridden: boolean;
  createdAt: string;
  accessToken?: string;
}

export interface ComplianceRecord {
  id: string;
  organizationId: string;
  kind: string;
  reason: string;
  occurredAt: string | null;
  from: string | null;
  until: string | null;
  awardCode: string | null;
  createdAt: string;
}

export interface AwardSummary {
  code: string;
  name: string;
  family: 'quality' | 'engineering' | 'brand';
  level: string;
  issuer: string;
  description: string;
}

export interface RubricItem {
  criterion: string;
  label: string;
  max: number;
}
export interface Rubric {
  code: string;
  label: string;
  total: number;
  categories: Array<{ code: string; label: string; max: number; items: RubricItem[] }>;
}

export interface EligibilityRule {
  rule: string;
  params?: Record<string, unknown>;
  label?: string;
}

export interface StagePlan {
  defense?: boolean;
  onsiteReview?: boolean;
  publicityBeforePanel?: boolean;
  expertReview?: boolean;
}

export interface AwardDetail extends AwardSummary {
  shortCode: string;
  recommendingBodies: string[];
  requiredDocuments: Array<{ type: string; label: string; optional?: boolean }>;
  rubric: Rubric;
  defaultEligibility: EligibilityRule[];
  defaultStagePlan: Required<StagePlan>;
  secondTierLabel?: string;
  validityYears?: number;
  requiredFormSections?: string[];
}

export interface Cycle {
  id: string;
  officeId: string;
  awardCode: string;
  awardName: string;
  year: number;
  title: string;
  status: 'draft' | 'open' | 'closed' | 'archived';
  applicationOpensAt: string;
  applicationClosesAt: string;
  stagePlan: StagePlan;
  quota: { awards: number; secondTier?: { label: string; count: number } };
  reviewersPerApplication: number;
  scoreAggregation: string;
  publicityDays: number;
  supplementDays: number;
  reviewDueDays: number;
  reminderDaysBefore: number[];
  panel: { quorum: number; majority?: { numerator: number; denominator: number } };
  eligibility: EligibilityRule[];
  blindReview: boolean;
  reassignOverdue: boolean;
  recognitionValidityYears: number | null;
  durationOverrides: Record<string, string>;
  definitionCode: string | null;
  definitionVersion: number | null;
  openedAt: string | null;
  closedAt: string | null;
}

export interface AvailableAction {
  action: string;
  label: string;
  to: string;
  requiresComment: boolean;
  /** Where to take it: the generic action route, or the decision's own route (e.g. the votes). */
  route: string;
}

export const GENERIC_ACTION_ROUTE = 'POST /applications/:id/actions/:action';

export interface StageReviewers {
  cycleId: string;
  stage: 'formal_review' | 'onsite_review';
  applicationId: string | null;
  reviewers: Array<{ userId: string; displayName: string }>;
}

export interface Application {
  id: string;
  cycleId: string;
  cycle: { id: string; title: string; awardCode: string; awardName: string; year: number };
  organization?: { id: string; name: string; uscc: string };
  form: Record<string, unknown>;
  state: string;
  stateLabel: string;
  terminal: boolean;
  version: number;
  receiptNumber: string | null;
  recommendedFromId: string | null;
  submittedAt: string | null;
  availableActions: AvailableAction[];
  createdAt: string;
  updatedAt: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Attachment {
  id: string;
  documentType: string;
  documentLabel: string;
  /** 1-based place in upload order. */
  n: number;
  /** Shown and downloaded as: the uploaded name, or a neutral one for reviewers of a blind cycle. */
  name: string;
  /** Only for those who may see uploaded names (the enterprise, the office). */
  originalName?: string;
  mediaType: string;
  size: number;
  sha256: string;
  createdAt: string;
}

export interface HistoryEntry {
  seq: number;
  actorId: string | null;
  actorRole: string;
  action: string;
  actionLabel: string;
  fromState: string | null;
  fromStateLabel: string | null;
  toState: string;
  toStateLabel: string;
  comment: string | null;
  payload: Record<string, unknown>;
  createdAt: string;
  chainValid: boolean;
}

export interface History {
  entries: HistoryEntry[];
  chainValid: boolean;
  firstBrokenSeq: number | null;
}

export interface Deadline {
  id: string;
  instanceId: string | null;
  kind: string;
  action: string | null;
  status: string;
  dueAt: string;
  firedAt: string | null;
}

export interface Notification {
  id: string;
  template: string;
  title: string;
  body: string;
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

export interface Inbox {
  items: Notification[];
  total: number;
  unreadCount: number;
}

export interface Assignment {
  id: string;
  applicationId: string;
  stage: string;
  status: 'assigned' | 'scored';
  dueAt: string;
  overdue: boolean;
  cycleTitle: string;
  awardName: string;
  receiptNumber: string | null;
  organizationName?: string;
  total: number | null;
}

export interface ReviewerApplicationView {
  assignmentId: string;
  applicationId: string;
  receiptNumber: string | null;
  cycle: { id: string; title: string; awardName: string; blindReview: boolean };
  organization?: { name: string; industry: string };
  industry: string;
  state: string;
  stateLabel: string;
  dueAt: string;
  form: Record<string, unknown>;
  rubric: Rubric;
  myScore: { items: Array<{ criterion: string; score: number }>; total: number; comment: string; updatedAt: string } | null;
  materials: Array<{ n: number; documentType: string; documentLabel: string; name: string; mediaType: string; size: number; url: string }>;
}

export interface RankingRow {
  rank: number;
  applicationId: string;
  receiptNumber: string | null;
  organizationName: string;
  score: number;
  aggregated: number;
  onsiteAdjustment: number;
  resultsSubtotal: number;
  reviewerCount: number;
  state: string;
  insideQuota: 'award' | 'second_tier' | null;
}

export interface Objection {
  id: string;
  applicationId: string;
  objectorName?: string;
  objectorOrganization?: string | null;
  contactPhone?: string;
  contactEmail?: string | null;
  content?: string;
  evidence?: string;
  status: 'open' | 'upheld' | 'dismissed';
  resolution: string | null;
  createdAt: string;
  resolvedAt: string | null;
}

export interface ReviewFlag {
  id: string;
  applicationId: string;
  reason: string;
  createdAt: string;
  receiptNumber: string | null;
  organizationName: string;
  cycle: { id: string; title: string };
}

export interface ReviewerProfile {
  userId: string;
  displayName: string;
  expertise: string[];
  ties: string[];
  maxLoad: number;
  active: boolean;
  openAssignments: number;
}

export interface FailedJob {
  id: string;
  queue: string;
  jobId: string;
  name: string;
  data: unknown;
  failedReason: string;
  attemptsMade: number;
  timestamp: number;
  finishedOn: number | null;
}

export interface OnsiteFinding {
  id: string;
  outcome: 'pass' | 'fail';
  findings: string | null;
  scoreAdjustment: number | null;
  recordedBy: string;
  createdAt: string;
}

export type TaskStage = '形式审查' | '初审' | '现场评审' | '评审委员会表决';
export type PanelVote = 'approve' | 'reject' | 'abstain';

/** GET /reviews/tasks: what an expert may act on outside scoring. */
export interface ReviewTask {
  applicationId: string;
  receiptNumber: string | null;
  organizationName: string;
  cycle: { id: string; title: string; awardName: string };
  state: string;
  stage: TaskStage;
  myVote: PanelVote | null;
}

/** GET /reviews/applications/:id/assignments (office). */
export interface ApplicationAssignment {
  id: string;
  reviewerId: string;
  reviewerName: string;
  stage: string;
  status: 'assigned' | 'scored' | 'conflict' | 'replaced';
  dueAt: string;
  overdue: boolean;
  scoredAt: string | null;
  total: number | null;
  assignedAt: string;
}

export interface Recommendation {
  id: string;
  cycleId: string;
  organizationId: string;
  recommendedFromId: string;
}
