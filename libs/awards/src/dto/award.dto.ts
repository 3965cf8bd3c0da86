import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { WorkflowDefinition } from '@awardflow/workflow';
import { AwardDefinition } from '../catalog/award.types';
import { EligibilityRuleRef, ELIGIBILITY_RULES } from '../eligibility/eligibility-rules';
import { DEFAULT_STAGE_PLANS, StagePlan } from '../families/stage-plan';
import { Rubric } from '../rubric/rubric.types';

export class AwardSummaryDto {
  @ApiProperty({ example: 'district-quality-award' }) code: string;
  @ApiProperty({ example: '区长质量管理奖' }) name: string;
  @ApiProperty({ enum: ['quality', 'engineering', 'brand'] }) family: string;
  @ApiProperty({ enum: ['district', 'city', 'national'] }) level: string;
  @ApiProperty() issuer: string;
  @ApiProperty() description: string;
}

export class AwardDetailDto extends AwardSummaryDto {
  @ApiProperty() shortCode: string;
  @ApiProperty({ type: [String] }) recommendingBodies: string[];
  @ApiProperty({ description: '[{type, label, optional?}]' }) requiredDocuments: AwardDefinition['requiredDocuments'];
  @ApiProperty({ description: 'categories with items {criterion, label, max}' }) rubric: Rubric;
  @ApiProperty({ description: '[{rule, label, params}]' }) defaultEligibility: Array<EligibilityRuleRef & { label: string }>;
  @ApiProperty({ description: 'the default stage plan of the family' }) defaultStagePlan: StagePlan;
  @ApiPropertyOptional() secondTierLabel?: string;
  @ApiPropertyOptional() validityYears?: number;
  @ApiPropertyOptional({ type: [String], description: 'optional form sections this award requires at submission' }) requiredFormSections?: string[];
}

export class AwardWorkflowDto {
  @ApiProperty({ description: 'the workflow definition (states, transitions, timers)' }) definition: WorkflowDefinition;
  @ApiProperty({ description: 'Mermaid stateDiagram-v2 text' }) mermaid: string;
}

export function toAwardSummary(a: AwardDefinition): AwardSummaryDto {
  return { code: a.code, name: a.name, family: a.family, level: a.level, issuer: a.issuer, description: a.description };
}

export function toAwardDetail(a: AwardDefinition): AwardDetailDto {
  return {
    ...toAwardSummary(a),
    shortCode: a.shortCode,
    recommendingBodies: a.recommendingBodies,
    requiredDocuments: a.requiredDocuments,
    rubric: a.rubric,
    defaultEligibility: a.defaultEligibility.map((r) => ({ ...r, label: ELIGIBILITY_RULES[r.rule].label })),
    defaultStagePlan: DEFAULT_STAGE_PLANS[a.family],
    secondTierLabel: a.secondTierLabel,
    validityYears: a.validityYears,
    requiredFormSections: a.requiredFormSections,
  };
}
