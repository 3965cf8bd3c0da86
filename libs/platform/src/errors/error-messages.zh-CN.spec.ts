import { describe, expect, it } from '@jest/globals';
import { isReadableChinese } from '@awardflow/rules';
import { DomainError, FieldValidationError, ForbiddenError, NotFoundError } from './domain-error';
import { ErrorCode, HTTP_STATUS_OF } from './error-code';
import { ERROR_MESSAGES, ErrorParams, errorMessage } from './error-messages.zh-CN';

/** Parameters for every code; typed, so a new code without a sample does not compile. */
const SAMPLES: { [C in ErrorCode]: ErrorParams<C> } = {
  [ErrorCode.ValidationFailed]: { errors: [{ field: 'organizationId', messages: ['须为有效的编号'] }] },
  [ErrorCode.Unauthenticated]: undefined,
  [ErrorCode.Forbidden]: { requiredRoles: ['applicant'], actionLabel: '提交申报' },
  [ErrorCode.NotFound]: { entity: 'application', id: '6c1f4f7e-2d0a-4c59-9a55-1f1f1f1f1f1f' },
  [ErrorCode.Conflict]: undefined,
  [ErrorCode.VersionConflict]: { currentState: 'submitted', currentStateLabel: '已提交', currentVersion: 3 },
  [ErrorCode.TransitionNotAllowed]: { state: 'submitted', stateLabel: '已提交', action: 'submit', actionLabel: '提交申报' },
  [ErrorCode.GuardFailed]: { action: 'close_panel_vote', actionLabel: '结束表决' },
  [ErrorCode.IneligibleApplication]: { reasons: [{ rule: 'documents', reason: '缺少申报材料：营业执照' }] },
  [ErrorCode.UnprocessableEntity]: undefined,
  [ErrorCode.PayloadTooLarge]: undefined,
  [ErrorCode.UnsupportedMediaType]: undefined,
  [ErrorCode.RateLimited]: undefined,
  [ErrorCode.ServiceUnavailable]: undefined,
  [ErrorCode.Internal]: undefined,
  [ErrorCode.QuotaExhausted]: { quota: 2, tier: 'award' },
  [ErrorCode.QuotaExceededByBatch]: { requested: 3, quota: 3, issued: 1, tier: 'award' },
  [ErrorCode.RecommenderQuotaReached]: { quota: 3, recommender: '九龙坡区市场监督管理局', cycleTitle: '2026年度重庆市市长质量管理奖' },
  [ErrorCode.OutsideResultNotAllowed]: { reason: '该申报尚未完成本地推荐，不能登记上级评选结果' },
  [ErrorCode.UsernameTaken]: { username: 'zhang.san' },
  [ErrorCode.UsccTaken]: { uscc: '91350100M000100Y43' },
  [ErrorCode.AlreadyHasOrganization]: undefined,
  [ErrorCode.AlreadyApplied]: { subject: '工程项目' },
  [ErrorCode.FormNotEditable]: { stateLabel: '已提交' },
  [ErrorCode.MaterialsNotEditable]: { stateLabel: '已提交' },
  [ErrorCode.MaterialsNotDeletable]: { stateLabel: '待补正' },
  [ErrorCode.FileTooLarge]: { limitMb: 20 },
  [ErrorCode.FileTypeNotAccepted]: { accepted: ['PDF', 'JPG'], detected: 'Windows 可执行程序' },
  [ErrorCode.CycleNotOpen]: { title: '2026年度渝中区区长质量管理奖' },
  [ErrorCode.CycleLocked]: { cycleStatus: 'closed' },
  [ErrorCode.StagePlanPinned]: undefined,
  [ErrorCode.ApplicationWindowRunning]: undefined,
  [ErrorCode.CycleRulesFrozen]: { fields: ['quota', 'eligibility'] },
  [ErrorCode.CycleExists]: { awardName: '渝中区区长质量管理奖', year: 2026 },
  [ErrorCode.CycleAlreadyOpened]: { cycleStatus: 'open' },
  [ErrorCode.CycleNotClosable]: { cycleStatus: 'draft' },
  [ErrorCode.CycleChanged]: undefined,
  [ErrorCode.DeadlineSettled]: { deadlineStatus: 'fired' },
  [ErrorCode.AssignmentClosed]: { assignmentStatus: 'scored' },
  [ErrorCode.NotInExpertReview]: undefined,
  [ErrorCode.ScoringClosed]: undefined,
  [ErrorCode.NotCycleOffice]: { actionLabel: '审定' },
  [ErrorCode.ObjectionPeriodClosed]: { stateLabel: '已获奖' },
  [ErrorCode.ObjectionDecided]: { objectionStatus: 'upheld' },
  [ErrorCode.ObjectionWindowEnded]: { endsOn: '2025-10-13' },
  [ErrorCode.ObjectionWindowNotStarted]: { startsOn: '2025-09-29' },
  [ErrorCode.ObjectionNotAccepted]: undefined,
  [ErrorCode.NothingToPublish]: undefined,
  [ErrorCode.VotingClosed]: { stateLabel: '社会公示' },
  [ErrorCode.NoQuorum]: { present: 3, quorum: 5 },
  [ErrorCode.NoRecommendationTarget]: { awardName: '重庆市长质量管理奖' },
  [ErrorCode.NotSelected]: { stateLabel: '未获奖' },
  [ErrorCode.AlreadyRecommended]: undefined,
  [ErrorCode.DefinitionConflict]: { definitionCode: 'quality-award', definitionVersion: 2 },
  [ErrorCode.CalendarYearMissing]: { year: 2027 },
  [ErrorCode.CalendarYearShipped]: { year: 2025, notice: '国办发明电〔2024〕12号' },
  [ErrorCode.CertificateNumberTaken]: { number: '2026DMQ-500103-J001' },
  [ErrorCode.CertificatePdfPending]: undefined,
  [ErrorCode.UnknownAction]: { action: 'approve_all' },
  [ErrorCode.ActionHasDedicatedRoute]: { action: 'close_panel_vote', route: 'POST /applications/:id/votes/close' },
  [ErrorCode.ActionTakenBySystem]: { action: 'publicity_ended' },
  [ErrorCode.NotNamedForStage]: { action: 'pass_formal_review', stage: 'formal_review' },
  [ErrorCode.MalformedBody]: { encoding: 'gzip' },
  [ErrorCode.BodyTooDeep]: { maxDepth: 32 },
};

/** Latin words a Chinese message may use: file formats and units. */
const ALLOWED_LATIN = new Set(['PDF', 'JPG', 'PNG', 'DOCX', 'XLSX', 'MB']);

/** The template's own words: the message with the sample's values taken out. */
function templateText(message: string, params: unknown): string {
  const values: string[] = [];
  const collect = (v: unknown): void => {
    if (typeof v === 'string' || typeof v === 'number') values.push(String(v));
    else if (Array.isArray(v)) v.forEach(collect);
    else if (v && typeof v === 'object') Object.values(v).forEach(collect);
  };
  collect(params);
  return values.sort((a, b) => b.length - a.length).reduce((text, v) => text.split(v).join(''), message);
}

describe('the zh-CN error catalog', () => {
  it('words every error code and gives each an HTTP status', () => {
    for (const code of Object.values(ErrorCode)) {
      expect(typeof ERROR_MESSAGES[code]).toBe('function');
      expect(HTTP_STATUS_OF[code]).toBeGreaterThanOrEqual(400);
    }
  });

  it.each(Object.values(ErrorCode))('%s reads as Chinese, with no Latin word but formats and units', (code) => {
    const message = errorMessage(code, SAMPLES[code] as never);
    expect(isReadableChinese(message)).toBe(true);
    const latin = templateText(message, SAMPLES[code]).match(/[A-Za-z]+/g) ?? [];
    expect(latin.filter((word) => !ALLOWED_LATIN.has(word))).toEqual([]);
  });

  it('says how many awards the quota allowed, for either tier', () => {
    expect(errorMessage(ErrorCode.QuotaExhausted, { quota: 2, tier: 'award' })).toBe('本届获奖名额（2 名）已用完');
    expect(errorMessage(ErrorCode.QuotaExhausted, { quota: 1, tier: 'second', tierLabel: '提名奖' })).toBe('本届提名奖名额（1 名）已用完');
  });

  it('names the field by its Chinese label in a validation message, never by its path', () => {
    const error = new FieldValidationError([
      { field: 'organizationId', messages: ['须为有效的编号'] },
      { field: 'form.selfAssessment.results', messages: ['不能为空', '最多 5000 个字符'] },
    ]);
    expect(error.message).toBe('申报单位：须为有效的编号；自评报告·结果：不能为空，最多 5000 个字符');
    expect(error.fields.map((f) => f.label)).toEqual(['申报单位', '自评报告·结果']);
    expect(error.params).toEqual({ errors: error.fields });
  });
});

describe('DomainError', () => {
  it('takes its message from the catalog and keeps its parameters apart from its details', () => {
    const error = new DomainError(ErrorCode.QuotaExhausted, { quota: 2, tier: 'award' }, { issued: 2 });
    expect(error).toMatchObject({ code: 'QUOTA_EXHAUSTED', message: '本届获奖名额（2 名）已用完', params: { quota: 2, tier: 'award' }, details: { issued: 2 } });
  });

  it('names what was not found in Chinese, keeping NotFoundError(what, id)', () => {
    expect(new NotFoundError('application', 'x')).toMatchObject({ code: 'NOT_FOUND', message: '未找到该申报，或您无权查看', params: { entity: 'application', id: 'x' } });
    expect(new NotFoundError('something new').message).toBe('未找到该记录，或您无权查看');
  });

  it('names who may act when it refuses a role', () => {
    expect(new ForbiddenError(['admin'], '审定').message).toBe('「审定」只能由评奖办公室办理');
    expect(new ForbiddenError().message).toBe('您无权执行此操作');
  });
});

describe('isReadableChinese', () => {
  it.each([
    ['本届获奖名额（2 名）已用完', true],
    ['须为 ISO 8601 时长（如 P7D、PT30S）', true],
    ['只接受 PDF、JPG、PNG 文件', true],
    ['objections are accepted only during 社会公示', false],
    ['Internal server error', false],
    ['', false],
  ])('%s → %s', (text, readable) => {
    expect(isReadableChinese(text)).toBe(readable);
  });
});
