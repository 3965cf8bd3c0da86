/**
 * `npm run demo`: a small 区长质量管理奖 cycle driven through the public HTTP API of a running
 * Awardflow (`npm start` in another terminal): four enterprises apply, three experts score, the
 * panel votes, 社会公示 takes an objection, the office approves. Prints the timeline as it goes,
 * then each application's final state and the ranking. Takes about a minute.
 *
 *   DEMO_URL (default http://localhost:3000), ADMIN_USERNAME / ADMIN_PASSWORD (default admin / awardflow-admin)
 */
import { getAward } from '../libs/awards/src/catalog/award-catalog';
import { rubricItems } from '../libs/awards/src/rubric/rubric.types';
import { usccCheckCharacter } from '../libs/applications/src/organizations/uscc';

const BASE = (process.env.DEMO_URL ?? 'http://localhost:3000').replace(/\/$/, '');
const ADMIN = { username: process.env.ADMIN_USERNAME ?? 'admin', password: process.env.ADMIN_PASSWORD ?? 'awardflow-admin' };
const AWARD = 'district-quality-award';
const RUN = Date.now().toString(36).slice(-5);
const started = Date.now();
const PASSWORD = 'demo-password-1';

function step(message: string): void {
  const s = Math.round((Date.now() - started) / 1000);
  console.log(`[${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}] ${message}`);
}

class ApiError extends Error {
  constructor(readonly status: number, readonly body: unknown, what: string) {
    super(`${what}: HTTP ${status} ${JSON.stringify(body)}`);
  }
}

async function call<T = any>(method: string, path: string, token: string | null, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const isForm = body instanceof FormData;
  const res = await fetch(`${BASE}${path}`, {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body !== undefined && !isForm ? { 'Content-Type': 'application/json' } : {}), ...headers },
    body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
  });
  const text = await res.text();
  const parsed = text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
  if (!res.ok) throw new ApiError(res.status, parsed, `${method} ${path}`);
  return parsed as T;
}

async function login(username: string, password: string): Promise<string> {
  return (await call<{ accessToken: string }>('POST', '/auth/login', null, { username, password })).accessToken;
}

async function waitUntil<T>(what: string, check: () => Promise<T | null | false>, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} (is the worker running?)`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

function uscc(i: number): string {
  const body = `915001030${RUN.toUpperCase().replace(/[^0-9A-HJ-NP-RTUWXY]/g, '0').padStart(5, '0')}${String(i).padStart(3, '0')}`.slice(0, 17);
  return body + usccCheckCharacter(body);
}

function pdf(label: string): Blob {
  return new Blob([`%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n% ${label}\ntrailer<</Root 1 0 R>>\n%%EOF\n`], { type: 'application/pdf' });
}

const ENTERPRISES = [
  { name: '重庆长江精密仪器有限公司', quality: 0.86 },
  { name: '重庆山城智能装备股份有限公司', quality: 0.8 },
  { name: '重庆嘉陵新材料科技有限公司', quality: 0.74 },
  { name: '重庆解放碑电子元件有限公司', quality: 0.62 },
];

async function main(): Promise<void> {
  step(`Awardflow demo against ${BASE}`);
  await call('GET', '/health', null).catch((e) => {
    throw new Error(`the product does not answer at ${BASE} (start it with npm start): ${(e as Error).message}`);
  });
  const admin = await login(ADMIN.username, ADMIN.password);

  // Experts in the office's pool.
  const experts: Array<{ id: string; token: string; name: string }> = [];
  for (const [i, name] of ['王建国', '李淑芬', '陈志强'].entries()) {
    const username = `demo-expert-${RUN}-${i + 1}`;
    const user = await call('POST', '/users', admin, { username, password: PASSWORD, role: 'reviewer', displayName: `${name}（专家）`, email: `${username}@example.cn` });
    await call('POST', '/reviews/reviewers', admin, { userId: user.id, expertise: ['C'], ties: [] });
    experts.push({ id: user.id, token: await login(username, PASSWORD), name });
  }
  step(`评审专家库：${experts.map((e) => e.name).join('、')}`);

  // The cycle: short 公示 so the demo finishes in a minute.
  let cycle: any;
  for (let year = new Date().getFullYear(); !cycle; year++) {
    try {
      cycle = await call('POST', '/cycles', admin, {
        awardCode: AWARD,
        year,
        title: `${year}年度渝中区区长质量管理奖（演示 ${RUN}）`,
        applicationOpensAt: `${new Date().toISOString().slice(0, 10)}`,
        applicationClosesAt: `${year + 1}-12-31`,
        quota: { awards: 1, secondTier: { label: '提名奖', count: 1 } },
        reviewersPerApplication: 3,
        stagePlan: { defense: false, onsiteReview: false, publicityBeforePanel: false },
        panel: { quorum: 3 },
        durationOverrides: { publicity: 'PT15S' },
      });
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 409) || year > 2099) throw error;
    }
  }
  await call('POST', `/cycles/${cycle.id}/open`, admin);
  step(`开放申报：${cycle.title}`);

  // Enterprises register, fill in, upload and submit.
  const apps: Array<{ id: string; name: string; token: string; quality: number; receipt?: string }> = [];
  for (const [i, e] of ENTERPRISES.entries()) {
    const username = `demo-ent-${RUN}-${i + 1}`;
    await call('POST', '/users', admin, { username, password: PASSWORD, role: 'applicant', displayName: e.name, email: `${username}@example.cn` });
    const org = await call('POST', '/organizations', await login(username, PASSWORD), {
      name: `${e.name}（${RUN}）`,
      uscc: uscc(i + 1),
      regionCode: '500103',
      address: '重庆市渝中区民族路 188 号',
      legalRepresentative: '张伟',
      contact: { name: '刘敏', phone: '023-63000000', email: `${username}@example.cn` },
      foundedAt: '2008-05-01',
      industry: 'C4011',
    });
    await call('PUT', `/admin/organizations/${org.id}/credit-grade`, admin, { grade: 'A', reason: '市场监管局评定结果' });
    const token = org.accessToken as string;
    const application = await call('POST', '/applications', token, {
      cycleId: cycle.id,
      form: {
        selfAssessment: {
          leadership: '高层领导以卓越绩效模式统领经营。',
          strategy: '战略目标分解到年度经营计划。',
          customersAndMarkets: '顾客满意度连续三年提升。',
          resources: '研发投入占营业收入 6%。',
          processManagement: '关键过程全部实现数字化管控。',
          measurementAnalysisImprovement: '建立经营绩效测量分析体系。',
          results: '主营业务收入年均增长 12%。',
        },
        keyResults: [{ indicator: '产品一次交验合格率', value: 99.6, unit: '%', year: new Date().getFullYear() - 1 }],
      },
    });
    for (const doc of getAward(AWARD).requiredDocuments.filter((d) => !d.optional)) {
      const form = new FormData();
      form.append('documentType', doc.type);
      form.append('file', pdf(doc.label), `${doc.label}.pdf`);
      await call('POST', `/applications/${application.id}/attachments`, token, form);
    }
    const submitted = await call('POST', `/applications/${application.id}/actions/submit`, token, {});
    apps.push({ id: application.id, name: e.name, token, quality: e.quality, receipt: submitted.receiptNumber });
    step(`${e.name} 提交申报，受理编号 ${submitted.receiptNumber}`);
  }

  // Window closes; 形式审查 with one 补正.
  const closed = await call('POST', `/cycles/${cycle.id}/close`, admin);
  step(`申报截止：${closed.movedToReview} 份进入形式审查`);
  await call('POST', `/applications/${apps[2].id}/actions/request_supplement`, admin, { comment: '请补充近三年质量损失率数据' });
  step(`${apps[2].name}：形式审查要求补正`);
  await call('POST', `/applications/${apps[2].id}/actions/resubmit`, apps[2].token, {});
  step(`${apps[2].name}：补正后重新提交`);
  for (const a of apps) await call('POST', `/applications/${a.id}/actions/pass_formal_review`, admin, {});
  step('形式审查全部通过，进入资料评审（工作进程分配专家）');

  // The worker assigns three experts to each application. Experts of earlier demo runs are in the
  // office's pool too: the office hands their assignments to this run's experts.
  let moved = 0;
  for (const a of apps) {
    const open = await waitUntil(`three experts on ${a.receipt}`, async () => {
      const rows = (await call<any[]>('GET', `/reviews/applications/${a.id}/assignments`, admin)).filter((r) => r.status === 'assigned');
      return rows.length === 3 ? rows : null;
    });
    for (const other of open.filter((r) => !experts.some((e) => e.id === r.reviewerId))) {
      const onIt = new Set((await call<any[]>('GET', `/reviews/applications/${a.id}/assignments`, admin)).filter((r) => r.status === 'assigned').map((r) => r.reviewerId));
      const free = experts.find((e) => !onIt.has(e.id))!;
      await call('POST', `/reviews/assignments/${other.id}/reassign`, admin, { reviewerId: free.id });
      moved++;
    }
  }
  step(moved ? `专家分配完成（改派 ${moved} 项给本次演示的专家）` : '专家分配完成：每份申报 3 名专家');

  // Experts score what they were assigned.
  const items = rubricItems(getAward(AWARD).rubric);
  for (const [k, expert] of experts.entries()) {
    const assignments = await waitUntil(`${expert.name}'s assignments`, async () => {
      const list = await call<any[]>('GET', '/reviews/assignments', expert.token);
      return list.filter((a) => apps.some((p) => p.id === a.applicationId)).length === apps.length ? list : null;
    });
    for (const a of assignments.filter((x) => apps.some((p) => p.id === x.applicationId))) {
      const app = apps.find((p) => p.id === a.applicationId)!;
      const fraction = app.quality + (k - 1) * 0.02;
      await call('POST', `/reviews/assignments/${a.id}/scores`, expert.token, {
        items: items.map((i) => ({ criterion: i.criterion, score: Math.round(i.max * fraction * 10) / 10 })),
        comment: '材料翔实，经营结果有说服力。',
      });
    }
    step(`${expert.name} 完成 ${apps.length} 份评分`);
  }
  await waitUntil('aggregation', async () => {
    for (const a of apps) if ((await call('GET', `/applications/${a.id}`, admin)).state !== 'shortlisting') return null;
    return true;
  });
  const ranking = (await call<{ items: any[] }>('GET', `/cycles/${cycle.id}/ranking`, admin)).items;
  step(`资料评审汇总（去掉最高最低分后取平均）：${ranking.map((r) => `${r.rank}. ${r.receiptNumber} ${r.score.toFixed(1)}`).join('；')}`);

  // 入围, 评审委员会, 社会公示 with an objection, 审定.
  const shortlisted = await call('POST', `/cycles/${cycle.id}/shortlist`, admin, { top: 3 });
  step(`确定入围 ${shortlisted.shortlisted.length} 家，未入围 ${shortlisted.notShortlisted.length} 家`);
  await call('POST', `/cycles/${cycle.id}/panel`, admin, { memberIds: experts.map((e) => e.id) });
  for (const id of shortlisted.shortlisted as string[]) {
    for (const e of experts) await call('POST', `/applications/${id}/votes`, e.token, { vote: 'approve' });
    const outcome = await call('POST', `/applications/${id}/votes/close`, admin);
    step(`评审委员会表决 ${apps.find((a) => a.id === id)!.name}：同意 ${outcome.outcome.approve}，进入社会公示（15 秒）`);
  }
  const third = ranking[2].applicationId as string;
  const objection = await call('POST', `/applications/${third}/objections`, apps[0].token, {
    objectorName: '赵先生',
    contactPhone: '13800000000',
    content: '该企业 2025 年产品抽检不合格，申报材料未如实说明，不符合申报条件。',
    evidence: '区市场监管局抽检结果公告（2025 年第 8 期）',
  });
  step(`公示期间收到实名异议（${apps.find((a) => a.id === third)!.name}）`);
  await call('POST', `/objections/${objection.id}/resolve`, admin, { decision: 'uphold', resolution: '经核查异议属实，取消评选资格' });
  step('异议成立，该申报不予授奖');
  const finalists = (shortlisted.shortlisted as string[]).filter((id) => id !== third);
  await waitUntil('the end of 公示', async () => {
    for (const id of finalists) if ((await call('GET', `/applications/${id}`, admin)).state !== 'awaiting_approval') return null;
    return true;
  });
  step('公示期满，待审定');
  const [first, second] = ranking.filter((r) => finalists.includes(r.applicationId));
  await call('POST', `/applications/${first.applicationId}/actions/approve`, admin, {});
  await call('POST', `/applications/${second.applicationId}/actions/approve_second_tier`, admin, {});
  step('审定：第一名授予区长质量管理奖，第二名授予提名奖');

  console.log('\n最终结果');
  for (const a of apps) {
    const view = await call('GET', `/applications/${a.id}`, admin);
    console.log(`  ${a.receipt}  ${a.name.padEnd(16, '　')}  ${view.stateLabel}`);
  }
  console.log('\n排名（综合得分，名额）');
  for (const r of (await call<{ items: any[] }>('GET', `/cycles/${cycle.id}/ranking`, admin)).items) {
    console.log(`  ${r.rank}. ${r.receiptNumber}  ${r.score.toFixed(2)}  ${r.insideQuota === 'award' ? '获奖名额内' : r.insideQuota === 'second_tier' ? '提名奖名额内' : '名额外'}`);
  }
  const history = await call('GET', `/applications/${first.applicationId}/history`, admin);
  console.log(`\n${first.receiptNumber} 的流转记录（哈希链${history.chainValid ? '完整' : '被篡改'}）`);
  for (const h of history.entries) console.log(`  ${new Date(h.createdAt).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai' })}  ${h.actionLabel} → ${h.toStateLabel}`);
  console.log(`\n用 ${ADMIN.username} 登录 ${BASE}/ 在控制台查看本周期（${cycle.title}）；接口文档在 ${BASE}/docs`);
}

main().catch((error) => {
  console.error(`demo failed: ${(error as Error).message}`);
  process.exit(1);
});
