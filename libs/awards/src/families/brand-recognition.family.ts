import { AwardFamilyDefinition, onOff } from './family.types';
import { applicationWindow, endorsement } from './fragments/intake';
import { FORMAL_REVIEW, firstReviewStage, supplementLoop } from './fragments/first-review';
import { expertReview, onsiteReview, publicity } from './fragments/review-stages';
import { approval, notSelected, objections, recognition, revoked, withdrawal } from './fragments/decision';
import { S } from './workflow-names';

/**
 * 品牌认定 (重庆名牌产品, 重庆名牌农产品, 重庆老字号, 中华老字号, 旅游服务质量标杆单位): 区县推荐 →
 * 形式审查 → [专家评审] → [现场检查] → 社会公示 → 审定认定. A 名牌 is valid for its batch's period (the cycle's) and
 * renewed by a new application in a later cycle; a 老字号 does not expire and is re-checked (复核).
 * 现场检查 as the 中华老字号认定管理办法 (商务部等8部门, 2023) and the 重庆名牌产品 rounds run it: experts
 * visit the enterprise (or its production site) after the paper review.
 * Version 3 replaced version 2's per-approval validity timer and in-place 复核换证; version 2
 * definitions stay registered, so cycles opened under it run on unchanged.
 */
export const BRAND_RECOGNITION_FAMILY: AwardFamilyDefinition = {
  family: 'brand',
  label: '品牌认定',
  version: 3,
  plan: {
    defaults: {
      districtRecommendation: true,
      expertReview: true,
      defense: false,
      scoredDefense: false,
      onsiteReview: false,
      comprehensiveSelection: false,
      publicity: 'after_panel',
    },
    // Always recommended by the district; no committee, so 公示 has no place to choose.
    fixed: { districtRecommendation: true, defense: false, scoredDefense: false, comprehensiveSelection: false, publicity: 'after_panel' },
    options: [onOff('expertReview', 'e', '无专家评审', '含专家评审'), onOff('onsiteReview', 'o', '无现场检查', '含现场检查')],
  },
  // 老字号 are re-checked instead of expiring: a flow (and so a definition code) of their own.
  variant: (award) => (award.recheckEveryYears ? { key: 'rc', label: '定期复核' } : undefined),
  flow: [
    applicationWindow,
    endorsement('区县推荐', '区县推荐', FORMAL_REVIEW.state),
    supplementLoop(FORMAL_REVIEW),
    notSelected('未获认定'),
    {
      chain: [firstReviewStage(FORMAL_REVIEW), { when: 'expertReview', then: [expertReview] }, { when: 'onsiteReview', then: [onsiteReview('现场检查')] }, publicity],
      then: S.awaitingApproval,
    },
    objections,
    approval,
    revoked,
    recognition,
    withdrawal,
  ],
};
