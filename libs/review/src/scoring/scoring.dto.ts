import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsNumber, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';

export class ScoreItemDto {
  @ApiProperty({ example: '4.1.2' }) @IsString() @MaxLength(16) criterion: string;
  @ApiProperty({ example: 42.5 }) @IsNumber() score: number;
}

/** Per rubric category 优势 and 改进机会 (GB/Z 19579-2012), the basis of the feedback report. */
export class CategoryFeedbackDto {
  @ApiProperty({ example: '4.1' }) @IsString() @MaxLength(16) category: string;
  @ApiPropertyOptional({ example: '高层领导亲自推进卓越绩效模式' }) @IsOptional() @IsString() @MaxLength(5000) strengths?: string;
  @ApiPropertyOptional({ example: '组织治理的评价机制尚未形成闭环' }) @IsOptional() @IsString() @MaxLength(5000) opportunities?: string;
}

export class SubmitScoresDto {
  @ApiProperty({ type: [ScoreItemDto] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => ScoreItemDto) items: ScoreItemDto[];
  @ApiProperty({ example: '领导作用突出，结果类指标有说服力。' }) @IsString() @MinLength(2) @MaxLength(5000) comment: string;
  @ApiPropertyOptional({ type: [CategoryFeedbackDto], description: 'per category 优势 / 改进机会' })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => CategoryFeedbackDto)
  categories?: CategoryFeedbackDto[];
}

export class DraftItemDto {
  @ApiProperty({ example: '4.1.2' }) @IsString() @MaxLength(16) criterion: string;
  @ApiPropertyOptional({ example: 30, description: 'omitted while only a band is picked' }) @IsOptional() @IsNumber() score?: number;
  @ApiPropertyOptional({ example: 3, description: 'the GB/Z 19579 band picked (0 = 0%–5% … 5 = 90%–100%)' }) @IsOptional() @IsInt() @Min(0) @Max(5) band?: number;
}

/** A half-filled score sheet: whatever the expert has typed so far. */
export class SaveDraftDto {
  @ApiProperty({ type: [DraftItemDto] }) @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => DraftItemDto) items: DraftItemDto[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) comment?: string;
  @ApiPropertyOptional({ type: [CategoryFeedbackDto] })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => CategoryFeedbackDto)
  categories?: CategoryFeedbackDto[];
}
