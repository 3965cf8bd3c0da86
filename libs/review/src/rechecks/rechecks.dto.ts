import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';

export const RECHECK_OUTCOMES = ['passed', 'rectification', 'revoked'] as const;
export const RECHECK_OUTCOME_LABELS = { passed: '通过', rectification: '限期整改', revoked: '撤销认定' } as const;

export class StartRecheckDto {
  @ApiProperty({ example: 'cq-time-honored-brand', description: 'a 老字号 award (one the office re-checks)' }) @IsString() @MaxLength(64) awardCode: string;
  @ApiPropertyOptional({ example: '2026年重庆老字号复核' }) @IsOptional() @IsString() @MinLength(4, { message: '至少 4 个字' }) @MaxLength(200) title?: string;
  @ApiPropertyOptional({ description: "default: the admin's first office" }) @IsOptional() @IsUUID('all', { message: '办公室编号格式不正确' }) officeId?: string;
}

export class RecheckOutcomeDto {
  @ApiProperty({ enum: RECHECK_OUTCOMES, description: '通过 / 限期整改 / 撤销认定' })
  @IsIn(RECHECK_OUTCOMES, { message: '须为 passed（通过）、rectification（限期整改）或 revoked（撤销认定）之一' })
  outcome: (typeof RECHECK_OUTCOMES)[number];
  @ApiPropertyOptional({ example: '门店经营不规范，须完成整改', description: 'required for 限期整改 and 撤销认定' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
  @ApiPropertyOptional({ example: '2026-12-31', description: '限期整改: the last day of the period (Beijing); default: six months from today' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '须为日期（YYYY-MM-DD）' })
  rectificationDueOn?: string;
}

export class RecheckItemDto {
  @ApiProperty() id: string;
  @ApiProperty() applicationId: string;
  @ApiProperty() organizationName: string;
  @ApiProperty({ description: "the recognition's state now (已认定, 限期整改, 整改期满待复核, 已撤销)" }) state: string;
  @ApiProperty() stateLabel: string;
  @ApiProperty({ enum: RECHECK_OUTCOMES, nullable: true, type: String }) outcome: string | null;
  @ApiProperty({ nullable: true, type: String, example: '限期整改' }) outcomeLabel: string | null;
  @ApiProperty({ nullable: true, type: String }) comment: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2026-12-31' }) rectificationDueOn: string | null;
  @ApiProperty({ nullable: true, type: Date }) rectificationOrderedAt: Date | null;
  @ApiProperty({ nullable: true, type: Date }) decidedAt: Date | null;
}

export class RecheckRoundDto {
  @ApiProperty() id: string;
  @ApiProperty() officeId: string;
  @ApiProperty() awardCode: string;
  @ApiProperty() awardName: string;
  @ApiProperty() title: string;
  @ApiProperty({ example: '2026-03-01' }) startedOn: string;
  @ApiProperty({ type: [RecheckItemDto] }) items: RecheckItemDto[];
}

export class RecheckRoundListDto {
  @ApiProperty({ type: [RecheckRoundDto] }) items: RecheckRoundDto[];
}

/** An application's latest 复核, for its enterprise and its office. */
export class ApplicationRecheckViewDto {
  @ApiProperty() roundTitle: string;
  @ApiProperty() startedOn: string;
  @ApiProperty({ enum: RECHECK_OUTCOMES, nullable: true, type: String }) outcome: string | null;
  @ApiProperty({ nullable: true, type: String }) outcomeLabel: string | null;
  @ApiProperty({ nullable: true, type: String }) comment: string | null;
  @ApiProperty({ nullable: true, type: String }) rectificationDueOn: string | null;
  @ApiProperty({ nullable: true, type: Date }) decidedAt: Date | null;
}

export class ApplicationRecheckDto {
  @ApiPropertyOptional({ type: ApplicationRecheckViewDto, nullable: true, description: 'null: never re-checked' }) recheck: ApplicationRecheckViewDto | null;
}
