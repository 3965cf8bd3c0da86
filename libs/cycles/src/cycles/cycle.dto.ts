import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PUBLICITY_POSITIONS, PublicityPosition } from '@awardflow/awards';
import { AT_MOST, INT4_MAX, PageQuery } from '@awardflow/platform';
import { DAY_UNITS, DayUnit } from './cycle-durations';

/** Periods in days become deadlines: a year is more than any office gives, and keeps dates computable. */
const MAX_DAYS = 365;

const INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;
const INSTANT_MESSAGE = 'must be a date (YYYY-MM-DD, Beijing time) or an ISO 8601 time with offset';
const INSTANT_MESSAGE_ZH = '须为日期（YYYY-MM-DD，北京时间）或带时区的 ISO 8601 时间';
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE_ZH = '须为日期（YYYY-MM-DD，北京时间）';
const ISO_DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;
const DURATION_MESSAGE_ZH = '须为 ISO 8601 时长（如 P7D、PT30S）';
const DAY_UNIT_MESSAGE_ZH = '须为 calendar（自然日）或 working（工作日）';
const dayUnitDoc = (days: string) => ({
  enum: DAY_UNITS as DayUnit[],
  default: 'calendar',
  description: `how ${days} counts: calendar days, or working days by the State Council's holiday and 调休 calendar (a period reaching into a year without one is refused)`,
});

export class StagePlanDto {
  @ApiPropertyOptional({ description: '区县推荐 before 形式审查 (quality awards; brand recognitions always have it)' }) @IsOptional() @IsBoolean() districtRecommendation?: boolean;
  @ApiPropertyOptional({ description: '企业答辩 (quality awards)' }) @IsOptional() @IsBoolean() defense?: boolean;
  @ApiPropertyOptional({ description: '企业答辩 scored: passing or failing it records the 答辩得分 the ranking adds in (needs defense)' }) @IsOptional() @IsBoolean() scoredDefense?: boolean;
  @ApiPropertyOptional({ description: '现场评审 / 现场复查 / 现场检查 (brand recognitions)' }) @IsOptional() @IsBoolean() onsiteReview?: boolean;
  @ApiPropertyOptional({ description: '综合评选 after 现场评审 (quality awards): the office selects from the ranking who goes to the committee' }) @IsOptional() @IsBoolean() comprehensiveSelection?: boolean;
  @ApiPropertyOptional({ enum: PUBLICITY_POSITIONS, description: '社会公示 before the committee (before_panel), after it (after_panel), or after the government approval that follows it (after_approval, quality awards)' })
  @IsOptional()
  @IsIn(PUBLICITY_POSITIONS, { message: `须为 ${PUBLICITY_POSITIONS.join('、')} 之一` })
  publicity?: PublicityPosition;
  @ApiPropertyOptional({ description: 'older form of publicity: true is before_panel, false after_panel (publicity wins when both are given)' }) @IsOptional() @IsBoolean() publicityBeforePanel?: boolean;
  @ApiPropertyOptional({ description: '专家评审 (brand recognitions; engineering nominations, scored on their rubric)' }) @IsOptional() @IsBoolean() expertReview?: boolean;
}

export class SecondTierDto {
  @ApiProperty({ example: '提名奖' }) @IsString() @MinLength(1) @MaxLength(20) label: string;
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(INT4_MAX, AT_MOST) count: number;
}

export class QuotaDto {
  @ApiProperty({ minimum: 1, example: 5 }) @IsInt() @Min(1) @Max(INT4_MAX, AT_MOST) awards: number;
  @ApiPropertyOptional({ type: SecondTierDto }) @IsOptional() @ValidateNested() @Type(() => SecondTierDto) secondTier?: SecondTierDto;
  @ApiPropertyOptional({ minimum: 1, example: 3, description: 'at most this many endorsements per recommending body (a district, an association) in the cycle; absent: no limit' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(INT4_MAX, AT_MOST)
  perRecommender?: number;
}

export class MajorityDto {
  @ApiProperty({ example: 2 }) @IsInt() @Min(1) @Max(INT4_MAX, AT_MOST) numerator: number;
  @ApiProperty({ example: 3 }) @IsInt() @Min(1) @Max(INT4_MAX, AT_MOST) denominator: number;
}

export class PanelRulesDto {
  @ApiProperty({ minimum: 1, description: 'members who must vote (abstentions count as present)' }) @IsInt() @Min(1) @Max(INT4_MAX, AT_MOST) quorum: number;
  @ApiPropertyOptional({ type: MajorityDto, description: 'approvals needed among members present; default 2/3' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MajorityDto)
  majority?: MajorityDto;
}

export class EligibilityRuleDto {
  @ApiProperty({ example: 'min_operating_years' }) @IsString() rule: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, example: { years: 5 } }) @IsOptional() @IsObject() params?: Record<string, unknown>;
}

export class DurationOverridesDto {
  @ApiPropertyOptional({ example: 'PT30S' }) @IsOptional() @Matches(ISO_DURATION, { message: DURATION_MESSAGE_ZH }) publicity?: string;
  @ApiPropertyOptional({ example: 'PT30S' }) @IsOptional() @Matches(ISO_DURATION, { message: DURATION_MESSAGE_ZH }) supplement?: string;
  @ApiPropertyOptional({ example: 'PT1M' }) @IsOptional() @Matches(ISO_DURATION, { message: DURATION_MESSAGE_ZH }) reviewDue?: string;
  @ApiPropertyOptional({ example: 'PT1M' }) @IsOptional() @Matches(ISO_DURATION, { message: DURATION_MESSAGE_ZH }) recognitionValidity?: string;
}

export class CreateCycleDto {
  @ApiProperty({ example: 'district-quality-award' }) @IsString() awardCode: string;
  @ApiPropertyOptional({ description: 'issuing office; default: your first office' }) @IsOptional() @IsUUID('all') officeId?: string;
  @ApiProperty({ example: 2026 }) @IsInt() @Min(2000) @Max(2100) year: number;
  @ApiProperty({ example: '2026年度渝中区区长质量管理奖' }) @IsString() @MinLength(2) @MaxLength(200) title: string;
  @ApiProperty({ example: '2026-03-01', description: INSTANT_MESSAGE }) @Matches(INSTANT, { message: INSTANT_MESSAGE_ZH }) applicationOpensAt: string;
  @ApiProperty({ example: '2026-05-31', description: `${INSTANT_MESSAGE}; a date means the end of that day` })
  @Matches(INSTANT, { message: INSTANT_MESSAGE_ZH })
  applicationClosesAt: string;
  @ApiPropertyOptional({ type: StagePlanDto }) @IsOptional() @ValidateNested() @Type(() => StagePlanDto) stagePlan?: StagePlanDto;
  @ApiProperty({ type: QuotaDto }) @IsObject() @ValidateNested() @Type(() => QuotaDto) quota: QuotaDto;
  @ApiProperty({ minimum: 1, example: 5 }) @IsInt() @Min(1) @Max(INT4_MAX, AT_MOST) reviewersPerApplication: number;
  @ApiPropertyOptional({ enum: ['trimmed_mean', 'mean', 'median', 'zscore'], default: 'trimmed_mean' })
  @IsOptional()
  @IsIn(['trimmed_mean', 'mean', 'median', 'zscore'])
  scoreAggregation?: 'trimmed_mean' | 'mean' | 'median' | 'zscore';
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_DAYS, default: 7 }) @IsOptional() @IsInt() @Min(1) @Max(MAX_DAYS, AT_MOST) publicityDays?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_DAYS, default: 15 }) @IsOptional() @IsInt() @Min(1) @Max(MAX_DAYS, AT_MOST) supplementDays?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_DAYS, default: 14 }) @IsOptional() @IsInt() @Min(1) @Max(MAX_DAYS, AT_MOST) reviewDueDays?: number;
  @ApiPropertyOptional(dayUnitDoc('publicityDays')) @IsOptional() @IsIn(DAY_UNITS, { message: DAY_UNIT_MESSAGE_ZH }) publicityDayUnit?: DayUnit;
  @ApiPropertyOptional(dayUnitDoc('supplementDays')) @IsOptional() @IsIn(DAY_UNITS, { message: DAY_UNIT_MESSAGE_ZH }) supplementDayUnit?: DayUnit;
  @ApiPropertyOptional(dayUnitDoc('reviewDueDays')) @IsOptional() @IsIn(DAY_UNITS, { message: DAY_UNIT_MESSAGE_ZH }) reviewDueDayUnit?: DayUnit;
  @ApiPropertyOptional({ type: [Number], default: [3, 1] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(MAX_DAYS, { each: true, ...AT_MOST })
  reminderDaysBefore?: number[];
  @ApiPropertyOptional({ type: PanelRulesDto }) @IsOptional() @ValidateNested() @Type(() => PanelRulesDto) panel?: PanelRulesDto;
  @ApiPropertyOptional({ type: [EligibilityRuleDto], description: "default: the award's rules" })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => EligibilityRuleDto)
  eligibility?: EligibilityRuleDto[];
  @ApiPropertyOptional({
    example: '2026-05-31',
    description: 'the date years of operation and accident windows are counted to (截至…); empty or absent: the application deadline',
  })
  @IsOptional()
  @Matches(/^(\d{4}-\d{2}-\d{2})?$/, { message: '须为日期（YYYY-MM-DD），留空则以申报截止日为准' })
  eligibilityReferenceDate?: string;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() blindReview?: boolean;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() reassignOverdue?: boolean;
  @ApiPropertyOptional({ default: false, description: "a recommender's endorsement must carry its 推荐意见: an opinion and a sealed letter (PDF)" })
  @IsOptional()
  @IsBoolean()
  recommendationLetterRequired?: boolean;
  @ApiPropertyOptional({ description: 'brand recognitions; default: the award\'s' }) @IsOptional() @IsInt() @Min(1) @Max(100, AT_MOST) recognitionValidityYears?: number;
  @ApiPropertyOptional({ example: '2024-10-01', description: "名牌: first day of the batch's validity (Beijing date); with recognitionValidUntil" })
  @IsOptional()
  @Matches(DATE_ONLY, { message: DATE_MESSAGE_ZH })
  recognitionValidFrom?: string;
  @ApiPropertyOptional({ example: '2027-09-30', description: "名牌: last day of the batch's validity; every recognition of the cycle expires at 24:00 Beijing of it" })
  @IsOptional()
  @Matches(DATE_ONLY, { message: DATE_MESSAGE_ZH })
  recognitionValidUntil?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_DAYS, default: 90, description: 'days before the validity ends that the expiry notice goes out' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_DAYS, AT_MOST)
  expiryNoticeDays?: number;
  @ApiPropertyOptional({ nullable: true, type: Number, description: "points an expert's total may stand off the other experts' mean before the ranking flags it; null: 15% of the rubric's maximum" })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 1 }, { message: '须为数字（最多一位小数）' })
  @Min(0.1, { message: '须大于 0' })
  @Max(10000, AT_MOST)
  outlierThreshold?: number | null;
  @ApiPropertyOptional({
    example: '{year}{award}-{office}-{tier}{seq:000}',
    description: "certificate numbers: {year}, {office} (the office's division code), {award} (the award's short code), {tier} (J/T), {seq} or {seq:000} (zero-padded ordinal within cycle and tier); must contain {seq}. Default: the award's",
  })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  certificateNumberFormat?: string;
  @ApiPropertyOptional({ type: DurationOverridesDto, description: 'only where ALLOW_SHORT_DURATIONS is on (never in production)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => DurationOverridesDto)
  durationOverrides?: DurationOverridesDto;
}

export class UpdateCycleDto extends PartialType(
  PickType(CreateCycleDto, [
    'title',
    'applicationOpensAt',
    'applicationClosesAt',
    'stagePlan',
    'quota',
    'reviewersPerApplication',
    'scoreAggregation',
    'publicityDays',
    'supplementDays',
    'reviewDueDays',
    'publicityDayUnit',
    'supplementDayUnit',
    'reviewDueDayUnit',
    'reminderDaysBefore',
    'panel',
    'eligibility',
    'eligibilityReferenceDate',
    'blindReview',
    'reassignOverdue',
    'recommendationLetterRequired',
    'recognitionValidityYears',
    'recognitionValidFrom',
    'recognitionValidUntil',
    'expiryNoticeDays',
    'outlierThreshold',
    'durationOverrides',
    'certificateNumberFormat',
  ] as const),
) {}

export class ListCyclesQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() awardCode?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100, AT_MOST) year?: number;
  @ApiPropertyOptional({ enum: ['draft', 'open', 'closed', 'archived'] }) @IsOptional() @IsIn(['draft', 'open', 'closed', 'archived']) status?: string;
}

export class CycleDto {
  @ApiProperty() id: string;
  @ApiProperty() officeId: string;
  @ApiProperty() awardCode: string;
  @ApiProperty() awardName: string;
  @ApiProperty() year: number;
  @ApiProperty() title: string;
  @ApiProperty({ enum: ['draft', 'open', 'closed', 'archived'] }) status: string;
  @ApiProperty() applicationOpensAt: Date;
  @ApiProperty() applicationClosesAt: Date;
  @ApiProperty({ type: StagePlanDto }) stagePlan: StagePlanDto;
  @ApiProperty({ type: QuotaDto }) quota: QuotaDto;
  @ApiProperty() reviewersPerApplication: number;
  @ApiProperty() scoreAggregation: string;
  @ApiProperty() publicityDays: number;
  @ApiProperty() supplementDays: number;
  @ApiProperty() reviewDueDays: number;
  @ApiProperty({ enum: DAY_UNITS as DayUnit[] }) publicityDayUnit: DayUnit;
  @ApiProperty({ enum: DAY_UNITS as DayUnit[] }) supplementDayUnit: DayUnit;
  @ApiProperty({ enum: DAY_UNITS as DayUnit[] }) reviewDueDayUnit: DayUnit;
  @ApiProperty({ type: [Number] }) reminderDaysBefore: number[];
  @ApiProperty({ type: PanelRulesDto }) panel: PanelRulesDto;
  @ApiProperty({ type: [EligibilityRuleDto] }) eligibility: EligibilityRuleDto[];
  @ApiProperty({ example: '2026-05-31', description: 'the date eligibility counts years to: its own or the application deadline (Beijing date)' })
  eligibilityReferenceDate: string;
  @ApiProperty({ description: 'whether eligibilityReferenceDate is the cycle\'s own (false: the deadline)' }) eligibilityReferenceDateSet: boolean;
  @ApiProperty() blindReview: boolean;
  @ApiProperty() reassignOverdue: boolean;
  @ApiProperty() recommendationLetterRequired: boolean;
  @ApiProperty({ nullable: true, type: Number }) recognitionValidityYears: number | null;
  @ApiProperty({ nullable: true, type: String, example: '2024-10-01' }) recognitionValidFrom: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2027-09-30' }) recognitionValidUntil: string | null;
  @ApiProperty({ nullable: true, type: Number, description: '名牌: days before the validity ends that the notice goes out' }) expiryNoticeDays: number | null;
  @ApiProperty({ nullable: true, type: Number, description: "离群 threshold in points; null: 15% of the rubric's maximum" }) outlierThreshold: number | null;
  @ApiProperty({ type: DurationOverridesDto }) durationOverrides: DurationOverridesDto;
  @ApiProperty({ description: "how this cycle's certificates are numbered (its own or the award's default)" }) certificateNumberFormat: string;
  @ApiProperty({ nullable: true, type: String }) definitionCode: string | null;
  @ApiProperty({ nullable: true, type: Number }) definitionVersion: number | null;
  @ApiProperty({ nullable: true, type: Date }) openedAt: Date | null;
  @ApiProperty({ nullable: true, type: Date }) closedAt: Date | null;
}

export class TimelineItemDto {
  @ApiProperty({ enum: ['applicationOpens', 'applicationCloses', 'supplementDue', 'reviewDue', 'defense', 'onsiteReview', 'comprehensiveSelection', 'panel', 'governmentApproval', 'publicityStarts', 'publicityEnds', 'approval'] }) key: string;
  @ApiProperty({ example: '公示结束' }) label: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'null where the office sets the date or the holiday calendar lacks a year' }) plannedAt: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2025-10-13', description: 'Beijing date (a 24:00 end gives the day that ends)' }) date: string | null;
  @ApiProperty({ example: '公示开始次日起算 5 个工作日，至最后一日 24:00（北京时间）' }) basis: string;
}

export class CycleTimelineDto {
  @ApiProperty({ type: [TimelineItemDto] }) items: TimelineItemDto[];
  @ApiProperty({ type: [String] }) warnings: string[];
}

/** GET /cycles/settings: which parts of the cycle form this deployment allows. */
export class CycleSettingsDto {
  @ApiProperty({ description: 'ISO 8601 durationOverrides are accepted (ALLOW_SHORT_DURATIONS on, never in production): the form shows its test-only section' })
  shortDurations: boolean;
}
