import { S, StateName } from './workflow-names';

/**
 * Every workflow state's usual zh-CN label. A definition may label a state otherwise for one award
 * (the API's stateLabel then wins); this is what is shown where no instance says.
 */
export const STATE_LABELS: Readonly<Record<string, string>> = {
  [S.draft]: '草稿',
  [S.submitted]: '已提交',
  [S.awaitingEndorsement]: '待推荐',
  [S.formalReview]: '形式审查',
  [S.preliminaryReview]: '初审',
  [S.supplementRequested]: '待补正',
  [S.expertReview]: '资料评审',
  [S.shortlisting]: '入围审核',
  [S.defense]: '企业答辩',
  [S.onsiteReview]: '现场评审',
  [S.comprehensiveSelection]: '综合评选',
  [S.panel]: '评审委员会审议',
  [S.governmentApproval]: '政府审批',
  [S.awaitingPublicity]: '待公示',
  [S.publicity]: '社会公示',
  [S.objectionReview]: '异议处理',
  [S.eligibilityHoldPublicity]: '资格复核（公示）',
  [S.eligibilityHoldApproval]: '资格复核（审定前）',
  [S.awaitingApproval]: '待审定',
  [S.awarded]: '已获奖',
  [S.nominated]: '提名奖',
  [S.recognised]: '已认定',
  [S.renewalReview]: '复核换证',
  [S.expired]: '逾期未提交',
  [S.recognitionExpired]: '认定已到期',
  [S.rectification]: '限期整改',
  [S.rectificationDue]: '整改期满待复核',
  [S.rejected]: '未通过',
  [S.notSelected]: '未获奖',
  [S.notEndorsed]: '未获推荐',
  [S.withdrawn]: '已撤回',
  [S.revoked]: '已撤销',
} satisfies Record<StateName, string>;

/** How a state reads at a glance: won, lost, set aside, waiting on someone, or under way. */
export type StateTone = 'success' | 'error' | 'default' | 'warning' | 'processing';

const TONES: Partial<Record<StateName, StateTone>> = {
  [S.awarded]: 'success',
  [S.recognised]: 'success',
  [S.nominated]: 'success',
  [S.rejected]: 'error',
  [S.notSelected]: 'error',
  [S.notEndorsed]: 'error',
  [S.revoked]: 'error',
  [S.recognitionExpired]: 'error',
  [S.expired]: 'default',
  [S.withdrawn]: 'default',
  [S.draft]: 'default',
  [S.supplementRequested]: 'warning',
  [S.objectionReview]: 'warning',
  [S.eligibilityHoldPublicity]: 'warning',
  [S.eligibilityHoldApproval]: 'warning',
  [S.rectification]: 'warning',
  [S.rectificationDue]: 'warning',
};

export function stateTone(state: string): StateTone {
  return TONES[state as StateName] ?? 'processing';
}
