import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsUUID } from 'class-validator';

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
