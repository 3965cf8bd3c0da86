import type { components } from './schema';

/*
 * The API's answers, by the names the console uses: aliases over the types generated from the API's
 * OpenAPI document (schema.ts, `npm run api-types`). Nothing here is written by hand but the names.
 */
type Schemas = components['schemas'];

export type User = Schemas['UserDto'];
export type Role = User['role'];
export type AccessToken = Schemas['AccessTokenDto'];
export type Organization = Schemas['RegisteredOrganizationDto'];
export type ComplianceRecord = Schemas['RecordDto'];
export type AwardSummary = Schemas['AwardSummaryDto'];
export type AwardDetail = Schemas['AwardDetailDto'];
export type RubricItem = Schemas['RubricItemDto'];
export type Cycle = Schemas['CycleDto'];
export type ClosedCycle = Schemas['ClosedCycleDto'];
export type CycleWorkflow = Schemas['AwardWorkflowDto'];
export type AvailableAction = Schemas['AvailableActionDto'];
export type StageReviewers = Schemas['StageReviewersDto'];
export type Application = Schemas['ApplicationDto'];
export type ApplicationPage = Schemas['ApplicationPageDto'];
export type Attachment = Schemas['MaterialDto'];
export type History = Schemas['HistoryDto'];
export type HistoryEntry = Schemas['HistoryEntryDto'];
export type Deadline = Schemas['DeadlineDto'];
export type ExtendedDeadlines = Schemas['ExtendedDeadlinesDto'];
export type Inbox = Schemas['InboxDto'];
export type Notification = Schemas['NotificationDto'];
export type UnreadCount = Schemas['UnreadCountDto'];
export type Assignment = Schemas['MyAssignmentDto'];
export type ReviewerApplicationView = Schemas['ReviewerApplicationDto'];
export type RankingRow = Schemas['RankingRowDto'];
export type Objection = Schemas['ObjectionViewDto'];
export type ReviewFlag = Schemas['ReviewFlagDto'];
export type ReviewerProfile = Schemas['ReviewerProfileDto'];
export type FailedJob = Schemas['FailedJobDto'];
export type OnsiteFinding = Schemas['OnsiteFindingDto'];
export type ReviewTask = Schemas['ReviewTaskDto'];
export type TaskStage = ReviewTask['stage'];
export type PanelVote = Schemas['VoteCastDto']['vote'];
export type PanelBrief = Schemas['PanelBriefDto'];
export type ApplicationAssignment = Schemas['ApplicationAssignmentDto'];
export type Recommendation = Schemas['RecommendationDto'];
export type AssignmentOutcome = Schemas['AssignmentOutcomeDto'];
export type Reassigned = Schemas['ReassignedDto'];
export type Scored = Schemas['ScoredDto'];
export type ShortlistOutcome = Schemas['ShortlistOutcomeDto'];
export type VoteClosed = Schemas['VoteClosedDto'];
export type BlacklistEntry = Schemas['BlacklistEntryDto'];
export type Office = Schemas['OfficeDto'];
export type OfficePage = Schemas['OfficePageDto'];
export type OfficeMember = Schemas['OfficeMemberDto'];
