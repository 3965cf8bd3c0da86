import { EffectRef, StateDefinition, TransitionDefinition, WorkflowDefinition } from '@awardflow/workflow';
import { AwardDefinition } from '../catalog/award.types';
import { normalisePlan, planKey, StagePlan } from './stage-plan';
import { A, EFFECT_ASSIGN_REVIEWERS, EFFECT_CHECK_ELIGIBILITY, EFFECT_NOTIFY, GUARD_PANEL_VOTE_PASSED, NotifyAudience, S } from './workflow-names';

/**
 * Bump a family's version whenever its compiled definitions change: the registry refuses new
 * content under an old version, and cycles already opened keep the version they pinned.
 */
export const FAMILY_DEFINITION_VERSION = { quality: 1, engineering: 1, brand: 1 } as const;

const ROLES = ['applicant', 'recommender', 'reviewer', 'admin'];
const notify = (template: string, to: NotifyAudience = 'applicant'): EffectRef => ({ name: EFFECT_NOTIFY, params: { template, to } });

class Builder {
  readonly states: Record<string, StateDefinition> = {};
  readonly transitions: TransitionDefinition[] = [];

  state(name: string, label: string, extra: Omit<StateDefinition, 'label'> = {}): this {
    this.states[name] = { label, ...extra };
    return this;
  }

  on(action: string, label: string, from: string | string[], to: string, roles: string[], extra: Partial<TransitionDefinition> = {}): this {
    this.transitions.push({ action, label, from, to, roles, ...extra });
    return this;
  }
}

/** A review stage someone passes to move on; `pass` leads to whatever the plan puts next. */
interface Stage {
  state: string;
  label: string;
  pass: { action: string; label: string; roles: string[]; effects?: EffectRef[]; guard?: TransitionDefinition['guard'] };
  fail?: { action: string; label: string; roles: string[]; to: string; guard?: TransitionDefinition['guard']; requiresComment?: boolean; effects?: EffectRef[] };
  onEnter?: EffectRef[];
  timers?: StateDefinition['timers'];
}

/** Compiles an award's stage plan into a verifiable, versioned workflow definition. */
export function compileStagePlan(award: AwardDefinition, plan: StagePlan = {}): WorkflowDefinition {
  const p = normalisePlan(award.family, plan);
  const b = new Builder();
  const awardedLabel = award.family === 'engineering' ? '已入选推荐' : '已获奖';

  // Application window: drafts expire, submissions wait for the window to close.
  b.state(S.draft, '草稿', { timers: [{ kind: 'application_window_close', action: A.applicationWindowClosed, schedule: { atContextKey: 'applicationClosesAt' } }] })
    .state(S.expired, '逾期未提交', { terminal: true })
    .on(A.applicationWindowClosed, '申报截止', S.draft, S.expired, ['system']);

  if (award.family === 'quality') {
    b.state(S.submitted, '已提交', { timers: [{ kind: 'application_window_close', action: A.startReview, schedule: { atContextKey: 'applicationClosesAt' } }] })
      .on(A.submit, '提交申报', S.draft, S.submitted, ['applicant'], { effects: [notify('application_submitted')] })
      .on(A.startReview, '申报截止，进入评审', S.submitted, S.formalReview, ['admin', 'system']);
  } else {
    const who = award.family === 'engineering' ? '推荐单位推荐' : '区县推荐';
    b.state(S.awaitingEndorsement, `待${who}`, { onEnter: [notify('endorsement_requested', 'recommenders')] })
      .state(S.notEndorsed, '未获推荐', { terminal: true })
      .on(A.submit, '提交申报', S.draft, S.awaitingEndorsement, ['applicant'], { effects: [notify('application_submitted')] })
      .on(A.declineEndorsement, '不予推荐', S.awaitingEndorsement, S.notEndorsed, ['recommender', 'admin'], { requiresComment: true, effects: [notify('application_rejected')] });
  }

  // The first review (形式审查 or 初审) with 补正.
  const firstReview = award.family === 'engineering' ? S.preliminaryReview : S.formalReview;
  const firstReviewLabel = award.family === 'engineering' ? '初审' : '形式审查';
  const stages: Stage[] = [];
  stages.push({
    state: firstReview,
    label: firstReviewLabel,
    pass: { action: award.family === 'engineering' ? A.passPreliminaryReview : A.passFormalReview, label: `${firstReviewLabel}通过`, roles: ['admin', 'reviewer'] },
  });
  if (award.family !== 'quality') {
    b.on(A.endorse, award.family === 'engineering' ? '同意推荐' : '区县推荐', S.awaitingEndorsement, firstReview, ['recommender', 'admin']);
  }
  b.state(S.supplementRequested, '待补正', {
    onEnter: [notify('supplement_requested')],
    timers: [{ kind: 'supplement', action: A.supplementExpired, schedule: { afterContextKey: 'supplementDuration' } }],
  })
    .state(S.rejected, '未通过', { terminal: true })
    .on(A.requestSupplement, '要求补正', firstReview, S.supplementRequested, ['admin', 'reviewer'], { requiresComment: true })
    .on(A.resubmit, '补正后重新提交', S.supplementRequested, firstReview, ['applicant'])
    .on(A.supplementExpired, '补正逾期', S.supplementRequested, S.rejected, ['system'], { effects: [notify('supplement_expired')] })
    .on(A.reject, `${firstReviewLabel}不通过`, firstReview, S.rejected, ['admin', 'reviewer'], { requiresComment: true, effects: [notify('application_rejected')] });

  b.state(S.notSelected, award.family === 'brand' ? '未获认定' : '未获奖', { terminal: true });
  if (p.expertReview) {
    stages.push({
      state: S.expertReview,
      label: '资料评审',
      onEnter: [{ name: EFFECT_ASSIGN_REVIEWERS }],
      pass: { action: A.finishExpertReview, label: '资料评审完成', roles: ['admin', 'system'] },
    });
  }
  if (award.family === 'quality') {
    stages.push({
      state: S.shortlisting,
      label: '入围审核',
      onEnter: [notify('shortlisting_started', 'admins')],
      pass: { action: A.shortlist, label: '确定入围', roles: ['admin'], effects: [notify('shortlisted')] },
      fail: { action: A.notShortlist, label: '未入围', roles: ['admin'], to: S.notSelected, effects: [notify('not_selected')] },
    });
  }
  if (p.defense) {
    stages.push({
      state: S.defense,
      label: '企业答辩',
      pass: { action: A.passDefense, label: '答辩通过', roles: ['admin'] },
      fail: { action: A.failDefense, label: '答辩未通过', roles: ['admin'], to: S.notSelected, requiresComment: true, effects: [notify('not_selected')] },
    });
  }
  if (p.onsiteReview) {
    const label = award.family === 'engineering' ? '现场复查' : '现场评审';
    stages.push({
      state: S.onsiteReview,
      label,
      pass: { action: A.passOnsiteReview, label: `${label}通过`, roles: ['admin', 'reviewer'] },
      fail: { action: A.failOnsiteReview, label: `${label}未通过`, roles: ['admin', 'reviewer'], to: S.notSelected, requiresComment: true, effects: [notify('not_selected')] },
    });
  }

  const panel: Stage = {
    state: S.panel,
    label: award.family === 'engineering' ? '评审委员会表决' : '评审委员会审议',
    onEnter: [notify('panel_started', 'admins')],
    pass: { action: A.closePanelVote, label: '表决通过', roles: ['admin', 'system'], guard: { name: GUARD_PANEL_VOTE_PASSED } },
    fail: { action: A.closePanelVote, label: '表决未通过', roles: ['admin', 'system'], to: S.notSelected, guard: { name: GUARD_PANEL_VOTE_PASSED, not: true }, effects: [notify('not_selected')] },
  };
  const publicity: Stage = {
    state: S.publicity,
    label: '社会公示',
    onEnter: [notify('publicity_started'), { name: EFFECT_CHECK_ELIGIBILITY, params: { gate: 'publicity' } }],
    timers: [{ kind: 'publicity_end', action: A.publicityEnded, schedule: { afterContextKey: 'publicityDuration' } }],
    pass: { action: A.publicityEnded, label: '公示期满', roles: ['system', 'admin'] },
  };
  if (award.family === 'brand') stages.push(publicity);
  else if (p.publicityBeforePanel) stages.push(publicity, panel);
  else stages.push(panel, publicity);

  // Chain the stages: each one's pass leads to the next, the last one to 待审定.
  const beforePanel = new Set<string>([S.draft, award.family === 'quality' ? S.submitted : S.awaitingEndorsement, S.supplementRequested]);
  let reachedPanel = false;
  stages.forEach((stage, i) => {
    const next = stages[i + 1]?.state ?? S.awaitingApproval;
    b.state(stage.state, stage.label, { onEnter: stage.onEnter, timers: stage.timers });
    b.on(stage.pass.action, stage.pass.label, stage.state, next, stage.pass.roles, { guard: stage.pass.guard, effects: stage.pass.effects });
    if (stage.fail) {
      b.on(stage.fail.action, stage.fail.label, stage.state, stage.fail.to, stage.fail.roles, { guard: stage.fail.guard, requiresComment: stage.fail.requiresComment, effects: stage.fail.effects });
    }
    if (stage.state === S.panel) reachedPanel = true;
    if (!reachedPanel) beforePanel.add(stage.state);
  });

  // 公示: objections pause the application; eligibility is checked again on entry.
  b.state(S.objectionReview, '异议处理')
    .on(A.fileObjection, '提出异议', S.publicity, S.objectionReview, ROLES, { effects: [notify('objection_filed', 'admins')] })
    .on(A.upholdObjection, '异议成立', S.objectionReview, S.rejected, ['admin'], { requiresComment: true, effects: [notify('objection_resolved')] })
    .on(A.dismissObjection, '异议不成立，恢复公示', S.objectionReview, S.publicity, ['admin'], { effects: [notify('objection_resolved')] });

  // 审定, with the eligibility gates before 公示 and before 审定.
  b.state(S.awaitingApproval, '待审定', { onEnter: [notify('awaiting_approval', 'admins'), { name: EFFECT_CHECK_ELIGIBILITY, params: { gate: 'approval' } }] })
    .state(S.eligibilityHoldPublicity, '资格复核（公示）')
    .state(S.eligibilityHoldApproval, '资格复核（审定前）')
    .on(A.holdForEligibility, '资格复核未通过，暂停', S.publicity, S.eligibilityHoldPublicity, ['admin', 'system'], { requiresComment: true, effects: [notify('eligibility_hold', 'admins')] })
    .on(A.holdForEligibility, '资格复核未通过，暂停', S.awaitingApproval, S.eligibilityHoldApproval, ['admin', 'system'], { requiresComment: true, effects: [notify('eligibility_hold', 'admins')] })
    .on(A.resumeAfterHold, '复核通过，恢复公示', S.eligibilityHoldPublicity, S.publicity, ['admin'], { requiresComment: true })
    .on(A.resumeAfterHold, '复核通过，恢复审定', S.eligibilityHoldApproval, S.awaitingApproval, ['admin'], { requiresComment: true })
    .on(A.disqualify, '取消资格', [S.eligibilityHoldPublicity, S.eligibilityHoldApproval], S.rejected, ['admin'], { requiresComment: true, effects: [notify('application_rejected')] })
    .on(A.decline, '不予授予', S.awaitingApproval, S.notSelected, ['admin'], { requiresComment: true, effects: [notify('not_selected')] })
    .state(S.revoked, '已撤销', { terminal: true });

  if (award.family === 'brand') {
    b.state(S.recognised, '已认定', {
      terminal: true,
      timers: [{ kind: 'recognition_expiry', action: A.recognitionExpired, schedule: { afterContextKey: 'recognitionValidity' } }],
    })
      .state(S.renewalReview, '复核换证')
      .state(S.recognitionExpired, '认定已到期', { terminal: true })
      .on(A.approve, '审定认定', S.awaitingApproval, S.recognised, ['admin'], { effects: [notify('awarded')] })
      .on(A.recognitionExpired, '有效期届满', S.recognised, S.recognitionExpired, ['system'], { effects: [notify('recognition_expired')] })
      .on(A.requestRenewal, '申请复核换证', S.recognised, S.renewalReview, ['applicant'])
      .on(A.approveRenewal, '复核通过，延续认定', S.renewalReview, S.recognised, ['admin'], { effects: [notify('awarded')] })
      .on(A.rejectRenewal, '复核未通过', S.renewalReview, S.recognitionExpired, ['admin'], { requiresComment: true, effects: [notify('recognition_expired')] })
      .on(A.revoke, '撤销认定', [S.recognised, S.renewalReview], S.revoked, ['admin'], { requiresComment: true, effects: [notify('revoked')] });
  } else {
    b.state(S.awarded, awardedLabel, { terminal: true })
      .on(A.approve, '审定授奖', S.awaitingApproval, S.awarded, ['admin'], { effects: [notify('awarded')] })
      .on(A.revoke, '撤销奖项', S.awarded, S.revoked, ['admin'], { requiresComment: true, effects: [notify('revoked')] });
    if (award.secondTierLabel) {
      b.state(S.nominated, award.secondTierLabel, { terminal: true })
        .on(A.approveSecondTier, `审定为${award.secondTierLabel}`, S.awaitingApproval, S.nominated, ['admin'], { effects: [notify('nominated')] })
        .on(A.revoke, '撤销奖项', S.nominated, S.revoked, ['admin'], { requiresComment: true, effects: [notify('revoked')] });
    }
  }

  b.state(S.withdrawn, '已撤回', { terminal: true })
    .on(A.withdraw, '撤回申报', [...beforePanel], S.withdrawn, ['applicant'], { requiresComment: true, effects: [notify('application_withdrawn', 'admins')] });

  return {
    code: `${award.family}:${planKey(award.family, p)}`,
    version: FAMILY_DEFINITION_VERSION[award.family],
    label: `${familyLabel(award.family)}评审流程（${describePlan(award.family, p)}）`,
    roles: ROLES,
    initial: S.draft,
    states: b.states,
    transitions: b.transitions,
  };
}

export function familyLabel(family: AwardDefinition['family']): string {
  return { quality: '政府质量奖', engineering: '工程质量奖推荐', brand: '品牌认定' }[family];
}

function describePlan(family: AwardDefinition['family'], p: Required<StagePlan>): string {
  const parts: string[] = [];
  if (family === 'quality') parts.push(p.defense ? '含企业答辩' : '无企业答辩');
  if (family !== 'brand') parts.push(p.onsiteReview ? (family === 'engineering' ? '含现场复查' : '含现场评审') : '无现场评审');
  if (family === 'brand') parts.push(p.expertReview ? '含专家评审' : '无专家评审');
  if (family !== 'brand') parts.push(p.publicityBeforePanel ? '先公示后审议' : '先审议后公示');
  return parts.join('，');
}
