import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { usualCalendarText } from '@awardflow/rules';
import type { WorkflowDefinition } from '@awardflow/workflow';
import { AwardDefinition } from './award.types';
import { EligibilityRuleRef, ruleLabel } from '../eligibility/eligibility-rules';
import { DEFAULT_STAGE_PLANS } from '../families/award-families';
import { StagePlan } from '../families/stage-plan';
import { Rubric } from '../rubric/rubric.types';

export class AwardSummaryDto {
  @ApiProperty({ example: 'district-quality-award' }) code: string;
  @ApiProperty({ example: '区长质量管理奖' }) name: string;
  @ApiProperty({ enum: ['quality', 'engineering', 'brand'] }) family: string;
  @ApiProperty({ enum: ['district', 'city', 'national'] }) level: string;
  @ApiProperty() issuer: string;
  @ApiProperty() description: string;
}

export class RequiredDocumentDto {
  @ApiProperty({ example: 'self_assessment' }) type: string;
  @ApiProperty({ example: '自评报告' }) label: string;
  @ApiPropertyOptional({ description: 'may be uploaded but does not block submission' }) optional?: boolean;
}

export class RubricItemDto {
  @ApiProperty({ example: '4.1.2' }) criterion: string;
  @ApiProperty() label: string;
  @ApiProperty() max: number;
  @ApiPropertyOptional({ enum: ['process', 'results'], description: 'the GB/Z 19579 scoring guide of the item (rubric.guidance)' }) guidance?: 'process' | 'results';
}

export class GuidanceDimensionDto {
  @ApiProperty({ example: 'A' }) code: string;
  @ApiProperty({ example: '方法' }) label: string;
  @ApiProperty() description: string;
}

export class ScoringBandDto {
  @ApiProperty({ example: 10, description: 'per cent of the item maximum' }) from: number;
  @ApiProperty({ example: 25 }) to: number;
  @ApiProperty({ example: '10%–25%' }) label: string;
  @ApiProperty({ type: [String], description: "one per dimension, in the guide's order" }) descriptions: string[];
}

export class ScoringGuideDto {
  @ApiProperty({ enum: ['process', 'results'] }) kind: 'process' | 'results';
  @ApiProperty() label: string;
  @ApiProperty({ type: [GuidanceDimensionDto] }) dimensions: GuidanceDimensionDto[];
  @ApiProperty({ type: [ScoringBandDto] }) bands: ScoringBandDto[];
}

export class RubricGuidanceDto {
  @ApiProperty({ example: 'GB/Z 19579-2012《卓越绩效评价准则实施指南》评分指南' }) source: string;
  @ApiProperty({ type: ScoringGuideDto }) process: ScoringGuideDto;
  @ApiProperty({ type: ScoringGuideDto }) results: ScoringGuideDto;
}

export class RubricCategoryDto {
  @ApiProperty() code: string;
  @ApiProperty() label: string;
  @ApiProperty() max: number;
  @ApiProperty({ type: [RubricItemDto] }) items: RubricItemDto[];
}

export class RubricDto {
  @ApiProperty() code: string;
  @ApiProperty() label: string;
  @ApiProperty() total: number;
  @ApiProperty({ type: [RubricCategoryDto] }) categories: RubricCategoryDto[];
  @ApiPropertyOptional({ type: RubricGuidanceDto, description: 'GB/Z 19579 scoring bands (GB/T 19580 only)' }) guidance?: RubricGuidanceDto;
}

export class LabelledEligibilityRuleDto {
  @ApiProperty({ example: 'min_operating_years' }) rule: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, example: { years: 3 } }) params?: Record<string, unknown>;
  @ApiProperty({ example: '连续正常生产经营5年以上' }) label: string;
}

export class DefaultStagePlanDto {
  @ApiProperty() districtRecommendation: boolean;
  @ApiProperty() expertReview: boolean;
  @ApiProperty() defense: boolean;
  @ApiProperty() scoredDefense: boolean;
  @ApiProperty() onsiteReview: boolean;
  @ApiProperty() comprehensiveSelection: boolean;
  @ApiProperty({ enum: ['before_panel', 'after_panel', 'after_approval'] }) publicity: string;
  @ApiProperty({ description: 'publicity === before_panel (the older form)' }) publicityBeforePanel: boolean;
}

export class OutsideChainDto {
  @ApiProperty({ example: '中国建筑业协会' }) recommendedTo: string;
  @ApiProperty({ example: '初审、现场复查、评审委员会投票' }) stagesAbove: string;
  @ApiProperty({ example: '鲁班奖' }) awardName: string;
  @ApiProperty() yearly: boolean;
  @ApiProperty({ enum: ['荣获', '被认定为'] }) conferredAs: string;
}

export class UsualCalendarDto {
  @ApiProperty({ example: '04-01', description: 'Beijing month-day (MM-DD) 申报 usually opens' }) opens: string;
  @ApiProperty({ example: '05-31', description: 'Beijing month-day (MM-DD) 申报 usually closes (end of that day); before opens: in the next year' }) closes: string;
  @ApiProperty({ example: '每年4月1日至5月31日' }) text: string;
}

export class AwardDetailDto extends AwardSummaryDto {
  @ApiProperty() shortCode: string;
  @ApiProperty({ example: '{year}{award}-{office}-{tier}{seq:000}', description: 'how certificates are numbered unless a cycle says otherwise: {year} {office} (division code) {award} (short code) {tier} (J/T) {seq} or {seq:000}' })
  certificateNumberFormat: string;
  @ApiProperty({ type: [String] }) recommendingBodies: string[];
  @ApiProperty({ type: [RequiredDocumentDto] }) requiredDocuments: AwardDefinition['requiredDocuments'];
  @ApiProperty({ type: RubricDto }) rubric: Rubric;
  @ApiProperty({ type: [LabelledEligibilityRuleDto] }) defaultEligibility: Array<EligibilityRuleRef & { label: string }>;
  @ApiProperty({ type: DefaultStagePlanDto, description: 'the default stage plan of the family' }) defaultStagePlan: Required<StagePlan>;
  @ApiPropertyOptional() secondTierLabel?: string;
  @ApiPropertyOptional() validityYears?: number;
  @ApiPropertyOptional({ description: '老字号: no validity; its office re-checks (复核) every N years' }) recheckEveryYears?: number;
  @ApiPropertyOptional({ type: [String], description: 'optional form sections this award requires at submission' }) requiredFormSections?: string[];
  @ApiPropertyOptional({ type: OutsideChainDto, description: 'decided above the office: the local cycle selects whom to recommend' }) outsideChain?: OutsideChainDto;
  @ApiPropertyOptional({ description: 'individuals may be nominated (the form\'s 被推荐个人)' }) individualNominees?: boolean;
  @ApiPropertyOptional({ type: UsualCalendarDto, description: "when 申报 usually opens and closes in a year: a new cycle's default window and 年度" }) usualCalendar?: UsualCalendarDto;
}

/** The definition's identity; its states and transitions are described at /awards/:code/workflow's schema as open objects. */
export class WorkflowDefinitionDto {
  @ApiProperty({ example: 'quality-award:cq-city' }) code: string;
  @ApiProperty() version: number;
  @ApiProperty({ example: '市长质量管理奖评审流程' }) label: string;
  @ApiProperty({ type: [String] }) roles: string[];
  @ApiProperty() initial: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'state name → {label, terminal?, onEnter?, timers?}' }) states: WorkflowDefinition['states'];
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true }, description: '{action, label, from, to, roles, guards?, effects?}' }) transitions: WorkflowDefinition['transitions'];
}

export class AwardWorkflowDto {
  @ApiProperty({ type: WorkflowDefinitionDto, description: 'the workflow definition (states, transitions, timers)' }) definition: WorkflowDefinition;
  @ApiProperty({ description: 'Mermaid stateDiagram-v2 text' }) mermaid: string;
}

export function toAwardSummary(a: AwardDefinition): AwardSummaryDto {
  return { code: a.code, name: a.name, family: a.family, level: a.level, issuer: a.issuer, description: a.description };
}

export function toAwardDetail(a: AwardDefinition): AwardDetailDto {
  return {
    ...toAwardSummary(a),
    shortCode: a.shortCode,
    certificateNumberFormat: a.certificateNumberFormat,
    recommendingBodies: a.recommendingBodies,
    requiredDocuments: a.requiredDocuments,
    rubric: a.rubric,
    defaultEligibility: a.defaultEligibility.map((r) => ({ ...r, label: ruleLabel(r) })),
    defaultStagePlan: DEFAULT_STAGE_PLANS[a.family],
    secondTierLabel: a.secondTierLabel,
    validityYears: a.validityYears,
    recheckEveryYears: a.recheckEveryYears,
    requiredFormSections: a.requiredFormSections,
    outsideChain: a.outsideChain,
    individualNominees: a.individualNominees,
    usualCalendar: a.usualCalendar && { ...a.usualCalendar, text: usualCalendarText(a.usualCalendar) },
  };
}
