import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@awardflow/platform';
import { AWARD_CATALOG, getAward } from './award-catalog';
import { AwardDetailDto, AwardSummaryDto, AwardWorkflowDto, toAwardDetail, toAwardSummary } from './catalog.dto';
import { compileStagePlan, DEFAULT_STAGE_PLANS } from '../families/award-families';
import { awardWorkflowDiagram } from '../families/workflow-diagram';

/** The catalog is public: enterprises read the rules before they have an account. */
@ApiTags('awards')
@Public()
@Controller('awards')
export class AwardsController {
  @Get()
  @ApiOperation({ summary: 'The award catalog' })
  @ApiOkResponse({ type: [AwardSummaryDto] })
  list(): AwardSummaryDto[] {
    return AWARD_CATALOG.map(toAwardSummary);
  }

  @Get(':code')
  @ApiOperation({ summary: 'One award: documents, rubric, default eligibility rules, stage options' })
  @ApiOkResponse({ type: AwardDetailDto })
  get(@Param('code') code: string): AwardDetailDto {
    return toAwardDetail(getAward(code));
  }

  @Get(':code/workflow')
  @ApiOperation({ summary: "The award's workflow under its default stage plan, with its Mermaid diagram" })
  @ApiOkResponse({ type: AwardWorkflowDto })
  workflow(@Param('code') code: string): AwardWorkflowDto {
    const award = getAward(code);
    const definition = compileStagePlan(award, DEFAULT_STAGE_PLANS[award.family]);
    return { definition, mermaid: awardWorkflowDiagram(definition) };
  }
}
