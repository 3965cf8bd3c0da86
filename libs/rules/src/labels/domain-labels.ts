/** zh-CN names of the API's enumerated values, shown by the console and written by the server. */

export type UserRole = 'applicant' | 'recommender' | 'reviewer' | 'admin';

export const ROLE_LABELS: Readonly<Record<UserRole, string>> = {
  applicant: '申报单位',
  recommender: '推荐单位',
  reviewer: '评审专家',
  admin: '评奖办公室',
};

// 'objector': who filed a 公示 objection is shown to the office only; others read this role instead.
export const ACTOR_ROLE_LABELS: Readonly<Record<string, string>> = { ...ROLE_LABELS, system: '系统', objector: '实名异议人' };

export type CycleStatus = 'draft' | 'open' | 'closed' | 'archived';

export const CYCLE_STATUS_LABELS: Readonly<Record<CycleStatus, string>> = { draft: '草稿', open: '开放申报', closed: '已截止', archived: '已归档' };

export const DEADLINE_KIND_LABELS: Readonly<Record<string, string>> = {
  application_window_close: '申报截止',
  supplement: '补正期限',
  publicity_end: '公示期满',
  review_due: '评审期限',
  review_reminder: '评审提醒',
  recognition_expiry: '认定有效期届满',
  recognition_expiry_notice: '认定到期提醒',
  rectification_due: '整改期限',
};
