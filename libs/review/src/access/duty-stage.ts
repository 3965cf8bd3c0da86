import { S } from '@awardflow/awards';
import { StageDuty } from './reviewer-duties.repository';

/** Which duty lets an expert act on an application in this state (初审 is named as 形式审查). */
export function dutyStageOf(state: string | undefined): StageDuty['stage'] | null {
  switch (state) {
    case S.formalReview:
    case S.preliminaryReview:
      return 'formal_review';
    case S.onsiteReview:
      return 'onsite_review';
    case S.panel:
      return 'panel';
    default:
      return null;
  }
}
