import { AwardFamilyDefinition } from './family.types';
import { applicationWindow, directSubmission } from './fragments/intake';
import { FORMAL_REVIEW, firstReviewStage, supplementLoop } from './fragments/first-review';
import { defense, expertReview, onsiteReview, panelAndPublicity, shortlisting } from './fragments/review-stages';
import { approval, awardTiers, notSelected, objections, revoked, withdrawal } from './fragments/decision';
import { S } from './workflow-names';

/**
 * 政府质量奖 (区长质量管理奖, 市长质量管理奖): the enterprise applies to the office directly;
 * 形式审查 → 资料评审 → 入围审核 → [企业答辩] → [现场评审] → 评审委员会审议 and 社会公示 (in the
 * order the city runs them) → 审定 (授奖, or the 提名奖 second tier). 中国质量奖's local round runs
 * on it too: its 审定 selects whom the city recommends to the national level (see outsideChain).
 */
export const QUALITY_AWARD_FAMILY: AwardFamilyDefinition = {
  family: 'quality',
  label: '政府质量奖',
  version: 2,
  plan: {
    // Chongqing's 市长质量管理奖: 资料评审 → 企业答辩 → 现场评审 → 综合评选 → 社会公示 → 评选委员会审议.
    defaults: { defense: true, onsiteReview: true, publicityBeforePanel: true, expertReview: true },
    fixed: { expertReview: true },
    options: [
      { flag: 'defense', key: ['d0', 'd1'], label: ['无企业答辩', '含企业答辩'] },
      { flag: 'onsiteReview', key: ['o0', 'o1'], label: ['无现场评审', '含现场评审'] },
      { flag: 'publicityBeforePanel', key: ['pa', 'pb'], label: ['先审议后公示', '先公示后审议'] },
    ],
  },
  flow: [
    applicationWindow,
    directSubmission(FORMAL_REVIEW.state),
    supplementLoop(FORMAL_REVIEW),
    notSelected('未获奖'),
    {
      chain: [
        firstReviewStage(FORMAL_REVIEW),
        expertReview,
        shortlisting,
        { when: 'defense', then: [defense] },
        { when: 'onsiteReview', then: [onsiteReview('现场评审')] },
        panelAndPublicity('评审委员会审议'),
      ],
      then: S.awaitingApproval,
    },
    objections,
    approval,
    revoked,
    awardTiers('已获奖'),
    withdrawal,
  ],
};
