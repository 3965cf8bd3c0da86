import type { Role } from '../api/types';

export const ROLE_LABELS: Record<Role, string> = {
  applicant: '申报单位',
  recommender: '推荐单位',
  reviewer: '评审专家',
  admin: '评奖办公室',
};

export const CYCLE_STATUS_LABELS: Record<string, string> = { draft: '草稿', open: '开放申报', closed: '已截止', archived: '已归档' };
export const CYCLE_STATUS_COLORS: Record<string, string> = { draft: 'default', open: 'green', closed: 'orange', archived: 'default' };

/** Workflow states with their usual labels (the API's stateLabel is shown where it is given). */
export const STATE_LABELS: Record<string, string> = {
  draft: '草稿',
  submitted: '已提交',
  awaiting_endorsement: '待推荐',
  formal_review: '形式审查',
  preliminary_review: '初审',
  supplement_requested: '待补正',
  expert_review: '资料评审',
  shortlisting: '入围审核',
  defense: '企业答辩',
  onsite_review: '现场评审',
  panel: '评审委员会审议',
  publicity: '社会公示',
  objection_review: '异议处理',
  eligibility_hold_publicity: '资格复核（公示）',
  eligibility_hold_approval: '资格复核（审定前）',
  awaiting_approval: '待审定',
  awarded: '已获奖',
  nominated: '提名奖',
  recognised: '已认定',
  renewal_review: '复核换证',
  expired: '逾期未提交',
  recognition_expired: '认定已到期',
  rejected: '未通过',
  not_selected: '未获奖',
  not_endorsed: '未获推荐',
  withdrawn: '已撤回',
  revoked: '已撤销',
};

export function stateColor(state: string): string {
  if (['awarded', 'recognised', 'nominated'].includes(state)) return 'success';
  if (['rejected', 'not_selected', 'not_endorsed', 'revoked', 'recognition_expired'].includes(state)) return 'error';
  if (['expired', 'withdrawn'].includes(state)) return 'default';
  if (['supplement_requested', 'objection_review', 'eligibility_hold_publicity', 'eligibility_hold_approval'].includes(state)) return 'warning';
  if (state === 'draft') return 'default';
  return 'processing';
}

export const SELF_ASSESSMENT_FIELDS: Array<[string, string]> = [
  ['leadership', '领导'],
  ['strategy', '战略'],
  ['customersAndMarkets', '顾客与市场'],
  ['resources', '资源'],
  ['processManagement', '过程管理'],
  ['measurementAnalysisImprovement', '测量、分析与改进'],
  ['results', '结果'],
];

export const RECORD_KIND_LABELS: Record<string, string> = {
  blacklist: '严重违法失信名单（黑名单）',
  abnormal_operation: '经营异常名录',
  major_accident: '重大质量、安全或环境事故',
  sampling_failure: '监督抽查严重不合格',
  penalty: '行政处罚',
  reapplication_ban: '禁止再次申报',
};

export const DEADLINE_KIND_LABELS: Record<string, string> = {
  application_window_close: '申报截止',
  supplement: '补正期限',
  publicity_end: '公示期满',
  review_due: '评审期限',
  review_reminder: '评审提醒',
  recognition_expiry: '认定有效期届满',
};

// 'objector': who filed a 公示 objection is shown to the office only; others read this role instead.
export const ACTOR_ROLE_LABELS: Record<string, string> = { ...ROLE_LABELS, system: '系统', objector: '实名异议人' };
