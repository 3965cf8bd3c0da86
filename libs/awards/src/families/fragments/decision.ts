import type { AwardDefinition } from '../../catalog/award.types';
import { Fragment } from '../family.types';
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

/** 认定 for a validity period, renewed by 复核换证 or ended by its expiry. */
export const recognition: Fragment = {
  states: {
    [S.recognised]: {
      label: '已认定',
      terminal: true,
      timers: [{ kind: 'recognition_expiry', action: A.recognitionExpired, schedule: { afterContextKey: 'recognitionValidity' } }],
      tags: ['selected'],
    },
    [S.renewalReview]: { label: '复核换证' },
    [S.recognitionExpired]: { label: '认定已到期', terminal: true, tags: ['out'] },
  },
  transitions: [
    { action: A.approve, label: '审定认定', from: S.awaitingApproval, to: S.recognised, roles: ['admin'], effects: [notify('awarded')] },
    { action: A.recognitionExpired, label: '有效期届满', from: S.recognised, to: S.recognitionExpired, roles: ['system'], effects: [notify('recognition_expired')] },
    { action: A.requestRenewal, label: '申请复核换证', from: S.recognised, to: S.renewalReview, roles: ['applicant'] },
    { action: A.approveRenewal, label: '复核通过，延续认定', from: S.renewalReview, to: S.recognised, roles: ['admin'], effects: [notify('awarded')] },
    { action: A.rejectRenewal, label: '复核未通过', from: S.renewalReview, to: S.recognitionExpired, roles: ['admin'], requiresComment: true, effects: [notify('recognition_expired')] },
    { action: A.revoke, label: '撤销认定', from: [S.recognised, S.renewalReview], to: S.revoked, roles: ['admin'], requiresComment: true, effects: [notify('revoked')] },
  ],
};

/** 撤回: the applicant may withdraw, with a reason, until the committee takes the application. */
export const withdrawal: Fragment = {
  states: { [S.withdrawn]: { label: '已撤回', terminal: true, tags: ['inactive', 'out'] } },
  transitions: [{ action: A.withdraw, label: '撤回申报', from: { tagged: 'withdrawable' }, to: S.withdrawn, roles: ['applicant'], requiresComment: true, effects: [notify('application_withdrawn', 'admins')] }],
};
