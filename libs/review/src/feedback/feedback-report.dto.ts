import { ApiProperty } from '@nestjs/swagger';

export class FeedbackReleaseDto {
  @ApiProperty() cycleId: string;
  @ApiProperty({ nullable: true, type: Date, description: 'when the office released the report to the enterprises (null: not yet)' }) releasedAt: Date | null;
}

/** Whether the caller may read the application's 反馈报告 now: scored by experts and released (the office: scored). */
export class FeedbackStatusDto {
  @ApiProperty() cycleId: string;
  @ApiProperty({ description: 'at least one expert has scored the application' }) scored: boolean;
  @ApiProperty({ nullable: true, type: Date }) releasedAt: Date | null;
  @ApiProperty() available: boolean;
}

export class FeedbackCategoryDto {
  @ApiProperty({ example: '4.1' }) code: string;
  @ApiProperty({ example: '领导' }) label: string;
  @ApiProperty() max: number;
  @ApiProperty({ nullable: true, type: Number, description: "the experts' mean of the category as a per cent of its maximum (null: no score)" }) scorePercent: number | null;
  @ApiProperty({ type: [String], description: '优势, one text per expert who wrote one (unnamed)' }) strengths: string[];
  @ApiProperty({ type: [String], description: '改进机会, one text per expert who wrote one (unnamed)' }) opportunities: string[];
}

/** The experts' 反馈报告 for the enterprise: per category what they found strong and what to improve; no expert is named. */
export class FeedbackReportDto {
  @ApiProperty() applicationId: string;
  @ApiProperty() awardName: string;
  @ApiProperty() year: number;
  @ApiProperty() cycleTitle: string;
  @ApiProperty({ nullable: true, type: String }) receiptNumber: string | null;
  @ApiProperty({ description: 'the applicant as the enterprise knows itself' }) organizationName: string;
  @ApiProperty({ description: 'how many experts scored it (their texts are below, unnamed)' }) expertCount: number;
  @ApiProperty({ nullable: true, type: Number, description: "the experts' mean total as a per cent of the rubric's maximum" }) totalPercent: number | null;
  @ApiProperty({ nullable: true, type: Date }) releasedAt: Date | null;
  @ApiProperty({ type: [FeedbackCategoryDto] }) categories: FeedbackCategoryDto[];
}
