import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RubricDto } from '@awardflow/awards';

/*
 * What the review routes answer, declared for the OpenAPI document (the console's types are
 * generated from it).
 */

export class ReviewerProfileDto {
  @ApiProperty() userId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ type: [String], description: 'GB/T 4754 sections or codes' }) expertise: string[];
  @ApiProperty({ type: [String], description: 'credit codes of organisations the expert is tied to' }) ties: string[];
  @ApiProperty() maxLoad: number;
  @ApiProperty() active: boolean;
  @ApiProperty() openAssignments: number;
}

export class MyAssignmentDto {
  @ApiProperty() id: string;
  @ApiProperty() applicationId: string;
  @ApiProperty() stage: string;
  @ApiProperty({ enum: ['assigned', 'scored'] }) status: 'assigned' | 'scored';
  @ApiProperty() dueAt: Date;
  @ApiProperty() overdue: boolean;
  @ApiProperty() cycleTitle: string;
  @ApiProperty() awardName: string;
  @ApiProperty({ nullable: true, type: String }) receiptNumber: string | null;
  @ApiPropertyOptional({ description: 'omitted in a blind cycle' }) organizationName?: string;
  @ApiProperty({ nullable: true, type: Number }) total: number | null;
}

class TaskCycleDto {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty() awardName: string;
}

export class ReviewTaskDto {
  @ApiProperty() applicationId: string;
  @ApiProperty({ nullable: true, type: String }) receiptNumber: string | null;
  @ApiProperty() organizationName: string;
  @ApiProperty({ type: TaskCycleDto }) cycle: TaskCycleDto;
  @ApiProperty() state: string;
  @ApiProperty({ enum: ['形式审查', '初审', '现场评审', '评审委员会表决'] }) stage: '形式审查' | '初审' | '现场评审' | '评审委员会表决';
  @ApiProperty({ nullable: true, enum: ['approve', 'reject', 'abstain'] }) myVote: 'approve' | 'reject' | 'abstain' | null;
}

export class ApplicationAssignmentDto {
  @ApiProperty() id: string;
  @ApiProperty() reviewerId: string;
  @ApiProperty() reviewerName: string;
  @ApiProperty() stage: string;
  @ApiProperty({ enum: ['assigned', 'scored', 'conflict', 'replaced'] }) status: 'assigned' | 'scored' | 'conflict' | 'replaced';
  @ApiProperty() dueAt: Date;
  @ApiProperty() overdue: boolean;
  @ApiProperty({ nullable: true, type: Date }) scoredAt: Date | null;
  @ApiProperty({ nullable: true, type: Number }) total: number | null;
  @ApiProperty() assignedAt: Date;
}

class ReviewerCycleDto extends TaskCycleDto {
  @ApiProperty() blindReview: boolean;
}

class ReviewerOrganizationDto {
  @ApiProperty() name: string;
  @ApiProperty() industry: string;
}

class ItemScoreDto {
  @ApiProperty() criterion: string;
  @ApiProperty() score: number;
}

class MyScoreDto {
  @ApiProperty({ type: [ItemScoreDto] }) items: ItemScoreDto[];
  @ApiProperty() total: number;
  @ApiProperty() comment: string;
  @ApiProperty() updatedAt: Date;
}

class ReviewerMaterialDto {
  @ApiProperty() n: number;
  @ApiProperty() documentType: string;
  @ApiProperty() documentLabel: string;
  @ApiProperty() name: string;
  @ApiProperty() mediaType: string;
  @ApiProperty() size: number;
  @ApiProperty({ description: 'the download route of this assignment' }) url: string;
}

export class ReviewerApplicationDto {
  @ApiProperty() assignmentId: string;
  @ApiProperty() applicationId: string;
  @ApiProperty({ nullable: true, type: String }) receiptNumber: string | null;
  @ApiProperty({ type: ReviewerCycleDto }) cycle: ReviewerCycleDto;
  @ApiPropertyOptional({ type: ReviewerOrganizationDto, description: 'omitted in a blind cycle' }) organization?: ReviewerOrganizationDto;
  @ApiProperty() industry: string;
  @ApiProperty() state: string;
  @ApiProperty() stateLabel: string;
  @ApiProperty() dueAt: Date;
  @ApiProperty({ type: 'object', additionalProperties: true }) form: Record<string, unknown>;
  @ApiProperty({ type: RubricDto }) rubric: RubricDto;
  @ApiProperty({ type: MyScoreDto, nullable: true }) myScore: MyScoreDto | null;
  @ApiProperty({ type: [ReviewerMaterialDto] }) materials: ReviewerMaterialDto[];
}

export class ScoredDto {
  @ApiProperty() assignmentId: string;
  @ApiProperty() total: number;
  @ApiProperty({ description: 'every expert of the stage has scored' }) stageComplete: boolean;
}

export class ConflictDeclaredDto {
  @ApiProperty({ enum: [true] }) replaced: true;
}

class FlagCycleDto {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
}

export class ReviewFlagDto {
  @ApiProperty() id: string;
  @ApiProperty() applicationId: string;
  @ApiProperty() reason: string;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ nullable: true, type: String }) receiptNumber: string | null;
  @ApiProperty() organizationName: string;
  @ApiProperty({ type: FlagCycleDto }) cycle: FlagCycleDto;
}

export class AssignmentOutcomeDto {
  @ApiProperty({ type: [String], description: 'assignment ids created' }) assigned: string[];
  @ApiProperty({ nullable: true, type: String, description: 'why no one (more) could be assigned' }) flagged: string | null;
}

export class ReassignedDto {
  @ApiProperty({ nullable: true, type: String, description: 'the new assignment, or null when no one could take it (flagged)' }) assignmentId: string | null;
}

export class OnsiteFindingDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['pass', 'fail'] }) outcome: 'pass' | 'fail';
  @ApiProperty({ nullable: true, type: String }) findings: string | null;
  @ApiProperty({ nullable: true, type: Number }) scoreAdjustment: number | null;
  @ApiProperty() recordedBy: string;
  @ApiProperty() createdAt: Date;
}

export class RankingRowDto {
  @ApiProperty() rank: number;
  @ApiProperty() applicationId: string;
  @ApiProperty({ nullable: true, type: String }) receiptNumber: string | null;
  @ApiPropertyOptional() organizationName?: string;
  @ApiProperty({ description: 'the expert aggregate plus the 现场评审 adjustment' }) score: number;
  @ApiProperty() aggregated: number;
  @ApiProperty() onsiteAdjustment: number;
  @ApiProperty() resultsSubtotal: number;
  @ApiProperty() reviewerCount: number;
  @ApiProperty() state: string;
  @ApiProperty({ nullable: true, enum: ['award', 'second_tier'] }) insideQuota: 'award' | 'second_tier' | null;
}

export class ShortlistOutcomeDto {
  @ApiProperty({ type: [String] }) shortlisted: string[];
  @ApiProperty({ type: [String] }) notShortlisted: string[];
}

export class PanelDto {
  @ApiProperty() cycleId: string;
  @ApiProperty({ type: [String] }) memberIds: string[];
}

export class VoteCastDto {
  @ApiProperty() applicationId: string;
  @ApiProperty({ enum: ['approve', 'reject', 'abstain'] }) vote: 'approve' | 'reject' | 'abstain';
}

class PanelOutcomeDto {
  @ApiProperty() present: number;
  @ApiProperty() approve: number;
  @ApiProperty() reject: number;
  @ApiProperty() abstain: number;
  @ApiProperty() quorate: boolean;
  @ApiProperty() passed: boolean;
}

export class VoteClosedDto {
  @ApiProperty({ type: PanelOutcomeDto }) outcome: PanelOutcomeDto;
  @ApiProperty({ description: 'the application state after the vote' }) state: string;
}

export class ObjectionFiledDto {
  @ApiProperty() id: string;
  @ApiProperty() applicationId: string;
  @ApiProperty() status: string;
}

export class ObjectionViewDto {
  @ApiProperty() id: string;
  @ApiProperty() applicationId: string;
  @ApiPropertyOptional({ description: 'the office and the objector only' }) objectorName?: string;
  @ApiPropertyOptional({ nullable: true, type: String }) objectorOrganization?: string | null;
  @ApiPropertyOptional() contactPhone?: string;
  @ApiPropertyOptional({ nullable: true, type: String }) contactEmail?: string | null;
  @ApiPropertyOptional() content?: string;
  @ApiPropertyOptional() evidence?: string;
  @ApiProperty({ enum: ['open', 'upheld', 'dismissed'] }) status: 'open' | 'upheld' | 'dismissed';
  @ApiProperty({ nullable: true, type: String }) resolution: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ nullable: true, type: Date }) resolvedAt: Date | null;
}

export class ObjectionResolvedDto {
  @ApiProperty() id: string;
  @ApiProperty() status: string;
  @ApiProperty() applicationState: string;
}
