import type { AwardDefinition } from '../../catalog/award.types';
import { FamilyTransition, Fragment } from '../family.types';
import { A, EFFECT_CHECK_ELIGIBILITY, GUARD_OTHER_OBJECTIONS_OPEN, S } from '../workflow-names';
import { notify } from './notify';

/** Where a failed selection stage (入围, 答辩, 现场评审, 表决, 不予授予) ends. */
export const notSelected = (label: string): Fragment => ({ states: { [S.notSelected]: { label, terminal: true, tags: ['out'] } } });

const OBJECTORS = ['public', 'applicant', 'recommender', 'reviewer', 'admin'];

/**
 * 公示 objections hold the application while any is open; each is decided on its own. The 公示
 * period never restarts: a dismissal with none left open returns to 公示 with the batch's own end
 * (and the objections use case ends 公示 at once when that end has passed).
 */
export const objections: Fragment = {
  states: { [S.objectionReview]: { label: '异议处理' } },
  transitions: [
    { action: A.fileObjection, label: '提出异议', from: [S.publicity, S.objectionReview], to: S.objectionReview, roles: OBJECTORS, effects: [notify('objection_filed', 'admins')] },
    { action: A.upholdObjection, label: '异议成立', from: S.objectionReview, to: S.rejected, roles: ['admin'], requiresComment: true, effects: [notify('objection_resolved')] },
    {
      action: A.dismissObjection,
      label: '异议不成立（其他异议处理中）',
      from: S.objectionReview,
      to: S.objectionReview,
      roles: ['admin'],
      guard: { name: GUARD_OTHER_OBJECTIONS_OPEN },
    },
    {
      action: A.dismissObjection,
      label: '异议不成立，恢复公示',
      from: S.objectionReview,
      to: S.publicity,
      roles: ['admin'],
      guard: { name: GUARD_OTHER_OBJECTIONS_OPEN, not: true },
      effects: [notify('objection_resolved')],
    },
  ],
};

/** 待审定, with the eligibility gates before 公示 and before 审定 that can hold an application. */
export const approval: Fragment = {
  states: {
    [S.awaitingApproval]: { label: '待审定', onEnter: [notify('awaiting_approval', 'admins'), { name: EFFECT_CHECK_ELIGIBILITY, params: { gate: 'approval' } }] },
    [S.eligibilityHoldPublicity]: { label: '资格复核（公示）' },
    [S.eligibilityHoldApproval]: { label: '资格复核（审定前）' },
  },
  transitions: [
    { action: A.holdForEligibility, label: '资格复核未通过，暂停', from: S.publicity, to: S.eligibilityHoldPublicity, roles: ['admin', 'system'], requiresComment: true, effects: [notify('eligibility_hold', 'admins')] },
    { action: A.holdForEligibility, label: '资格复核未通过，暂停', from: S.awaitingApproval, to: S.eligibilityHoldApproval, roles: ['admin', 'system'], requiresComment: true, effects: [notify('eligibility_hold', 'admins')] },
    { action: A.resumeAfterHold, label: '复核通过，恢复公示', from: S.eligibilityHoldPublicity, to: S.publicity, roles: ['admin'], requiresComment: true },
    { action: A.resumeAfterHold, label: '复核通过，恢复审定', from: S.eligibilityHoldApproval, to: S.awaitingApproval, roles: ['admin'], requiresComment: true },
    { action: A.disqualify, label: '取消资格', from: [S.eligibilityHoldPublicity, S.eligibilityHoldApproval], to: S.rejected, roles: ['admin'], requiresComment: true, effects: [notify('application_rejected')] },
    { action: A.decline, label: '不予授予', from: S.awaitingApproval, to: S.notSelected, roles: ['admin'], requiresComment: true, effects: [notify('not_selected')] },
  ],
};

export const revoked: Fragment = { states: { [S.revoked]: { label: '已撤销', terminal: true, tags: ['out'] } } };

/** 审定授奖, and the award's second tier (提名奖) when it has one; either can be revoked. */
export const awardTiers =
  (awardedLabel: string) =>
  (award: AwardDefinition): Fragment[] => [
    {
      states: { [S.awarded]: { label: awardedLabel, terminal: true, tags: ['selected'] } },
      transitions: [
        { action: A.approve, label: '审定授奖', from: S.awaitingApproval, to: S.awarded, roles: ['admin'], effects: [notify('awarded')] },
        { action: A.revoke, label: '撤销奖项', from: S.awarded, to: S.revoked, roles: ['admin'], requiresComment: true, effects: [notify('revoked')] },
      ],
    },
    ...(award.secondTierLabel ? [secondTier(award.secondTierLabel)] : []),
  ];

const secondTier = (label: string): Fragment => ({
  states: { [S.nominated]: { label, terminal: true, tags: ['selected'] } },
  transitions: [
    { action: A.approveSecondTier, label: `审定为${label}`, from: S.awaitingApproval, to: S.nominated, roles: ['admin'], effects: [notify('nominated')] },
    { action: A.revoke, label: '撤销奖项', from: S.nominated, to: S.revoked, roles: ['admin'], requiresComment: true, effects: [notify('revoked')] },
  ],
});

const approveRecognition: FamilyTransition = { action: A.approve, label: '审定认定', from: S.awaitingApproval, to: S.recognised, roles: ['admin'], effects: [notify('awarded')] };

/**
 * 认定 of a 名牌 (重庆名牌产品, 重庆名牌农产品, …): valid for the batch's period the cycle sets (e.g.
 * 2024-10 to 2027-09), the same for every recognition of the batch. Its end (`recognitionExpiresAt`,
 * 24:00 Beijing of the cycle's last valid day) and the expiry notice before it
 * (`recognitionExpiryNoticeAt`) are given at 审定 from the cycle. Renewal is a new application in a
 * later cycle (POST /applications {renewalOf}), not a transition of this one.
 */
export const batchRecognition: Fragment = {
  states: {
    [S.recognised]: {
      label: '已认定',
      terminal: true,
      timers: [
        { kind: 'recognition_expiry_notice', action: A.recognitionExpiryNotice, schedule: { atContextKey: 'recognitionExpiryNoticeAt' } },
        { kind: 'recognition_expiry', action: A.recognitionExpired, schedule: { atContextKey: 'recognitionExpiresAt' } },
      ],
      tags: ['selected'],
    },
    [S.recognitionExpired]: { label: '认定已到期', terminal: true, tags: ['out'] },
  },
  transitions: [
    approveRecognition,
    // Stays 已认定 (a self-transition keeps the expiry timer): only the notice goes out, once.
    { action: A.recognitionExpiryNotice, label: '有效期即将届满提醒', from: S.recognised, to: S.recognised, roles: ['system'], effects: [notify('recognition_expiring')] },
    { action: A.recognitionExpired, label: '有效期届满', from: S.recognised, to: S.recognitionExpired, roles: ['system'], effects: [notify('recognition_expired')] },
    { action: A.revoke, label: '撤销认定', from: S.recognised, to: S.revoked, roles: ['admin'], requiresComment: true, effects: [notify('revoked')] },
  ],
};

/**
 * 认定 of a 老字号 (重庆老字号, 中华老字号): no validity period. The office re-checks every recognised
 * 老字号 of its office every few years (a 复核 round, libs/review rechecks), with three outcomes as in
 * 《中华老字号示范创建管理办法》(商务部等5部门, 商流通规发〔2023〕6号) and the 2023 中华老字号复核: 通过;
 * 限期整改 ("附条件通过", 整改期限不得超过6个月, its end `rectificationDueAt` given by the round),
 * re-checked again when done or when the period ends; 撤销认定 (移出名录).
 */
export const lastingRecognition: Fragment = {
  states: {
    [S.recognised]: { label: '已认定', terminal: true, tags: ['selected'] },
    [S.rectification]: {
      label: '限期整改',
      timers: [{ kind: 'rectification_due', action: A.rectificationPeriodEnded, schedule: { atContextKey: 'rectificationDueAt' } }],
    },
    [S.rectificationDue]: { label: '整改期满待复核', onEnter: [notify('rectification_period_ended', 'admins')] },
  },
  transitions: [
    approveRecognition,
    { action: A.passRecheck, label: '复核通过', from: [S.recognised, S.rectification, S.rectificationDue], to: S.recognised, roles: ['admin'], effects: [notify('recheck_passed')] },
    { action: A.orderRectification, label: '复核限期整改', from: [S.recognised, S.rectificationDue], to: S.rectification, roles: ['admin'], requiresComment: true, effects: [notify('rectification_ordered')] },
    { action: A.rectificationPeriodEnded, label: '整改期满', from: S.rectification, to: S.rectificationDue, roles: ['system'] },
    { action: A.revoke, label: '撤销认定', from: [S.recognised, S.rectification, S.rectificationDue], to: S.revoked, roles: ['admin'], requiresComment: true, effects: [notify('revoked')] },
  ],
};

/** The recognition an award gives: re-checked without end (老字号) or valid for the cycle's batch period. */
export const recognition = (award: AwardDefinition): Fragment => (award.recheckEveryYears ? lastingRecognition : batchRecognition);

/** 撤回: the applicant may withdraw, with a reason, until the committee takes the application. */
export const withdrawal: Fragment = {
  states: { [S.withdrawn]: { label: '已撤回', terminal: true, tags: ['inactive', 'out'] } },
  transitions: [{ action: A.withdraw, label: '撤回申报', from: { tagged: 'withdrawable' }, to: S.withdrawn, roles: ['applicant'], requiresComment: true, effects: [notify('application_withdrawn', 'admins')] }],
};
