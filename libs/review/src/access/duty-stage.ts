import { statesTagged } from '@awardflow/awards';
import { StageDuty } from './reviewer-duties.repository';

const DUTY_TAGS = [
  ['firstReviewDuty', 'formal_review'],
  ['onsiteReviewDuty', 'onsite_review'],
  ['panelDuty', 'panel'],
] as const satisfies ReadonlyArray<readonly [Parameters<typeof statesTagged>[0], StageDuty['stage']]>;

/** Which duty lets an expert act on an application in this state, as the families tag it (初审 is named as 形式审查). */
export function dutyStageOf(state: string | undefined): StageDuty['stage'] | null {
  if (state === undefined) return null;
  for (const [tag, stage] of DUTY_TAGS) if (statesTagged(tag).includes(state)) return stage;
  return null;
}
