import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageDto } from '@awardflow/platform';

export class RankingExpertDto {
  @ApiProperty() reviewerId: string;
  @ApiProperty({ nullable: true, type: String }) reviewerName: string | null;
  @ApiProperty({ description: "the expert's total for the application" }) total: number;
  @ApiProperty({ description: 'left out of the aggregate (the trimmed mean drops one highest and one lowest of five or more)' }) dropped: boolean;
  @ApiProperty({ description: "this total minus the mean of the other experts' totals" }) deviation: number;
  @ApiProperty({ description: 'more than the cycle\'s 离群 threshold off the others\' mean' }) outlier: boolean;
}

export class RankingRowDto {
  @ApiProperty() rank: number;
  @ApiProperty() applicationId: string;
  @ApiProperty({ nullable: true, type: String }) receiptNumber: string | null;
  @ApiPropertyOptional() organizationName?: string;
  @ApiProperty({ description: '综合得分: the expert aggregate plus the 现场评审 adjustment and the 答辩得分 of a scored 答辩' }) score: number;
  @ApiProperty() aggregated: number;
  @ApiProperty() onsiteAdjustment: number;
  @ApiProperty({ nullable: true, type: Number, description: 'the 答辩得分 of a scored 企业答辩 (null when not scored)' }) defenseScore: number | null;
  @ApiProperty() resultsSubtotal: number;
  @ApiProperty() reviewerCount: number;
  @ApiProperty() state: string;
  @ApiProperty({ nullable: true, enum: ['award', 'second_tier'] }) insideQuota: 'award' | 'second_tier' | null;
  @ApiProperty({ description: 'the last row inside the quota: the quota line is drawn under it' }) quotaLine: boolean;
  @ApiProperty({ description: 'the rank by score alone; rows with the same score (并列) share it' }) scoreRank: number;
  @ApiProperty({ description: 'another application has the same score (并列)' }) tied: boolean;
  @ApiProperty({
    nullable: true,
    enum: ['results_subtotal', 'submitted_at', 'receipt_number'],
    description: 'when the row above has the same score: the tie-break that put this one below it (结果类得分, then 提交时间, then 受理编号)',
  })
  tieBreak: 'results_subtotal' | 'submitted_at' | 'receipt_number' | null;
  @ApiProperty({ type: [RankingExpertDto], description: "each scoring expert's total, by expert id" }) experts: RankingExpertDto[];
  @ApiProperty({ description: 'highest expert total minus lowest' }) spread: number;
  @ApiProperty({ description: 'some expert is more than outlierThreshold off the others' }) hasOutlier: boolean;
  @ApiProperty({ description: "the cycle's 离群 threshold in points (its own, or 15% of the rubric's maximum)" }) outlierThreshold: number;
}

/** A page of the ranking ({items, total, page, pageSize}); ranks count over the whole cycle. */
export const RankingPageDto = PageDto(RankingRowDto);

export class ShortlistOutcomeDto {
  @ApiProperty({ type: [String] }) shortlisted: string[];
  @ApiProperty({ type: [String] }) notShortlisted: string[];
}

export class ComprehensiveSelectionOutcomeDto {
  @ApiProperty({ type: [String], description: 'the applications 综合评选 sent on to the committee' }) selected: string[];
  @ApiProperty({ type: [String] }) notSelected: string[];
}
