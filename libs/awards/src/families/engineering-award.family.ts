import { AwardFamilyDefinition, onOff } from './family.types';
import { applicationWindow, endorsement } from './fragments/intake';
import { firstReviewStage, PRELIMINARY_REVIEW, supplementLoop } from './fragments/first-review';
import { expertReview, onsiteReview, panelAndPublicity } from './fragments/review-stages';
import { approval, awardTiers, notSelected, objections, revoked, withdrawal } from './fragments/decision';
import { S } from './workflow-names';

/**
 * 工程质量奖推荐 (鲁班奖, 李春奖, 大禹奖, 詹天佑土木工程奖): the project is endorsed by its
 * recommending body, then 初审 → [专家评审, on the engineering rubric] → [现场复查] → 评审委员会表决
 * and 社会公示 → 审定 (入选推荐).
 */
export const ENGINEERING_AWARD_FAMILY: AwardFamilyDefinition = {
  family: 'engineering',
  label: '工程质量奖推荐',
  version: 3,
  plan: {
    defaults: {
      districtRecommendation: false,
      expertReview: false,
      defense: false,
      scoredDefense: false,
      onsiteReview: true,
      comprehensiveSelection: false,
      publicity: 'after_panel',
    },
    // The recommending body's endorsement is always there; no 答辩 or 综合评选 in a nomination.
    fixed: { districtRecommendation: false, defense: false, scoredDefense: false, comprehensiveSelection: false },
    options: [
      // 专家评审 scored on ENGINEERING_RUBRIC (the assignment and scoring of the quality awards' 资料评审).
      onOff('expertReview', 'e', '无专家评审', '含专家评审'),
      onOff('onsiteReview', 'o', '无现场评审', '含现场复查'),
      {
        flag: 'publicity',
        choices: [
          { value: 'after_panel', key: 'pa', label: '先审议后公示' },
          { value: 'before_panel', key: 'pb', label: '先公示后审议' },
        ],
      },
    ],
  },
  flow: [
    applicationWindow,
    endorsement('推荐单位推荐', '同意推荐', PRELIMINARY_REVIEW.state),
    supplementLoop(PRELIMINARY_REVIEW),
    notSelected('未获奖'),
    {
      chain: [
        firstReviewStage(PRELIMINARY_REVIEW),
        { when: 'expertReview', then: [{ ...expertReview, label: '专家评审', pass: { ...expertReview.pass, label: '专家评审完成' } }] },
        { when: 'onsiteReview', then: [onsiteReview('现场复查')] },
        panelAndPublicity('评审委员会表决'),
      ],
      then: S.awaitingApproval,
    },
    objections,
    approval,
    revoked,
    awardTiers('已入选推荐'),
    withdrawal,
  ],
};
