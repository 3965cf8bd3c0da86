import { ApiError } from './client';

/** Chinese names of the fields the API names in its errors. */
const FIELD_LABELS: Record<string, string> = {
  username: '用户名',
  password: '密码',
  displayName: '姓名',
  role: '角色',
  email: '邮箱',
  organizationId: '申报单位',
  officeIds: '所属办公室',
  name: '名称',
  uscc: '统一社会信用代码',
  usccOverrideReason: '代码校验例外理由',
  regionCode: '行政区划代码',
  address: '注册地址',
  legalRepresentative: '法定代表人',
  'contact.name': '联系人',
  'contact.phone': '联系电话',
  'contact.email': '联系邮箱',
  foundedAt: '成立日期',
  industry: '行业代码',
  cycleId: '评审周期',
  form: '申报书',
  'form.selfAssessment': '自评报告',
  'form.selfAssessment.leadership': '自评报告·领导',
  'form.selfAssessment.strategy': '自评报告·战略',
  'form.selfAssessment.customersAndMarkets': '自评报告·顾客与市场',
  'form.selfAssessment.resources': '自评报告·资源',
  'form.selfAssessment.processManagement': '自评报告·过程管理',
  'form.selfAssessment.measurementAnalysisImprovement': '自评报告·测量、分析与改进',
  'form.selfAssessment.results': '自评报告·结果',
  'form.keyResults': '关键绩效指标',
  'form.project': '工程项目',
  'form.project.name': '工程名称',
  'form.project.location': '工程地点',
  'form.project.scale': '工程规模',
  'form.project.investment': '工程投资',
  'form.project.constructionUnit': '建设单位',
  'form.project.completionAcceptanceDate': '竣工验收日期',
  'form.project.description': '工程简介',
  'form.brand': '品牌',
  'form.brand.name': '品牌名称',
  'form.brand.foundedYear': '品牌创立年份',
  'form.brand.category': '品类',
  'form.brand.description': '品牌简介',
  'form.product': '产品',
  'form.product.name': '产品名称',
  'form.product.batchProductionSince': '批量生产起始日期',
  'form.product.standard': '执行标准',
  documentType: '材料类型',
  file: '文件',
  comment: '意见（理由）',
  payload: '附加信息',
  'payload.findings': '现场评审发现',
  'payload.scoreAdjustment': '现场评审分数调整',
  'payload.banEditions': '禁止再次申报届数',
  'If-Match': '版本号',
  awardCode: '奖项',
  officeId: '办公室',
  year: '年度',
  title: '标题',
  applicationOpensAt: '申报开始日期',
  applicationClosesAt: '申报截止日期',
  stagePlan: '评审阶段',
  quota: '名额',
  'quota.awards': '获奖名额',
  'quota.secondTier.label': '第二档名称',
  'quota.secondTier.count': '第二档名额',
  reviewersPerApplication: '每份申报评审专家数',
  scoreAggregation: '计分方式',
  publicityDays: '公示天数',
  supplementDays: '补正天数',
  reviewDueDays: '评审期限天数',
  reminderDaysBefore: '提醒天数',
  panel: '评审委员会规则',
  'panel.quorum': '评审委员会法定人数',
  eligibility: '申报条件',
  durationOverrides: '测试用时长',
  'durationOverrides.publicity': '公示时长',
  'durationOverrides.supplement': '补正时长',
  'durationOverrides.reviewDue': '评审时长',
  'durationOverrides.recognitionValidity': '认定有效期',
  items: '评分',
  reviewerId: '评审专家',
  assignmentId: '评审任务',
  expertise: '专业领域',
  ties: '关联单位',
  maxLoad: '最大任务数',
  top: '入围名额',
  minScore: '入围分数线',
  memberIds: '评审委员会委员',
  vote: '表决意见',
  objectorName: '异议人姓名',
  objectorOrganization: '异议人单位',
  contactPhone: '联系电话',
  contactEmail: '联系邮箱',
  content: '异议内容',
  evidence: '证据',
  decision: '处理结论',
  resolution: '处理意见',
  grade: '质量信用等级',
  kind: '类别',
  reason: '理由',
  occurredAt: '发生日期',
  from: '起始日期',
  until: '截止日期',
  dueAt: '新的截止时间',
  by: '延长时长',
  state: '状态',
  search: '搜索',
};

export function fieldLabel(field: string): string {
  if (FIELD_LABELS[field]) return FIELD_LABELS[field];
  const item = /^items\[([^\]]+)\]$/.exec(field);
  if (item) return `评分项 ${item[1]}`;
  const indexed = /^(.*)\[(\d+)\](?:\.(.*))?$/.exec(field);
  if (indexed) return `${fieldLabel(indexed[1])}第 ${Number(indexed[2]) + 1} 项${indexed[3] ? `·${fieldLabel(indexed[3]).replace(/^.*·/, '')}` : ''}`;
  const keyResult = /^form\.keyResults\.(\d+)\.(\w+)$/.exec(field);
  if (keyResult) return `关键绩效指标第 ${Number(keyResult[1]) + 1} 行·${{ indicator: '指标', value: '数值', unit: '单位', year: '年份' }[keyResult[2]] ?? keyResult[2]}`;
  const last = field.split('.').pop()!;
  return FIELD_LABELS[last] ?? field;
}

/** class-validator and domain messages → Chinese. Unknown ones keep the original after a Chinese lead. */
const MESSAGE_RULES: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  [/must be longer than or equal to (\d+) characters?/, (m) => `至少 ${m[1]} 个字符`],
  [/must be shorter than or equal to (\d+) characters?/, (m) => `最多 ${m[1]} 个字符`],
  [/must be at least (\d+) characters/, (m) => `至少 ${m[1]} 个字符`],
  [/must be a string/, () => '须填写文本'],
  [/should not be empty/, () => '不能为空'],
  [/should not exist/, () => '不是可填写的字段'],
  [/must be an integer number/, () => '须为整数'],
  [/must be a number/, () => '须为数字'],
  [/must not be less than (-?[\d.]+)/, (m) => `不能小于 ${m[1]}`],
  [/must not be greater than (-?[\d.]+)/, (m) => `不能大于 ${m[1]}`],
  [/must be at least (-?[\d.]+)/, (m) => `不能小于 ${m[1]}`],
  [/must be an email/, () => '邮箱地址格式不正确'],
  [/must be a UUID/, () => '须为有效的编号'],
  [/must be a boolean/, () => '须为是或否'],
  [/must be an array/, () => '须为列表'],
  [/must be an object/, () => '格式不正确'],
  [/must be a date YYYY-MM-DD/, () => '须为日期（YYYY-MM-DD）'],
  [/must be a date \(YYYY-MM-DD, Beijing time\) or an ISO 8601 time/, () => '须为日期（YYYY-MM-DD，北京时间）或带时区的 ISO 8601 时间'],
  [/must be a date \(YYYY-MM-DD\) or an ISO 8601 time/, () => '须为日期（YYYY-MM-DD）或带时区的 ISO 8601 时间'],
  [/must be an ISO 8601 duration/, () => '须为 ISO 8601 时长（如 P7D、PT30S）'],
  [/must be a telephone number/, () => '电话号码格式不正确'],
  [/must be a 6-digit division code/, () => '须为 6 位行政区划代码（如 500103 渝中区）'],
  [/must be a GB\/T 4754 code/, () => '须为 GB/T 4754 行业代码（如 C3825）'],
  [/expertise entries must be GB\/T 4754 codes/, () => '须为 GB/T 4754 行业门类或代码（如 C、C38）'],
  [/ties must be 18-character credit codes/, () => '须为 18 位统一社会信用代码'],
  [/must be (?:3 to 64 )?letters, digits/, () => '须为 3–64 位字母、数字、点、下划线或连字符'],
  [/must be one of:? (.*)$/, (m) => `须为以下之一：${m[1]}`],
  [/must be (approve, reject or abstain)/, () => '须为同意、反对或弃权'],
  [/must be (uphold or dismiss)/, () => '须为异议成立或不成立'],
  [/uscc must be 18 characters \(got (\d+)\)/, (m) => `应为 18 位（当前 ${m[1]} 位）`],
  [/uscc must be written in capital letters/, () => '字母须大写'],
  [/uscc contains "(.)"/, (m) => `含有字符“${m[1]}”，统一社会信用代码不使用 I、O、Z、S、V`],
  [/uscc check character is wrong \(the first 17 characters give (.)\)/, (m) => `校验位错误（按前 17 位应为 ${m[1]}）`],
  [/score must not exceed ([\d.]+) \((.*)\)/, (m) => `不能超过该项满分 ${m[1]} 分（${m[2]}）`],
  [/score must not be negative/, () => '不能为负数'],
  [/score may have at most one decimal/, () => '最多保留一位小数'],
  [/score must be a number/, () => '须为数字'],
  [/(\S+) (.*) has no score/, (m) => `${m[1]} ${m[2]} 尚未评分`],
  [/(\S+) is not an item of/, (m) => `${m[1]} 不是评分细则中的条目`],
  [/(\S+) is scored twice/, (m) => `${m[1]} 重复评分`],
  [/needs a comment \(a reason\)/, () => '此操作须填写理由'],
  [/give either dueAt or by/, () => '请填写新的截止时间或延长时长（二选一）'],
  [/an extension must move the deadline later/, () => '延期后的时间须晚于原截止时间'],
  [/give either top or minScore/, () => '请填写入围名额或入围分数线（二选一）'],
  [/every member must be an active reviewer or admin/, () => '委员须为在职的评审专家或办公室人员'],
  [/must be after applicationOpensAt/, () => '须晚于申报开始日期'],
  [/must be in the future when the cycle opens/, () => '开放申报时，截止日期须在未来'],
  [/attach the file as multipart field/, () => '请选择要上传的文件'],
  [/register your organisation first/, () => '请先登记申报单位信息'],
  [/is ([\d]+) characters; at most ([\d]+) in all/, (m) => `共 ${m[1]} 字，合计不能超过 ${m[2]} 字`],
  [/must be a whole number of editions from 0 to 10/, () => '须为 0–10 的整数届数'],
  [/state the on-site findings/, () => '请填写现场评审发现（或在意见中说明）'],
  [/must be a number from -?([\d.]+) to ([\d.]+) with at most one decimal/, (m) => `须为 -${m[1]} 到 ${m[2]} 之间、最多一位小数的数字`],
  [/must be a user with the reviewer role/, () => '须为评审专家角色的用户'],
  [/must be an open (.*) cycle of the office above this one/, (m) => `须为上级评奖办公室开放申报中的${m[1]}评审周期`],
  [/the reviewer (.*)/, (m) => `该专家不能分配：${translateSentence(m[1])}`],
  [/short durations are switched off here/, () => '本环境未开启测试用短时长（ALLOW_SHORT_DURATIONS）'],
  [/must be the application version/, () => '须为申报的版本号'],
];

/** Whole domain messages (no field) → Chinese. */
const SENTENCE_RULES: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  [/^Someone else acted first: the application is now in (.*?)(?: \(version (\d+)\))?$/, (m) => `其他人已先一步操作，该申报现为「${m[1]}」`],
  [/^"(.*)" is not possible in state (.*)$/, (m) => `当前状态（${m[2]}）下不能执行此操作（${m[1]}）`],
  [/^"(.*)" needs the role (.*); you are (.*)$/, (m) => `您的角色无权执行此操作（${m[1]}）`],
  [/^"(.*)" is not possible now: (.*) does not hold$/, (m) => `条件未满足，暂不能执行此操作（${m[1]}）`],
  [/^The application cannot be submitted: (.*)$/, (m) => `申报未能提交：${m[1]}`],
  [/^Unknown user or wrong password|^Invalid username or password|wrong password/i, () => '用户名或密码错误'],
  [/^Sign in first|access token is invalid or has expired/, () => '登录已失效，请重新登录'],
  [/the form can only be edited as a draft or while a supplement is requested; it is (.*)$/, (m) => `只有草稿或待补正的申报可以修改申报书；该申报现为「${m[1]}」`],
  [/materials can be added as a draft or while a supplement is requested; the application is (.*)$/, (m) => `只有草稿或待补正的申报可以上传材料；该申报现为「${m[1]}」`],
  [/materials can only be deleted from a draft; the application is (.*)$/, (m) => `只有草稿可以删除材料；该申报现为「${m[1]}」`],
  [/^file is larger than 20 MiB/, () => '文件超过 20 MB，未能上传'],
  [/^file: only PDF, JPG, PNG, DOCX and XLSX are accepted; this file's content is (.*)$/, (m) => `只接受 PDF、JPG、PNG、DOCX、XLSX 文件；该文件的实际内容为 ${m[1]}`],
  [/your organisation already has an application in this cycle/, () => '贵单位在该评审周期已有一份申报'],
  [/an organisation with credit code (\S+) is already registered/, (m) => `统一社会信用代码 ${m[1]} 已登记`],
  [/you already act for an organisation/, () => '您的账号已关联申报单位'],
  [/cycle (.*) is not accepting applications/, (m) => `评审周期「${m[1]}」当前不受理申报`],
  [/only an open cycle can be closed; this one is (\w+)/, (m) => `只有开放中的评审周期可以截止申报；该周期状态为 ${CYCLE_STATUS[m[1]] ?? m[1]}`],
  [/^cycle is already (\w+)/, (m) => `评审周期已是${CYCLE_STATUS[m[1]] ?? m[1]}状态`],
  [/someone else changed the cycle first/, () => '其他人已先一步修改该评审周期，请刷新'],
  [/already has a (\d+) cycle in this office/, (m) => `该奖项在本办公室已有 ${m[1]} 年度的评审周期`],
  [/cannot change: applications have been submitted under the current rules/, () => '已有申报按现行规则提交，这些设置不能再修改'],
  [/the stage plan is pinned once the cycle is open/, () => '评审周期开放后，评审阶段不能再修改'],
  [/no quorum: (\d+) of the required (\d+) members voted/, (m) => `未达法定人数：应到 ${m[2]} 人，实际表决 ${m[1]} 人`],
  [/the (award|second-tier) quota of (\d+) is used up/, (m) => `${m[1] === 'award' ? '获奖' : '第二档'}名额（${m[2]} 个）已用完`],
  [/objections are accepted only during 社会公示; the application is (.*)$/, (m) => `只有在社会公示期内才能提出异议；该申报现为「${m[1]}」`],
  [/the objection was already (\w+)/, (m) => `该异议已处理（${m[1] === 'upheld' ? '异议成立' : '异议不成立'}）`],
  [/votes are taken while the application is before the panel; it is (.*)$/, (m) => `只有在评审委员会审议阶段才能表决；该申报现为「${m[1]}」`],
  [/the expert review of this application has closed/, () => '该申报的专家评审已结束，评分不能再修改'],
  [/the assignment is already (\w+)/, (m) => `该评审任务已${m[1] === 'declined' || m[1] === 'conflicted' ? '因回避结束' : '结束'}`],
  [/only an open assignment can be reassigned/, () => '只有进行中的评审任务可以改派'],
  [/experts are assigned during 资料评审/, () => '只有在资料评审阶段才能分配专家'],
  [/the deadline has already (fired|been cancelled)/, (m) => `该期限已${m[1] === 'fired' ? '到期执行' : '取消'}`],
  [/username (\S+) is taken/, (m) => `用户名 ${m[1]} 已被使用`],
  [/only the enterprise itself submits its application/, () => '只有申报单位本身可以提交申报'],
  [/^(\w+) (\S+) not found$|^(.+) not found$/, () => '未找到该记录，或您无权查看'],
  [/Too many|ThrottlerException/i, () => '请求过于频繁，请稍后再试'],
  [/does not recommend into another award/, () => '该奖项不推荐参评其他奖项'],
  [/the organisation already has an application in that cycle/, () => '该单位在所选评审周期已有申报'],
  [/recommendation is for the award office of the application's cycle/, () => '只有该申报所属的评奖办公室可以推荐'],
  [/^is not in the reviewer pool/, () => '不在评审专家库中或已停用'],
  [/^is tied to the applicant/, () => '与申报单位存在关联关系，须回避'],
  [/^declared a conflict with the applicant/, () => '已声明与申报单位存在利益冲突'],
  [/^already reviews this application/, () => '已在评审该申报'],
  [/only selected applications are recommended/, () => '只有获奖的申报可以推荐'],
  [/this application was already recommended/, () => '该申报已推荐过'],
  [/the application window is running/, () => '申报期内不能修改此项'],
];

const CYCLE_STATUS: Record<string, string> = { draft: '草稿', open: '开放申报', closed: '已截止', archived: '已归档' };

function translateSentence(message: string): string {
  for (const [pattern, render] of SENTENCE_RULES) {
    const m = pattern.exec(message);
    if (m) return render(m);
  }
  for (const [pattern, render] of MESSAGE_RULES) {
    const m = pattern.exec(message);
    if (m) return render(m);
  }
  return message;
}

/** One field message in Chinese (the field name itself is given separately). */
export function translateFieldMessage(field: string, message: string): string {
  for (const [pattern, render] of MESSAGE_RULES) {
    const m = pattern.exec(message);
    if (m) return render(m);
  }
  const translated = translateSentence(message);
  if (translated !== message) return translated;
  // Unknown: strip the repeated English property name and keep the text.
  const last = field.split('.').pop() ?? field;
  return `格式不正确（${message.startsWith(last + ' ') ? message.slice(last.length + 1) : message}）`;
}

const TITLE_BY_STATUS: Record<number, string> = {
  0: '无法连接服务器，请检查网络后重试',
  400: '填写的内容有误',
  401: '请重新登录',
  403: '您无权执行此操作',
  404: '未找到该记录，或您无权查看',
  409: '操作与当前状态冲突',
  413: '文件过大',
  415: '文件类型不受支持',
  422: '暂不能办理',
  429: '请求过于频繁，请稍后再试',
  500: '服务器出错，请稍后再试',
  503: '服务暂不可用，请稍后再试',
};

export interface DescribedError {
  /** One line in Chinese, e.g. "填写的内容有误". */
  title: string;
  /** Every problem in Chinese, each naming its field ("统一社会信用代码：校验位错误…"). */
  lines: string[];
  /** Per field (API name) the Chinese messages, to show beside the inputs. */
  fields: Record<string, string[]>;
  /** For a 409 VERSION_CONFLICT: the state the application is now in. */
  conflict?: { state: string; stateLabel: string; version: number };
  requestId?: string;
}

export function describeError(error: unknown): DescribedError {
  if (!(error instanceof ApiError)) {
    return { title: '出现意外错误', lines: [error instanceof Error ? error.message : String(error)], fields: {} };
  }
  const body = error.body;
  const fields: Record<string, string[]> = {};
  const lines: string[] = [];
  for (const problem of error.fields) {
    const messages = problem.messages.map((m) => translateFieldMessage(problem.field, m));
    fields[problem.field] = messages;
    lines.push(`${fieldLabel(problem.field)}：${messages.join('；')}`);
  }
  let title = TITLE_BY_STATUS[error.status] ?? `请求失败（${error.status}）`;
  let conflict: DescribedError['conflict'];
  if (error.code === 'VERSION_CONFLICT') {
    const stateLabel = String(body.currentStateLabel ?? body.currentState ?? '');
    conflict = { state: String(body.currentState ?? ''), stateLabel, version: Number(body.currentVersion) };
    title = `其他人已先一步操作，该申报现为「${stateLabel}」`;
  } else if (error.code === 'INELIGIBLE' && Array.isArray(body.reasons)) {
    title = '不符合提交条件，请先处理以下问题';
    for (const r of body.reasons as Array<{ rule: string; reason: string }>) lines.push(r.reason);
  } else if (!lines.length && body.message && typeof body.message === 'string') {
    const translated = translateSentence(body.message);
    if (translated !== body.message) lines.push(translated);
    else if (error.status === 401 && !body.message.includes('token')) lines.push('用户名或密码错误');
    else if (error.status >= 500) lines.push(`请求编号：${body.requestId ?? '—'}`);
    else lines.push(`服务器说明：${body.message}`);
  }
  if (error.status === 401 && /password|credentials|Unknown user/i.test(String(body.message ?? ''))) {
    title = '登录失败';
    lines.splice(0, lines.length, '用户名或密码错误');
  }
  return { title, lines, fields, conflict, requestId: body.requestId };
}

/** Plain text of a described error (title and lines), for message toasts. */
export function errorText(error: unknown): string {
  const d = describeError(error);
  return [d.title, ...d.lines].join('：');
}
