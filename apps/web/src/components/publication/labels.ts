import type { ObjectionChannel, ObjectionStatus } from '../../api/publication-types';

export const CHANNEL_LABELS: Record<ObjectionChannel, string> = { online: '在线提交', public: '公示页面', post: '信函', phone: '电话', mail: '电子邮件' };

export const OBJECTION_STATUS: Record<ObjectionStatus, { label: string; color: string }> = {
  open: { label: '待处理', color: 'orange' },
  upheld: { label: '异议成立', color: 'red' },
  dismissed: { label: '异议不成立', color: 'green' },
  superseded: { label: '已失效', color: 'default' },
};

/** What follows each decision, said before the office confirms it. */
export const RESOLVE_CONSEQUENCES = {
  uphold: '异议成立：该申报将被驳回，不再参与本周期评选；申报单位将收到通知（不含异议人信息）。此决定不可撤销。',
  dismiss: '异议不成立：公示期不重新计算。若公示期已满且该申报没有其他待处理的异议，申报随即进入下一环节；公示期未满的，继续公示至期满。',
} as const;

/** 18 characters: a 身份证号 (17 digits and a digit or X) or a 统一社会信用代码, as the API checks it. */
export const ID_NUMBER = /^([0-9]{17}[0-9Xx]|[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10})$/;
