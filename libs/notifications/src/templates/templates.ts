/** Variables a template may use. Dates arrive formatted in Beijing time. */
export interface TemplateVariables {
  awardName?: string;
  cycleTitle?: string;
  organizationName?: string;
  receiptNumber?: string | null;
  stateLabel?: string;
  reason?: string | null;
  deadline?: string | null;
  daysBefore?: number;
  link?: string;
  /** The certificate numbered at 审定 (award notices). */
  certificateNumber?: string | null;
  publicityEndsOn?: string | null;
  /** The last valid day of a 名牌's batch (YYYY-MM-DD), and the end of a 老字号's 整改 period. */
  validUntil?: string | null;
  rectificationDueOn?: string | null;
  /**
   * The outcome as worded for the award (libs/awards outcomeWording): 推荐参评2026年度鲁班奖,
   * 被认定为重庆名牌产品, 荣获…; a nomination is never announced as the award.
   */
  outcome?: string | null;
  outcomeKind?: 'award' | 'recognition' | 'nomination' | null;
  outcomeTitle?: string | null;
  /** A result decided above the office: where it went, and the 文号 and date of the decision. */
  recommendedTo?: string | null;
  documentNumber?: string | null;
  decidedOn?: string | null;
  /** 提醒专家: the expert's reviews of the cycle not yet scored, and how many of them are overdue. */
  pendingCount?: number;
  overdueCount?: number;
}

interface Template {
  title: (v: TemplateVariables) => string;
  body: (v: TemplateVariables) => string;
}

const award = (v: TemplateVariables) => `${v.cycleTitle ?? v.awardName ?? '评奖'}`;
const who = (v: TemplateVariables) => v.organizationName ?? '申报单位';
const receipt = (v: TemplateVariables) => (v.receiptNumber ? `（受理编号 ${v.receiptNumber}）` : '');
const because = (v: TemplateVariables) => (v.reason ? `原因：${v.reason}。` : '');
const publicityEnd = (v: TemplateVariables) => (v.publicityEndsOn ? `公示期至 ${v.publicityEndsOn} 24:00，` : '公示期内');
const certificate = (v: TemplateVariables) => (v.certificateNumber ? `证书编号：${v.certificateNumber}。` : '');
const decision = (v: TemplateVariables) => (v.documentNumber ? `（${v.documentNumber}${v.decidedOn ? `，${v.decidedOn}` : ''}）` : '');
/** 审定: an award is won, a recognition granted, a nomination only selected for the body above. */
const approvedBody = (v: TemplateVariables) =>
  v.outcomeKind === 'nomination'
    ? `${who(v)}：经审定，贵单位的申报${receipt(v)}已入选，${v.outcome}${v.recommendedTo ? `，将报送${v.recommendedTo}评定` : ''}；最终结果以其公布为准。${certificate(v)}`
    : v.outcomeKind === 'recognition' && v.outcome
      ? `${who(v)}：恭喜，经审定，贵单位${v.outcome}${receipt(v)}。${certificate(v)}`
      : `${who(v)}：恭喜，经审定，贵单位荣获${award(v)}${receipt(v)}。${certificate(v)}`;
const held = (v: TemplateVariables) =>
  v.outcomeKind === 'nomination' ? `${award(v)}的入选推荐资格` : v.outcomeKind === 'recognition' ? `的${award(v)}认定` : `所获${award(v)}`;
const open = (v: TemplateVariables) => (v.link ? `\n详情请登录查看：${v.link}` : '');

/** One zh-CN template per event. Keys are what `notify` effects and handlers name. */
export const TEMPLATES = {
  application_submitted: { title: (v) => `申报已提交：${award(v)}`, body: (v) => `${who(v)}：您的${award(v)}申报已成功提交${receipt(v)}，请留意后续评审通知。${open(v)}` },
  endorsement_requested: { title: (v) => `待推荐：${who(v)}`, body: (v) => `${who(v)}提交了${award(v)}申报${receipt(v)}，请予推荐审核。${open(v)}` },
  supplement_requested: { title: (v) => `补正通知：${award(v)}`, body: (v) => `${who(v)}：您的申报${receipt(v)}需要补正。${because(v)}请于 ${v.deadline ?? '规定期限'} 前补正并重新提交，逾期视为放弃。${open(v)}` },
  supplement_expired: { title: (v) => `补正逾期：${award(v)}`, body: (v) => `${who(v)}：您的申报${receipt(v)}未在期限内补正，已终止评审。${open(v)}` },
  application_rejected: { title: (v) => `审查未通过：${award(v)}`, body: (v) => `${who(v)}：您的申报${receipt(v)}未通过审查。${because(v)}${open(v)}` },
  application_withdrawn: { title: (v) => `申报已撤回：${who(v)}`, body: (v) => `${who(v)}撤回了${award(v)}申报${receipt(v)}。${because(v)}${open(v)}` },
  shortlisting_started: { title: (v) => `待入围审核：${who(v)}`, body: (v) => `${who(v)}的申报${receipt(v)}已完成资料评审，请进行入围审核。${open(v)}` },
  shortlisted: { title: (v) => `入围通知：${award(v)}`, body: (v) => `${who(v)}：恭喜，您的申报${receipt(v)}已入围，请做好后续评审准备。${open(v)}` },
  not_selected: { title: (v) => `评审结果：${award(v)}`, body: (v) => `${who(v)}：您的申报${receipt(v)}本次未获通过，感谢参与。${because(v)}${open(v)}` },
  panel_started: { title: (v) => `待评审委员会审议：${who(v)}`, body: (v) => `${who(v)}的申报${receipt(v)}进入评审委员会审议，请组织表决。${open(v)}` },
  publicity_started: { title: (v) => `社会公示：${award(v)}`, body: (v) => `${who(v)}：您的申报${receipt(v)}已列入社会公示，${publicityEnd(v)}如有异议将依规处理，您可在系统中查看并申辩。${open(v)}` },
  objection_filed: { title: (v) => `收到异议：${who(v)}`, body: (v) => `公示期间收到对${who(v)}${receipt(v)}的实名异议，申报已暂停，请及时核查处理。${open(v)}` },
  objection_resolved: { title: (v) => `异议处理结果：${award(v)}`, body: (v) => `${who(v)}：关于您申报${receipt(v)}的异议已处理完毕，当前状态：${v.stateLabel ?? ''}。${because(v)}${open(v)}` },
  eligibility_hold: { title: (v) => `资格复核未通过：${who(v)}`, body: (v) => `${who(v)}的申报${receipt(v)}在资格复核中发现问题，已暂停，请决定恢复或取消资格。${because(v)}${open(v)}` },
  awaiting_approval: { title: (v) => `待审定：${who(v)}`, body: (v) => `${who(v)}的申报${receipt(v)}公示期满，待审定。${open(v)}` },
  awarded: { title: (v) => `${v.outcomeTitle ?? '获奖通知'}：${award(v)}`, body: (v) => `${approvedBody(v)}${open(v)}` },
  nominated: { title: (v) => `提名奖通知：${award(v)}`, body: (v) => `${who(v)}：经审定，贵单位获得${award(v)}提名奖${receipt(v)}。${certificate(v)}${open(v)}` },
  revoked: { title: (v) => `撤销通知：${award(v)}`, body: (v) => `${who(v)}：贵单位${held(v)}${receipt(v)}已被撤销。${because(v)}${open(v)}` },
  // A result decided above the office, recorded by it: 推荐 sent, then 荣获 / 未获评 with the 文号.
  outside_recommended: { title: (v) => `推荐上报：${award(v)}`, body: (v) => `${who(v)}：贵单位的申报${receipt(v)}已于 ${v.decidedOn ?? ''} 报送${v.recommendedTo ?? '上级评选机构'}，${v.outcome ?? ''}。评定结果公布后将另行通知。${open(v)}` },
  outside_awarded: { title: (v) => `评定结果：${v.outcome ?? award(v)}`, body: (v) => `${who(v)}：恭喜，经${v.recommendedTo ?? '上级评选机构'}评定，贵单位${v.outcome ?? ''}${decision(v)}。${open(v)}` },
  outside_not_awarded: { title: (v) => `评定结果：${award(v)}`, body: (v) => `${who(v)}：经${v.recommendedTo ?? '上级评选机构'}评定，贵单位${v.outcome ?? ''}${decision(v)}，感谢参与。${open(v)}` },
  recognition_expired: { title: (v) => `认定到期：${award(v)}`, body: (v) => `${who(v)}：贵单位的${award(v)}认定${receipt(v)}有效期已届满，如需延续请申请复核。${open(v)}` },
  recognition_expiring: {
    title: (v) => `认定即将到期：${award(v)}`,
    body: (v) => `${who(v)}：贵单位的${award(v)}认定${receipt(v)}有效期${v.validUntil ? `至 ${v.validUntil} ` : '即将'}届满。如需继续保持认定，请在新一批申报中以本次认定为基础提交延续申报。${open(v)}`,
  },
  recheck_passed: { title: (v) => `复核通过：${award(v)}`, body: (v) => `${who(v)}：贵单位的${award(v)}认定${receipt(v)}经复核予以保留。${open(v)}` },
  rectification_ordered: {
    title: (v) => `限期整改通知：${award(v)}`,
    body: (v) => `${who(v)}：贵单位的${award(v)}认定${receipt(v)}经复核须限期整改，请于 ${v.rectificationDueOn ?? '规定期限'} 前完成整改，届时将再次复核。${because(v)}${open(v)}`,
  },
  rectification_period_ended: { title: (v) => `整改期满待复核：${who(v)}`, body: (v) => `${who(v)}的${award(v)}认定${receipt(v)}整改期限已满，请组织复核。${open(v)}` },
  deadline_extended: { title: (v) => `期限延长：${award(v)}`, body: (v) => `${who(v)}：您的申报${receipt(v)}相关期限已延长至 ${v.deadline ?? ''}。${because(v)}${open(v)}` },
  review_assigned: { title: (v) => `评审任务：${award(v)}`, body: (v) => `您有一份${award(v)}申报${receipt(v)}待评审，请于 ${v.deadline ?? '规定期限'} 前完成评分。${open(v)}` },
  review_reminder: { title: (v) => `评审提醒：${award(v)}`, body: (v) => `您负责的${award(v)}评审${receipt(v)}将于 ${v.daysBefore ?? ''} 天后（${v.deadline ?? ''}）到期，请尽快完成。${open(v)}` },
  review_overdue: { title: (v) => `评审逾期：${award(v)}`, body: (v) => `${award(v)}申报${receipt(v)}的专家评审已逾期未完成，请督办或重新分配。${open(v)}` },
  review_chased: {
    title: (v) => `评审督办：${award(v)}`,
    body: (v) =>
      `您负责的${award(v)}评审尚有 ${v.pendingCount ?? 0} 份未完成${v.overdueCount ? `（其中 ${v.overdueCount} 份已逾期）` : ''}，最早一份于 ${v.deadline ?? '规定期限'}（北京时间）到期，请尽快完成评分。${open(v)}`,
  },
  assignment_flagged: { title: (v) => `专家分配待处理：${award(v)}`, body: (v) => `申报${receipt(v)}无法按规则自动分配评审专家，请人工处理。${because(v)}${open(v)}` },
} satisfies Record<string, Template>;

export type TemplateKey = keyof typeof TEMPLATES;

export function isTemplateKey(key: string): key is TemplateKey {
  return key in TEMPLATES;
}

export function renderTemplate(key: TemplateKey, variables: TemplateVariables): { title: string; body: string } {
  const template: Template = TEMPLATES[key];
  return { title: template.title(variables), body: template.body(variables) };
}
