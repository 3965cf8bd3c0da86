import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { AT_MOST, INT4_MAX } from '@awardflow/platform';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEmail, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';

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

export class ScoreItemDto {
  @ApiProperty({ example: '4.1.2' }) @IsString() criterion: string;
  @ApiProperty({ example: 42.5 }) @IsNumber() score: number;
}

export class SubmitScoresDto {
  @ApiProperty({ type: [ScoreItemDto] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => ScoreItemDto) items: ScoreItemDto[];
  @ApiProperty({ example: '领导作用突出，结果类指标有说服力。' }) @IsString() @MinLength(2) @MaxLength(5000) comment: string;
}

export class ConflictDto {
  @ApiProperty({ example: '本人曾任该企业顾问' }) @IsString() @MinLength(2) @MaxLength(1000) reason: string;
}

export class ReassignDto {
  @ApiPropertyOptional({ description: 'a named reviewer; omit to let the rules choose' }) @IsOptional() @IsUUID('all') reviewerId?: string;
}

export class ShortlistDto {
  @ApiPropertyOptional({ description: 'the top N by rank' }) @IsOptional() @IsInt() @Min(1) @Max(INT4_MAX, AT_MOST) top?: number;
  @ApiPropertyOptional({ description: 'or everyone at or above this score' }) @IsOptional() @IsNumber() @Min(0) minScore?: number;
}

export class PanelMembersDto {
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMinSize(1) @IsUUID('all', { each: true }) memberIds: string[];
}

export class VoteDto {
  @ApiProperty({ enum: ['approve', 'reject', 'abstain'] }) @IsIn(['approve', 'reject', 'abstain'], { message: '须为同意、反对或弃权之一' }) vote: 'approve' | 'reject' | 'abstain';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) comment?: string;
}

export class ObjectionDto {
  @ApiProperty({ example: '李四', description: 'real name: anonymous objections are refused' }) @IsString() @MinLength(2, { message: '请填写真实姓名' }) @MaxLength(50) objectorName: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) objectorOrganization?: string;
  @ApiProperty({ example: '13800000000' }) @Matches(/^[0-9+\-() ]{6,20}$/, { message: '电话号码格式不正确' }) contactPhone: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() contactEmail?: string;
  @ApiProperty({ description: 'the objection in writing, at least 20 characters' }) @IsString() @MinLength(20, { message: '请写明异议内容，至少 20 个字' }) @MaxLength(10000) content: string;
  @ApiProperty({ description: 'the evidence (documents, facts, references)' }) @IsString() @MinLength(5, { message: '请提供证据（至少 5 个字）' }) @MaxLength(10000) evidence: string;
}

export class ResolveObjectionDto {
  @ApiProperty({ enum: ['uphold', 'dismiss'] }) @IsIn(['uphold', 'dismiss'], { message: '须为异议成立（uphold）或不成立（dismiss）' }) decision: 'uphold' | 'dismiss';
  @ApiProperty() @IsString() @MinLength(2) @MaxLength(5000) resolution: string;
}

export class NameStageReviewersDto {
  @ApiProperty({ enum: ['formal_review', 'onsite_review'], description: 'formal_review: 形式审查 (初审 in engineering cycles); onsite_review: 现场评审 / 现场复查 of every application of the cycle' })
  @IsIn(['formal_review', 'onsite_review'], { message: 'stage 须为 formal_review（形式审查/初审）或 onsite_review（现场评审）' })
  stage: 'formal_review' | 'onsite_review';
  @ApiProperty({ type: [String], description: 'reviewers of the cycle\'s office; the list replaces the one named before (empty: none)' })
  @IsArray({ message: 'userIds 须为用户 ID 列表' })
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true, message: 'userIds 中的每一项须为用户 ID（UUID）' })
  userIds: string[];
}

export class NameOnsiteReviewersDto {
  @ApiProperty({ type: [String], description: "reviewers of the cycle's office who do this application's 现场评审; replaces the list named before" })
  @IsArray({ message: 'userIds 须为用户 ID 列表' })
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true, message: 'userIds 中的每一项须为用户 ID（UUID）' })
  userIds: string[];
}

export class NamedReviewerDto {
  @ApiProperty() userId: string;
  @ApiProperty() displayName: string;
}

export class StageReviewersDto {
  @ApiProperty() cycleId: string;
  @ApiProperty({ enum: ['formal_review', 'onsite_review'] }) stage: 'formal_review' | 'onsite_review';
  @ApiProperty({ nullable: true, type: String, description: 'set when named for one application (现场评审); null for the whole cycle' }) applicationId: string | null;
  @ApiProperty({ type: [NamedReviewerDto] }) reviewers: NamedReviewerDto[];
}
