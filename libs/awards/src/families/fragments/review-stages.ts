import { Stage, When } from '../family.types';
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

/** 现场评审 (现场复查 for engineering nominations), by the reviewers the office named. */
export const onsiteReview = (label: string): Stage => ({
  state: S.onsiteReview,
  label,
  tags: ['reviewerVisible', 'onsiteReviewDuty'],
  pass: { action: A.passOnsiteReview, label: `${label}通过`, roles: ['admin', 'reviewer'] },
  fail: { action: A.failOnsiteReview, label: `${label}未通过`, roles: ['admin', 'reviewer'], to: S.notSelected, requiresComment: true, effects: [notify('not_selected')] },
});

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

/** The committee and 公示, in the order the plan gives (Chongqing puts 公示 first). */
export const panelAndPublicity = (panelLabel: string): When<Stage> => ({
  when: 'publicityBeforePanel',
  then: [...publicity, panel(panelLabel)],
  otherwise: [panel(panelLabel), ...publicity],
});
