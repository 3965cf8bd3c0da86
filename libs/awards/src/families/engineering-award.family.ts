import { AwardFamilyDefinition } from './family.types';
import { applicationWindow, endorsement } from './fragments/intake';
import { firstReviewStage, PRELIMINARY_REVIEW, supplementLoop } from './fragments/first-review';
import { onsiteReview, panelAndPublicity } from './fragments/review-stages';
import { approval, awardTiers, notSelected, objections, revoked, withdrawal } from './fragments/decision';
import { S } from './workflow-names';

/**
 * 工程质量奖推荐 (鲁班奖, 李春奖, 大禹奖, 詹天佑土木工程奖): the project is endorsed by its
 * recommending body, then 初审 → [现场复查] → 评审委员会表决 and 社会公示 → 审定 (入选推荐).
 */
export const ENGINEERING_AWARD_FAMILY: AwardFamilyDefinition = {
  family: 'engineering',
  label: '工程质量奖推荐',
  version: 2,
  plan: {
    defaults: { defense: false, onsiteReview: true, publicityBeforePanel: false, expertReview: false },
    fixed: { defense: false, expertReview: false },
    options: [
      { flag: 'onsiteReview', key: ['o0', 'o1'], label: ['无现场评审', '含现场复查'] },
      { flag: 'publicityBeforePanel', key: ['pa', 'pb'], label: ['先审议后公示', '先公示后审议'] },
    ],
  },
  flow: [
    applicationWindow,
    endorsement('推荐单位推荐', '同意推荐', PRELIMINARY_REVIEW.state),
    supplementLoop(PRELIMINARY_REVIEW),
    notSelected('未获奖'),
    {
      chain: [firstReviewStage(PRELIMINARY_REVIEW), { when: 'onsiteReview', then: [onsiteReview('现场复查')] }, panelAndPublicity('评审委员会表决')],
      then: S.awaitingApproval,
    },
    objections,
    approval,
    revoked,
    awardTiers('已入选推荐'),
    withdrawal,
  ],
};
