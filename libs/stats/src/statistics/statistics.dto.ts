import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AT_MOST } from '@awardflow/platform';
import { AWARD_CATALOG } from '@awardflow/awards';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

export const STATS_AWARD_CODES = AWARD_CATALOG.map((a) => a.code);

export class StatsQuery {
  @ApiPropertyOptional({ description: 'an office the caller manages: the figures of it and the offices below it (default: every office the caller manages)', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  officeId?: string;

  @ApiPropertyOptional({ description: "the cycles' year" })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100, AT_MOST)
  year?: number;

  @ApiPropertyOptional({ description: 'one award of the catalog', enum: STATS_AWARD_CODES })
  @IsOptional()
  @IsIn(STATS_AWARD_CODES)
  awardCode?: string;
}

export class StatsOfficeDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'GB/T 2260 division code' }) regionCode: string;
  @ApiProperty({ type: String, nullable: true }) parentId: string | null;
}

export class StatsTotalsDto {
  @ApiProperty({ description: 'submitted applications (drafts not counted)' }) applications: number;
  @ApiProperty({ description: 'drafts not yet submitted' }) drafts: number;
  @ApiProperty({ description: 'awarded (and the 提名奖 tier) of the awards the offices confer themselves' }) awards: number;
  @ApiProperty({ description: 'selected locally and recommended above (鲁班奖, 中国质量奖, 中华老字号): nominations, not awards' }) nominations: number;
  @ApiProperty({ description: 'conferred above the office, as the office recorded it (live, not from the snapshot)' }) outsideAwards: number;
  @ApiProperty({ description: 'brand recognitions held (recognised, or in renewal)' }) recognitions: number;
  @ApiProperty({ description: '公示 objections the office has not resolved (live, not from the snapshot)' }) openObjections: number;
  @ApiProperty({ description: 'expert assignments past their due date without scores (live)' }) overdueReviews: number;
}

export class StatsBreakdownRowDto {
  @ApiProperty({ description: 'the year, award code, office id, GB/T 2260 division code or GB/T 4754 section letter' }) key: string;
  @ApiProperty({ description: 'zh-CN label' }) label: string;
  @ApiProperty() applications: number;
  @ApiProperty() awards: number;
  @ApiProperty() recognitions: number;
}

export class StatsOfficeRowDto extends StatsBreakdownRowDto {
  @ApiProperty({ description: 'GB/T 2260 division code' }) regionCode: string;
  @ApiProperty() openObjections: number;
  @ApiProperty() overdueReviews: number;
}

export class StatsStateRowDto {
  @ApiProperty() state: string;
  @ApiProperty() label: string;
  @ApiProperty({ description: 'applications now in this state (drafts included)' }) count: number;
}

export class StatsStageRowDto {
  @ApiProperty({ description: 'the workflow state the stage is' }) stage: string;
  @ApiProperty() label: string;
  @ApiProperty({ description: 'stays in this stage that ended' }) completed: number;
  @ApiProperty({ description: 'of those, left for a later stage' }) passed: number;
  @ApiProperty({ description: 'of those, left rejected, not selected, not endorsed or expired' }) failed: number;
  @ApiProperty({ type: Number, nullable: true, description: 'passed / (passed + failed); null when none was decided' }) passRate: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'median days spent in the stage (calendar days, from the workflow history)' }) medianDays: number | null;
}

export class StatsFilterOptionDto {
  @ApiProperty() value: string;
  @ApiProperty() label: string;
}

export class StatsDto {
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'when the snapshot the counts, rates and durations come from was taken (rebuilt by the worker every 5 minutes); openObjections and overdueReviews are read live',
  })
  asOf: Date | null;
  @ApiProperty({ description: 'when the live figures were read' }) generatedAt: Date;
  @ApiProperty({ type: StatsOfficeDto, description: 'the office the figures are for (with the offices below it)' }) office: StatsOfficeDto;
  @ApiProperty({ type: Number, nullable: true }) year: number | null;
  @ApiProperty({ type: String, nullable: true }) awardCode: string | null;
  @ApiProperty({ type: StatsTotalsDto }) totals: StatsTotalsDto;
  @ApiProperty({ type: [StatsBreakdownRowDto] }) byYear: StatsBreakdownRowDto[];
  @ApiProperty({ type: [StatsBreakdownRowDto] }) byAward: StatsBreakdownRowDto[];
  @ApiProperty({ type: [StatsOfficeRowDto], description: 'every office in scope (the city and its 区县), zero rows included' }) byOffice: StatsOfficeRowDto[];
  @ApiProperty({ type: [StatsBreakdownRowDto], description: "by the division (GB/T 2260 code) the organisation is registered in: a city award's applicants by 区县" })
  byRegion: StatsBreakdownRowDto[];
  @ApiProperty({ type: [StatsBreakdownRowDto], description: 'by GB/T 4754 section (门类) of the organisation' }) byIndustry: StatsBreakdownRowDto[];
  @ApiProperty({ type: [StatsStateRowDto] }) byState: StatsStateRowDto[];
  @ApiProperty({ type: [StatsStageRowDto] }) stages: StatsStageRowDto[];
  @ApiProperty({ type: [StatsFilterOptionDto], description: 'the years of the cycles in scope, for a filter' }) years: StatsFilterOptionDto[];
  @ApiProperty({ type: [StatsFilterOptionDto], description: 'the awards of the cycles in scope, for a filter' }) awards: StatsFilterOptionDto[];
}

export class StatsSnapshotDto {
  @ApiProperty({ type: String, nullable: true }) asOf: Date | null;
  @ApiProperty({ type: Number, nullable: true }) tookMs: number | null;
  @ApiProperty({ type: Number, nullable: true }) applications: number | null;
  @ApiProperty({ description: 'false when another process was rebuilding it' }) refreshed: boolean;
}
