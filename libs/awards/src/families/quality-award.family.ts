import { AwardFamilyDefinition, onOff } from './family.types';
import { applicationWindow, directSubmission, endorsement } from './fragments/intake';
import { FORMAL_REVIEW, firstReviewStage, supplementLoop } from './fragments/first-review';
import { comprehensiveSelection, defenseStage, expertReview, onsiteReview, panelAndPublicity, shortlisting } from './fragments/review-stages';
import { approval, awardTiers, notSelected, objections, revoked, withdrawal } from './fragments/decision';
import { S } from './workflow-names';

/**
 * 政府质量奖 (区长质量管理奖, 市长质量管理奖): the enterprise applies to the office directly, or
 * through its 区县 (市场监管局) recommendation; 形式审查 → 资料评审 → 入围审核 → [企业答辩, scored or
 * not] → [现场评审] → [综合评选] → 评审委员会审议, 社会公示 and (when 公示 follows it) 政府审批, in the
 * order the edition runs them → 审定 (授奖, or the 提名奖 second tier).
 * 中国质量奖's local round runs on it too: its 审定 selects whom the city recommends to the national
 * level (see outsideChain).
 */
export const QUALITY_AWARD_FAMILY: AwardFamilyDefinition = {
  family: 'quality',
  label: '政府质量奖',
  version: 3,
  plan: {
    // The default: 资料评审 → 企业答辩 → 现场评审 → 社会公示 → 评审委员会审议 (DESIGN §4's Chongqing order).
    // The 8th 重庆市市长质量管理奖's order (综合评选 → 评选委员会审定 → 市政府审批 → 社会公示 → 颁奖表彰, as its
    // notice gives it) is the plan { comprehensiveSelection: true, publicity: 'after_approval' }.
    defaults: {
      districtRecommendation: false,
      expertReview: true,
      defense: true,
      scoredDefense: false,
      onsiteReview: true,
      comprehensiveSelection: false,
      publicity: 'before_panel',
    },
    fixed: { expertReview: true },
    options: [
      // 区县推荐 before 形式审查: the district 市场监管局 checks and recommends its enterprises (the
      // 渝人社〔2023〕560号 notice goes to every 区县 market-supervision bureau for this).
      onOff('districtRecommendation', 'r', '直接申报', '区县推荐'),
      onOff('defense', 'd', '无企业答辩', '含企业答辩'),
      onOff('scoredDefense', 's', '答辩不评分', '答辩评分', 'defense'),
      onOff('onsiteReview', 'o', '无现场评审', '含现场评审'),
      onOff('comprehensiveSelection', 'c', '无综合评选', '含综合评选'),
      {
        flag: 'publicity',
        choices: [
          { value: 'before_panel', key: 'pb', label: '先公示后审议' },
          { value: 'after_panel', key: 'pa', label: '先审议后公示' },
          { value: 'after_approval', key: 'pg', label: '审议、政府审批后公示' },
        ],
      },
    ],
  },
  flow: [
    applicationWindow,
    { when: 'districtRecommendation', then: [endorsement('区县推荐', '区县推荐', FORMAL_REVIEW.state)], otherwise: [directSubmission(FORMAL_REVIEW.state)] },
    supplementLoop(FORMAL_REVIEW),
    notSelected('未获奖'),
    {
      chain: [
        firstReviewStage(FORMAL_REVIEW),
        expertReview,
        shortlisting,
        defenseStage,
        { when: 'onsiteReview', then: [onsiteReview('现场评审')] },
        { when: 'comprehensiveSelection', then: [comprehensiveSelection] },
        panelAndPublicity('评审委员会审议', true),
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
