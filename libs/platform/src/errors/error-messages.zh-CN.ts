import type { FieldError } from './domain-error';
import { ErrorCode } from './error-code';
import { fieldLabel } from './field-labels';

/** What NotFoundError names, in Chinese ("未找到该申报"). */
export const ENTITY_LABELS: Readonly<Record<string, string>> = {
  application: '申报',
  cycle: '评审周期',
  user: '用户',
  organization: '申报单位',
  attachment: '材料',
  material: '材料',
  assignment: '评审任务',
  objection: '异议',
  notification: '通知',
  deadline: '期限',
  award: '奖项',
  record: '信用记录',
  office: '办公室',
  job: '后台任务',
  'failed job': '失败的后台任务',
  'workflow instance': '流程实例',
  'workflow definition': '流程定义',
  'calendar year': '年度节假日安排',
  certificate: '证书',
  'award decision': '表彰决定',
  'recheck round': '复核批次',
  'recheck item': '复核对象',
  endorsement: '推荐意见',
  'endorsement letter': '推荐意见书',
  'outside result': '上级评选结果',
};

/** Where a person goes instead, for the actions that have their own use case (the action table's routes). */
const ROUTE_LABELS: Readonly<Record<string, string>> = {
  'POST /applications/:id/votes/close': '须由评奖办公室按评审委员会的表决结果计票',
  'POST /applications/:id/objections': '请在社会公示期内以实名书面异议提出',
  'POST /objections/:id/resolve': '须由评奖办公室在异议处理中作出决定',
  'POST /rechecks/:id/items/:itemId/outcome': '须由认定机关在复核中作出结论',
};

export const ROLE_LABELS: Readonly<Record<string, string>> = {
  applicant: '申报单位',
  recommender: '推荐单位',
  reviewer: '评审专家',
  admin: '评奖办公室',
  system: '系统',
};

export const CYCLE_STATUS_LABELS: Readonly<Record<string, string>> = { draft: '草稿', open: '开放申报', closed: '已截止', archived: '已归档' };

const ASSIGNMENT_STATUS_PHRASES: Readonly<Record<string, string>> = { assigned: '仍在进行中', scored: '已评分', conflict: '已因利益冲突回避', replaced: '已改派他人' };

const list = (items: readonly string[]) => items.join('、');
const roles = (names: readonly string[]) => list(names.map((r) => ROLE_LABELS[r] ?? r));
const quoted = (label: string | undefined, fallback: string) => `「${label ?? fallback}」`;

interface StateParams {
  /** The application's state now (its zh-CN label). */
  stateLabel: string;
}

/**
 * The message a person reads for each error code, produced once from the code and its parameters
 * (STYLE.md habit 15). Every code has one (the compiler checks it); each function's parameter is
 * the code's parameters, so `new DomainError(code, params)` is type-checked against it. The
 * parameters are client-safe and also appear as fields of the error body.
 */
export const ERROR_MESSAGES = {
  [ErrorCode.ValidationFailed]: (p: { errors?: FieldError[] }) =>
    p.errors?.length ? p.errors.map((e) => `${e.label ?? fieldLabel(e.field)}：${e.messages.join('，')}`).join('；') : '填写的内容有误',
  [ErrorCode.Unauthenticated]: () => '尚未登录或登录已失效，请重新登录',
  [ErrorCode.Forbidden]: (p: { requiredRoles?: string[]; actionLabel?: string }) =>
    p.requiredRoles?.length ? `${p.actionLabel ? `「${p.actionLabel}」` : '此操作'}只能由${roles(p.requiredRoles)}办理` : '您无权执行此操作',
  [ErrorCode.NotFound]: (p: { entity?: string; id?: string }) => `未找到该${(p.entity && ENTITY_LABELS[p.entity]) || '记录'}，或您无权查看`,
  [ErrorCode.Conflict]: () => '操作与当前状态冲突，请刷新后重试',
  [ErrorCode.VersionConflict]: (p: { currentState: string; currentStateLabel?: string; currentVersion: number }) =>
    `其他人已先一步操作，该申报现为${quoted(p.currentStateLabel, p.currentState)}，请刷新后再办理`,
  [ErrorCode.TransitionNotAllowed]: (p: { state: string; stateLabel?: string; action: string; actionLabel?: string }) =>
    `该申报现为${quoted(p.stateLabel, p.state)}，${p.actionLabel ? `不能办理「${p.actionLabel}」` : '不能执行此操作'}`,
  [ErrorCode.GuardFailed]: (p: { action: string; actionLabel?: string }) => `条件未满足，暂不能${p.actionLabel ? `办理「${p.actionLabel}」` : '执行此操作'}`,
  [ErrorCode.IneligibleApplication]: (p: { reasons: Array<{ rule: string; reason: string }> }) => `申报不符合要求：${p.reasons.map((r) => r.reason).join('；')}`,
  [ErrorCode.UnprocessableEntity]: () => '暂不能办理此请求',
  [ErrorCode.PayloadTooLarge]: () => '提交的内容过大',
  [ErrorCode.UnsupportedMediaType]: () => '提交的内容格式不受支持',
  [ErrorCode.RateLimited]: () => '请求过于频繁，请稍后再试',
  [ErrorCode.ServiceUnavailable]: () => '服务暂不可用，请稍后再试',
  [ErrorCode.Internal]: () => '服务器出错，请稍后再试；如问题持续，请将请求编号告知管理员',
  [ErrorCode.QuotaExhausted]: (p: { quota: number; tier: 'award' | 'second'; tierLabel?: string }) =>
    `本届${p.tier === 'award' ? '获奖' : (p.tierLabel ?? '第二档')}名额（${p.quota} 名）已用完`,
  [ErrorCode.QuotaExceededByBatch]: (p: { requested: number; quota: number; issued: number; tier: 'award' | 'second'; tierLabel?: string }) =>
    `本次批量审定 ${p.requested} 项，超出本届${p.tier === 'award' ? '获奖' : (p.tierLabel ?? '第二档')}名额（${p.quota} 名，已审定 ${p.issued} 名，尚余 ${Math.max(0, p.quota - p.issued)} 名）；未办理任何一项`,
  [ErrorCode.RecommenderQuotaReached]: (p: { quota: number; recommender: string; cycleTitle: string }) =>
    `${p.recommender}在「${p.cycleTitle}」的推荐名额（${p.quota} 个）已用完，不能再推荐`,
  [ErrorCode.OutsideResultNotAllowed]: (p: { reason: string }) => p.reason,
  [ErrorCode.UsernameTaken]: (p: { username: string }) => `用户名 ${p.username} 已被使用`,
  [ErrorCode.UsccTaken]: (p: { uscc: string }) => `统一社会信用代码 ${p.uscc} 已登记`,
  [ErrorCode.AlreadyHasOrganization]: () => '您的账号已关联申报单位',
  // Per subject where the award is given to a project or product (issue 17): `subject` is its label (工程项目, 产品).
  [ErrorCode.AlreadyApplied]: (p?: { subject?: string; unnamed?: boolean }) =>
    p?.subject && p.unnamed ? `该单位在此评审周期已有一份尚未填写${p.subject}的申报，请先在其中填写${p.subject}` : p?.subject ? `该${p.subject}在此评审周期已有一份申报` : '该单位在此评审周期已有一份申报',
  [ErrorCode.FormNotEditable]: (p: StateParams) => `只有草稿或待补正的申报可以修改申报书；该申报现为「${p.stateLabel}」`,
  [ErrorCode.MaterialsNotEditable]: (p: StateParams) => `只有草稿或待补正的申报可以上传材料；该申报现为「${p.stateLabel}」`,
  [ErrorCode.MaterialsNotDeletable]: (p: StateParams) => `只有草稿可以删除材料；该申报现为「${p.stateLabel}」`,
  [ErrorCode.FileTooLarge]: (p: { limitMb: number }) => `文件超过 ${p.limitMb} MB，未能上传`,
  [ErrorCode.FileTypeNotAccepted]: (p: { accepted: string[]; detected: string }) => `只接受 ${list(p.accepted)} 文件；检测到该文件为：${p.detected}`,
  [ErrorCode.CycleNotOpen]: (p: { title: string }) => `评审周期「${p.title}」当前不受理申报`,
  [ErrorCode.CycleLocked]: (p: { cycleStatus: string }) => `评审周期${CYCLE_STATUS_LABELS[p.cycleStatus] ?? p.cycleStatus}，不能再修改`,
  [ErrorCode.StagePlanPinned]: () => '评审周期开放后，评审阶段不能再修改',
  [ErrorCode.ApplicationWindowRunning]: () => '申报期内不能修改申报起止日期；如需延后截止，请延长申报期限',
  [ErrorCode.CycleRulesFrozen]: (p: { fields: string[] }) => `已有申报按现行规则提交，以下设置不能再修改：${list(p.fields.map(fieldLabel))}`,
  [ErrorCode.CycleExists]: (p: { awardName: string; year: number }) => `${p.awardName}在本办公室已有 ${p.year} 年度的评审周期`,
  [ErrorCode.CycleAlreadyOpened]: (p: { cycleStatus: string }) => `评审周期已开放过，当前为「${CYCLE_STATUS_LABELS[p.cycleStatus] ?? p.cycleStatus}」`,
  [ErrorCode.CycleNotClosable]: (p: { cycleStatus: string }) => `只有开放申报的评审周期可以截止申报；该周期当前为「${CYCLE_STATUS_LABELS[p.cycleStatus] ?? p.cycleStatus}」`,
  [ErrorCode.CycleChanged]: () => '其他人已先一步修改该评审周期，请刷新后重试',
  [ErrorCode.DeadlineSettled]: (p: { deadlineStatus: 'fired' | 'cancelled' }) => `该期限${p.deadlineStatus === 'fired' ? '已到期执行' : '已取消'}，不能再延长`,
  [ErrorCode.AssignmentClosed]: (p: { assignmentStatus: string }) => `该评审任务${ASSIGNMENT_STATUS_PHRASES[p.assignmentStatus] ?? '已结束'}，不能再变更`,
  [ErrorCode.NotInExpertReview]: () => '只有在资料评审阶段才能分配专家',
  [ErrorCode.ScoringClosed]: () => '该申报的专家评审已结束，评分不能再修改',
  [ErrorCode.NotCycleOffice]: (p: { actionLabel: string }) => `只有该评审周期所属的评奖办公室可以${p.actionLabel}`,
  [ErrorCode.ObjectionPeriodClosed]: (p: StateParams) => `只有在社会公示期内才能提出异议；该申报现为「${p.stateLabel}」`,
  [ErrorCode.ObjectionDecided]: (p: { objectionStatus: string }) =>
    `该异议已处理（${p.objectionStatus === 'upheld' ? '异议成立' : p.objectionStatus === 'superseded' ? '因另一异议成立，申报已被驳回' : '异议不成立'}）`,
  [ErrorCode.ObjectionWindowEnded]: (p: { endsOn: string }) => `公示期已于 ${p.endsOn} 24:00 结束，不再受理异议`,
  [ErrorCode.ObjectionWindowNotStarted]: (p: { startsOn: string }) => `该公示于 ${p.startsOn} 发布，发布后方可提出异议`,
  [ErrorCode.ObjectionNotAccepted]: () => '该公示对象的异议受理已经结束，不再受理异议',
  [ErrorCode.NothingToPublish]: () => '所选申报均不在「待公示」状态，没有可发布的公示名单',
  [ErrorCode.VotingClosed]: (p: StateParams) => `只有在评审委员会审议阶段才能表决；该申报现为「${p.stateLabel}」`,
  [ErrorCode.NoQuorum]: (p: { present: number; quorum: number }) => `未达法定人数：应到 ${p.quorum} 人，实际表决 ${p.present} 人`,
  [ErrorCode.NoRecommendationTarget]: (p: { awardName: string }) => `${p.awardName}不推荐参评其他奖项`,
  [ErrorCode.NotSelected]: (p: StateParams) => `只有获奖的申报可以推荐；该申报现为「${p.stateLabel}」`,
  [ErrorCode.AlreadyRecommended]: () => '该申报已推荐过',
  [ErrorCode.DefinitionConflict]: (p: { definitionCode: string; definitionVersion: number }) =>
    `流程定义 ${p.definitionCode} 第 ${p.definitionVersion} 版已以不同内容登记，请登记为新版本`,
  [ErrorCode.CalendarYearMissing]: (p: { year: number }) =>
    `系统中还没有 ${p.year} 年的法定节假日和调休安排，不能按工作日计算该期限；请在国务院办公厅公布当年节假日安排后由管理员录入`,
  [ErrorCode.CalendarYearShipped]: (p: { year: number; notice: string }) =>
    `${p.year} 年的节假日安排已按${p.notice}随系统提供，不能直接覆盖；如国务院办公厅另行发布了调整通知，请勾选“替换随系统提供的安排”后再保存`,
  [ErrorCode.CertificateNumberTaken]: (p: { number: string }) =>
    `证书编号 ${p.number} 已被另一张证书使用，未能审定；证书编号在全系统唯一，请修改本届的证书编号格式（宜含办公室代码与奖项代码）后再审定`,
  [ErrorCode.CertificatePdfPending]: () => '证书 PDF 正在生成，请稍后再下载',
  [ErrorCode.UnknownAction]: (p: { action: string }) => `没有名为「${p.action}」的操作`,
  [ErrorCode.ActionHasDedicatedRoute]: (p: { action: string; route: string; actionLabel?: string }) =>
    `「${p.actionLabel ?? p.action}」不能在这里直接办理，${ROUTE_LABELS[p.route] ?? `请使用 ${p.route}`}`,
  [ErrorCode.ActionTakenBySystem]: (p: { action: string; actionLabel?: string }) => `「${p.actionLabel ?? p.action}」由系统按期限或计算结果自动办理，不能人工提交`,
  [ErrorCode.NotNamedForStage]: (p: { action: string; stage: 'formal_review' | 'onsite_review'; actionLabel?: string }) =>
    p.stage === 'formal_review'
      ? `形式审查（初审）由本届评奖办公室或其指定的评审专家办理，您未被指定，不能办理「${p.actionLabel ?? p.action}」`
      : `现场评审由评奖办公室为该申报或本届指定的评审专家办理，您未被指定，不能办理「${p.actionLabel ?? p.action}」`,
  [ErrorCode.MalformedBody]: (p: { encoding?: string }) => (p.encoding ? `请求体无法按所声明的内容编码“${p.encoding}”解压` : '请求体无法读取：不是合法的 JSON 或内容不完整'),
  [ErrorCode.BodyTooDeep]: (p: { maxDepth?: number }) => `请求体嵌套过深：最多 ${p.maxDepth ?? 32} 层`,
} satisfies { [C in ErrorCode]: (params: never) => string };

/** The parameters of an error code: what its message needs. */
export type ErrorParams<C extends ErrorCode> = Parameters<(typeof ERROR_MESSAGES)[C]> extends [] ? undefined : Parameters<(typeof ERROR_MESSAGES)[C]>[0];

/** The zh-CN message of a code with its parameters. */
export function errorMessage<C extends ErrorCode>(code: C, params: ErrorParams<C>): string {
  return (ERROR_MESSAGES[code] as (p: ErrorParams<C>) => string)(params);
}
