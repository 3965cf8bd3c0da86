import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

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

class OwnVoteDto {
  @ApiProperty({ enum: ['approve', 'reject', 'abstain'] }) vote: 'approve' | 'reject' | 'abstain';
  @ApiProperty({ nullable: true, type: String }) comment: string | null;
  @ApiProperty() votedAt: Date;
}

class CategoryMeanDto {
  @ApiProperty({ example: '4.1' }) code: string;
  @ApiProperty() label: string;
  @ApiProperty() max: number;
  @ApiProperty({ nullable: true, type: Number, description: "the experts' mean of the category's items" }) mean: number | null;
}

class PanelScoreSummaryDto {
  @ApiProperty({ enum: ['trimmed_mean', 'mean', 'median', 'zscore'] }) rule: string;
  @ApiProperty({ description: '专家评审得分 (by the rule)' }) aggregated: number;
  @ApiProperty({ description: '结果类得分 (the tie-break)' }) resultsSubtotal: number;
  @ApiProperty() reviewerCount: number;
  @ApiProperty({ description: '现场评审调整' }) onsiteAdjustment: number;
  @ApiProperty({ nullable: true, type: Number, description: '答辩得分' }) defenseScore: number | null;
  @ApiProperty({ description: '综合得分 (the ranking sorts on it)' }) composite: number;
  @ApiProperty({ type: [Number], description: "each expert's total, unnamed, highest first" }) expertTotals: number[];
  @ApiProperty() rubricTotal: number;
  @ApiProperty({ type: [CategoryMeanDto] }) categories: CategoryMeanDto[];
}

export class PanelBriefDto {
  @ApiProperty() applicationId: string;
  @ApiProperty({ description: 'the caller sits on the panel' }) member: boolean;
  @ApiProperty({ description: 'the application is before the panel (votes accepted)' }) open: boolean;
  @ApiProperty({ type: OwnVoteDto, nullable: true }) myVote: OwnVoteDto | null;
  @ApiPropertyOptional({ type: PanelScoreSummaryDto, nullable: true }) summary: PanelScoreSummaryDto | null;
}
