import { isReadableChinese } from '@awardflow/rules';
import { ApiError } from './client';

// The API words every refusal in Chinese (its message catalog, libs/platform/src/errors) and names
// each bad field by its Chinese label; the console shows what it is told and translates nothing.

const TITLE_BY_STATUS: Record<number, string> = {
  0: '无法连接服务器，请检查网络后重试',
  400: '填写的内容有误',
  401: '未能登录',
  403: '您无权执行此操作',
  404: '未找到',
  409: '操作与当前状态冲突',
  413: '文件过大',
  415: '文件类型不受支持',
  422: '暂不能办理',
  429: '请求过于频繁',
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
    fields[problem.field] = problem.messages;
    lines.push(`${problem.label ?? '填写的内容'}：${problem.messages.join('，')}`);
  }
  let title = TITLE_BY_STATUS[error.status] ?? `请求失败（${error.status}）`;
  let conflict: DescribedError['conflict'];
  // Not the API's answer (a proxy's page, a dropped connection): the title says enough.
  const message = isReadableChinese(body.message) ? body.message : undefined;
  if (error.code === 'VERSION_CONFLICT') {
    conflict = { state: String(body.currentState ?? ''), stateLabel: String(body.currentStateLabel ?? body.currentState ?? ''), version: Number(body.currentVersion) };
    if (message) title = message;
  } else if (error.code === 'INELIGIBLE' && Array.isArray(body.reasons)) {
    title = '不符合提交条件，请先处理以下问题';
    for (const r of body.reasons as Array<{ rule: string; reason: string }>) lines.push(r.reason);
  } else if (!lines.length && message && message !== title) {
    // The server's own words are the refusal (「提交」只能由申报单位办理): shown as they are, not
    // under a generic title; a server fault keeps its generic title and gives the request id.
    if (error.status > 0 && error.status < 500) title = message;
    else lines.push(message);
  }
  if (error.status >= 500) lines.push(`请求编号：${body.requestId ?? '—'}`);
  return { title, lines, fields, conflict, requestId: body.requestId };
}

/** Plain text of a described error (title and lines), for message toasts. */
export function errorText(error: unknown): string {
  const d = describeError(error);
  return [d.title, ...d.lines].join('：');
}
