import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { PageQuery, SortParam } from '@awardflow/platform';

export class RegisterReviewerDto {
  @ApiProperty() @IsUUID('all') userId: string;
  @ApiProperty({ type: [String], example: ['C', 'C38'], description: 'GB/T 4754 sections or code prefixes' })
  @IsArray()
  @Matches(/^[A-T]\d{0,4}$/, { each: true, message: '须为 GB/T 4754 行业门类或代码（如 C、C38）' })
  expertise: string[];
  @ApiProperty({ type: [String], description: 'credit codes of organisations the expert works for or with' })
  @IsArray()
  @Matches(/^[0-9A-Z]{18}$/, { each: true, message: '须为 18 位统一社会信用代码' })
  ties: string[];
  @ApiPropertyOptional({ default: 15 }) @IsOptional() @IsInt() @Min(1) @Max(200) maxLoad?: number;
}

/** The columns `GET /reviews/reviewers` sorts on: 姓名, 在评 (open assignments), 上限 (max load). */
export const REVIEWER_SORT_KEYS = ['displayName', 'openAssignments', 'maxLoad'] as const;
export type ReviewerSortKey = (typeof REVIEWER_SORT_KEYS)[number];

/** `GET /reviews/reviewers`: a page of the office's 专家库, searched by name, filtered by field, sorted. */
export class ReviewerPoolQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'part of the expert\'s name' }) @IsOptional() @IsString() @MaxLength(100) search?: string;
  @ApiPropertyOptional({ example: 'C38', description: 'a GB/T 4754 section or code: experts whose field covers it (C covers C38; C38 is covered by C)' })
  @IsOptional()
  @Matches(/^[A-T]\d{0,4}$/, { message: '须为 GB/T 4754 行业门类或代码（如 C、C38）' })
  expertise?: string;
  @SortParam(REVIEWER_SORT_KEYS, ['姓名', '在评数', '任务上限'], 'the order of the office\'s members')
  sort?: string;
}
