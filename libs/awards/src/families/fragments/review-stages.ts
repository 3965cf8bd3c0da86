import { ChainPart, Stage, When } from '../family.types';
import { A, EFFECT_ASSIGN_REVIEWERS, EFFECT_CHECK_ELIGIBILITY, GUARD_PANEL_VOTE_PASSED, S } from '../workflow-names';
import { notify } from './notify';

/** 资料评审 / 专家评审: experts are assigned on entry; the last score sheet ends it. */
export const expertReview: Stage = {
  state: S.expertReview,
  label: '资料评审',
  onEnter: [{ name: EFFECT_ASSIGN_REVIEWERS }],
  pass: { action: A.finishExpertReview, label: '资料评审完成', roles: ['admin', 'system'] },
};

/** 入围审核: the office picks the shortlist from the ranking. */
export const shortlisting: Stage = {
  state: S.shortlisting,
  label: '入围审核',
  onEnter: [notify('shortlisting_started', 'admins')],
  pass: { action: A.shortlist, label: '确定入围', roles: ['admin'], effects: [notify('shortlisted')] },
  fail: { action: A.notShortlist, label: '未入围', roles: ['admin'], to: S.notSelected, effects: [notify('not_selected')] },
};

/** 企业答辩. */
export const defense: Stage = {
  state: S.defense,
  label: '企业答辩',
  pass: { action: A.passDefense, label: '答辩通过', roles: ['admin'] },
  fail: { action: A.failDefense, label: '答辩未通过', roles: ['admin'], to: S.notSelected, requiresComment: true, effects: [notify('not_selected')] },
};

/**
 * 企业答辩 with a score: either way out records the experts' 答辩得分, which the ranking adds into
 * the 综合得分 (the defense use case refuses it without one when the cycle's plan says scored).
 */
export const scoredDefense: Stage = {
  ...defense,
  label: '企业答辩（评分）',
  pass: { ...defense.pass, label: '答辩通过（记录答辩得分）' },
  fail: { ...defense.fail!, label: '答辩未通过（记录答辩得分）' },
};

/** 企业答辩 when the plan has one, scored when it says so. */
export const defenseStage: When<ChainPart> = { when: 'defense', then: [{ when: 'scoredDefense', then: [scoredDefense], otherwise: [defense] }] };

/** 现场评审 (现场复查 for engineering nominations), by the reviewers the office named. */
export const onsiteReview = (label: string): Stage => ({
  state: S.onsiteReview,
  label,
  tags: ['reviewerVisible', 'onsiteReviewDuty'],
  pass: { action: A.passOnsiteReview, label: `${label}通过`, roles: ['admin', 'reviewer'] },
  fail: { action: A.failOnsiteReview, label: `${label}未通过`, roles: ['admin', 'reviewer'], to: S.notSelected, requiresComment: true, effects: [notify('not_selected')] },
});

/**
 * 综合评选: after 现场评审 the office weighs 资料评审, 答辩 and 现场评审 together (the ranking's
 * 综合得分) and selects who goes to the committee (the 8th 重庆市市长质量管理奖: 资料评审 → 企业答辩 → 现场评审 →
 * 综合评选 → 评选委员会审定, per its notice). In bulk through POST /cycles/:id/applications/actions/:action.
 */
export const comprehensiveSelection: Stage = {
  state: S.comprehensiveSelection,
  label: '综合评选',
  pass: { action: A.passComprehensiveSelection, label: '综合评选入选', roles: ['admin'] },
  fail: { action: A.failComprehensiveSelection, label: '综合评选未入选', roles: ['admin'], to: S.notSelected, effects: [notify('not_selected')] },
};

/**
 * 政府审批 (市政府审批 for the 市长质量管理奖): the government approves the committee's list before
 * it is published; 审定 after the 公示 then only confirms it (颁奖表彰).
 */
export const governmentApproval: Stage = {
  state: S.governmentApproval,
  label: '政府审批',
  onEnter: [notify('awaiting_approval', 'admins')],
  pass: { action: A.governmentApprove, label: '政府审批通过', roles: ['admin'] },
  fail: { action: A.governmentDecline, label: '政府审批未通过', roles: ['admin'], to: S.notSelected, requiresComment: true, effects: [notify('not_selected')] },
};

/** 评审委员会: the vote's outcome, counted by the panel use case, picks the way out. */
export const panel = (label: string): Stage => ({
  state: S.panel,
  label,
  tags: ['panelDuty'],
  onEnter: [notify('panel_started', 'admins')],
  endsWithdrawal: true,
  pass: { action: A.closePanelVote, label: '表决通过', roles: ['admin', 'system'], guard: { name: GUARD_PANEL_VOTE_PASSED } },
  fail: { action: A.closePanelVote, label: '表决未通过', roles: ['admin', 'system'], to: S.notSelected, guard: { name: GUARD_PANEL_VOTE_PASSED, not: true }, effects: [notify('not_selected')] },
});

/** 待公示: waits for the office to publish the cycle's (or a later batch's) dated 公示 list. */
const awaitingPublicity: Stage = {
  state: S.awaitingPublicity,
  label: '待公示',
  // The enterprise is told once, when its 公示 is published (not again when a dismissal brings it back).
  pass: { action: A.publishPublicity, label: '发布公示', roles: ['admin'], effects: [notify('publicity_started')] },
};

/**
 * 社会公示: every application of a batch shares its end (`publicityEndsAt`, 24:00 Beijing of the
 * batch's last day), so a dismissed objection brings it back to the same end, never a new period.
 * Eligibility is checked again on entry.
 */
const publicityWindow: Stage = {
  state: S.publicity,
  label: '社会公示',
  onEnter: [{ name: EFFECT_CHECK_ELIGIBILITY, params: { gate: 'publicity' } }],
  timers: [{ kind: 'publicity_end', action: A.publicityEnded, schedule: { atContextKey: 'publicityEndsAt' } }],
  pass: { action: A.publicityEnded, label: '公示期满', roles: ['system', 'admin'] },
};

/** 公示: published as a dated batch, then the window it opens. */
export const publicity: Stage[] = [awaitingPublicity, publicityWindow];

/**
 * The committee and 公示, in the order the plan gives: 公示 first (Chongqing up to the 7th edition),
 * after the committee, or (`withApproval`) after the government's 审批 (the 8th edition's order).
 */
export const panelAndPublicity = (panelLabel: string, withApproval = false): When<ChainPart> => ({
  when: 'publicity',
  is: 'before_panel',
  then: [...publicity, panel(panelLabel)],
  otherwise: withApproval
    ? [{ when: 'publicity', is: 'after_approval', then: [panel(panelLabel), governmentApproval, ...publicity], otherwise: [panel(panelLabel), ...publicity] }]
    : [panel(panelLabel), ...publicity],
});
