import { PageDto } from '@awardflow/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RubricDto } from '@awardflow/awards';
import { CategoryFeedbackViewDto } from '../scoring/scoring-responses.dto';

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

export const MyAssignmentPageDto = PageDto(MyAssignmentDto);

class TaskCycleDto {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty() awardName: string;
}

export class ReviewTaskDto {
  @ApiProperty() applicationId: string;
  @ApiProperty({ nullable: true, type: String }) receiptNumber: string | null;
  @ApiPropertyOptional({ description: 'omitted in a blind cycle' }) organizationName?: string;
  @ApiProperty({ type: TaskCycleDto }) cycle: TaskCycleDto;
  @ApiProperty() state: string;
  @ApiProperty({ enum: ['形式审查', '初审', '现场评审', '评审委员会表决'] }) stage: '形式审查' | '初审' | '现场评审' | '评审委员会表决';
  @ApiProperty({ nullable: true, enum: ['approve', 'reject', 'abstain'] }) myVote: 'approve' | 'reject' | 'abstain' | null;
}

export const ReviewTaskPageDto = PageDto(ReviewTaskDto);

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
  @ApiProperty({ type: [CategoryFeedbackViewDto], description: 'per category 优势 / 改进机会' }) categories: CategoryFeedbackViewDto[];
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
  @ApiProperty({ description: 'the stage still accepts scores; false: the sheet is read-only' }) scoringOpen: boolean;
  @ApiProperty({ type: [ReviewerMaterialDto] }) materials: ReviewerMaterialDto[];
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

export const ReviewFlagPageDto = PageDto(ReviewFlagDto);

export class AssignmentOutcomeDto {
  @ApiProperty({ type: [String], description: 'assignment ids created' }) assigned: string[];
  @ApiProperty({ nullable: true, type: String, description: 'why no one (more) could be assigned' }) flagged: string | null;
}

export class ReassignedDto {
  @ApiProperty({ nullable: true, type: String, description: 'the new assignment, or null when no one could take it (flagged)' }) assignmentId: string | null;
}
