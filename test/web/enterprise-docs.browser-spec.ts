import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { Enterprise, openCycle, qualityForm, registerEnterprise, uploadMaterials } from '../support/award-fixtures';
import { assignmentsOf, intoExpertReview, Reviewer, reviewerPool, scoreSheet, waitForState } from '../support/review-fixtures';
import { waitFor } from '../support/throwaway-redis';
import { ADMIN, startTestApp, TestContext } from '../support/test-app';
import { closeSpec, ConsoleServer, consoleContext, consolePage, ensureWebBuild, launchChromium, SCREENSHOTS, serveConsole, signIn } from './console-host';

const SHOTS = join(SCREENSHOTS, 'enterprise-docs');
const AWARD = 'district-quality-award';
const ORG_NAME = '重庆申报文书测试精密制造有限公司';
const PHONE = { width: 390, height: 844 };
const FEEDBACK = [
  { category: '4.1', strengths: '高层领导亲自推进卓越绩效模式', opportunities: '组织治理的评价机制尚未形成闭环' },
  { category: '4.7', opportunities: '缺少与标杆企业的对比数据' },
];

/** The page's localStorage, as the callbacks run in the browser see it (this file compiles without the DOM's types). */
interface BrowserGlobals {
  localStorage: { getItem(key: string): string | null };
  document: { documentElement: { scrollWidth: number } };
}

/** The text of a PDF as pdftotext reads it, whitespace removed (CJK lines break anywhere). */
function pdfText(path: string): string {
  return execFileSync('pdftotext', ['-layout', path, '-']).toString('utf8').replace(/\s+/g, '');
}

/**
 * Issue 18, the enterprise's documents: a session revoked while typing, signed in again over the
 * page with nothing lost; the 申报书 PDF as printed (the applicant, the materials, the declaration
 * with the place for the seal); the 反馈报告 refused in Chinese until the office releases it on the
 * cycle page, then on the enterprise's open page (no reload) per category 优势/改进机会 without any
 * expert's name, and its PDF; the pages at phone width.
 */
describe("the enterprise's documents, in the console", () => {
  let ctx: TestContext;
  let server: ConsoleServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let page: Page;
  let enterprise: Enterprise;
  let expert: Reviewer;
  let draftId: string;
  let scored: { cycleId: string; applicationId: string };
  const step = (name: string, fn: () => Promise<void>) => it(name, fn, 300_000);
  const shot = (p: Page, name: string) => p.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true, timeout: 180_000 });

  async function signedIn(viewport: { width: number; height: number } = { width: 1400, height: 1000 }, as: { username: string; password: string } = enterprise): Promise<Page> {
    const context = await consoleContext(browser, { viewport, acceptDownloads: true });
    contexts.push(context);
    const p = await consolePage(context);
    await signIn(p, server.baseUrl, as);
    return p;
  }

  /** Downloads what the button gives and reads it back with pdftotext. */
  async function downloadPdf(p: Page, testId: string, name: string): Promise<{ fileName: string; text: string }> {
    const [download] = await Promise.all([p.waitForEvent('download'), p.getByTestId(testId).click()]);
    const path = join(SHOTS, name);
    await download.saveAs(path);
    return { fileName: download.suggestedFilename(), text: pdfText(path) };
  }

  beforeAll(async () => {
    ensureWebBuild();
    rmSync(SHOTS, { recursive: true, force: true });
    mkdirSync(SHOTS, { recursive: true });
    ctx = await startTestApp({ worker: true, env: { OUTBOX_POLL_INTERVAL_MS: '200' } });
    server = await serveConsole(ctx);
    enterprise = await registerEnterprise(ctx, ORG_NAME);
    [expert] = await reviewerPool(ctx, 1);
    // A draft being written, with its materials uploaded.
    const open = await openCycle(ctx, { title: '2026年度渝中区区长质量管理奖（申报文书测试）' });
    draftId = (await ctx.http.post('/applications').set('Authorization', enterprise.token).send({ cycleId: open.id, form: qualityForm() }).expect(201)).body.id;
    await uploadMaterials(ctx, enterprise.token, draftId);
    // An application of an earlier cycle, scored by its expert with 优势/改进机会 (资料评审 ended).
    const earlier = await openCycle(ctx, { title: '2025年度渝中区区长质量管理奖（反馈报告测试）', reviewersPerApplication: 1 });
    const applicationId = (await ctx.http.post('/applications').set('Authorization', enterprise.token).send({ cycleId: earlier.id, form: qualityForm() }).expect(201)).body.id;
    await uploadMaterials(ctx, enterprise.token, applicationId);
    await intoExpertReview(ctx, enterprise, applicationId);
    const [assignment] = await waitFor(async () => {
      const rows = await assignmentsOf(ctx, applicationId);
      return rows.length === 1 ? rows : null;
    }, 60_000, 'the assignment');
    await ctx.http.post(`/reviews/assignments/${assignment.id}/scores`).set('Authorization', expert.token).send({ ...scoreSheet(AWARD, 0.6), categories: FEEDBACK }).expect(200);
    await waitForState(ctx, applicationId, 'shortlisting');
    scored = { cycleId: earlier.id, applicationId };
    browser = await launchChromium();
    page = await signedIn();
  }, 600_000);
  afterAll(() => closeSpec({ contexts, browser, server, ctx }));

  step('loses its session to a revocation while typing: signs in again over the page, and every keystroke is saved', async () => {
    await page.goto(`${server.baseUrl}/application/${draftId}`);
    await page.getByTestId('sa-strategy').fill('战略制定与部署：以卓越绩效模式统领。');
    await page.locator('[data-testid="autosave-status"][data-state="saved"]').waitFor();
    // Revoked as the product revokes (a password reset or a disabled account moves the token version on).
    const token = await page.evaluate(() => (globalThis as unknown as BrowserGlobals).localStorage.getItem('awardflow.token'));
    await ctx.dataSource.query(`UPDATE users SET token_version = token_version + 1 WHERE id = $1`, [enterprise.userId]);
    await waitFor(async () => (await ctx.http.get('/auth/me').set('Authorization', `Bearer ${token}`)).status === 401, 30_000, 'the old token refused');

    // The page's requests are held while the user types two fields, so neither the poll nor the first
    // save can raise the sign-in dialog (which covers the page) before the second field is typed.
    const held: Route[] = [];
    const hold = (route: Route) => (['fetch', 'xhr'].includes(route.request().resourceType()) ? void held.push(route) : route.continue());
    await page.route('**/*', hold);
    const typed = { resources: '会话失效后输入：人才、财务、信息与技术资源保障到位。', customersAndMarkets: '会话失效后继续输入：顾客满意度测量与改进。' };
    await page.getByTestId('sa-resources').fill(typed.resources);
    await page.getByTestId('sa-customersAndMarkets').fill(typed.customersAndMarkets);
    const local = () => page.evaluate((id) => (globalThis as unknown as BrowserGlobals).localStorage.getItem(`awardflow.unsaved.${id}`), draftId);
    await waitFor(async () => (await local())?.includes(typed.customersAndMarkets) ?? false, 20_000, 'both fields kept in the browser');
    await page.unroute('**/*', hold);
    for (const route of held.splice(0)) await route.continue().catch(() => undefined);
    await page.getByRole('dialog').filter({ hasText: '登录已过期，请重新登录' }).waitFor();
    await page.locator('[data-testid="autosave-status"][data-state="lapsed"]').waitFor();
    expect(page.url()).toContain(`/application/${draftId}`);
    const kept = await local();
    expect(kept).toContain(typed.resources);
    expect(kept).toContain(typed.customersAndMarkets);
    await shot(page, '01-session-revoked');

    await page.getByTestId('relogin-password').fill(enterprise.password);
    await page.getByTestId('relogin-submit').click();
    await page.getByRole('dialog').filter({ hasText: '登录已过期' }).waitFor({ state: 'hidden' });
    await page.locator('[data-testid="autosave-status"][data-state="saved"]').waitFor();
    const [{ form }] = await ctx.dataSource.query(`SELECT form FROM applications WHERE id = $1`, [draftId]);
    expect(form.selfAssessment).toMatchObject({ strategy: '战略制定与部署：以卓越绩效模式统领。', ...typed });
    await page.reload();
    await expect(page.getByTestId('sa-customersAndMarkets').inputValue()).resolves.toBe(typed.customersAndMarkets);
    await expect(page.getByTestId('sa-resources').inputValue()).resolves.toBe(typed.resources);
    await shot(page, '02-saved-after-signing-in-again');
  });

  step('prints the 申报书: the PDF names the applicant, lists the materials and leaves the place for the seal', async () => {
    const { fileName, text } = await downloadPdf(page, 'print-application-form', 'application-form.pdf');
    expect(fileName).toMatch(/申报书.*\.pdf$/);
    for (const s of [ORG_NAME, enterprise.uscc, '三、申报材料清单', 'application_form.pdf', 'business_license.pdf', '四、申报单位承诺', `申报单位（公章）：${ORG_NAME}`, '（盖章处）', '法定代表人（签字）：', '会话失效后继续输入：顾客满意度测量与改进。']) {
      expect(text).toContain(s.replace(/\s+/g, ''));
    }
  });

  step('the 反馈报告: refused in Chinese before the office releases it on the cycle page; then, without a reload, per category 优势/改进机会, no expert named, and its PDF', async () => {
    await page.goto(`${server.baseUrl}/application/${scored.applicationId}`);
    await page.getByTestId('feedback-pending').filter({ hasText: '评奖办公室尚未发布本届评审反馈报告' }).waitFor();
    expect(await page.getByTestId('feedback-report-pdf').count()).toBe(0);
    // (A new token: the first step revoked the one the enterprise was registered with.)
    const refused = await ctx.http.get(`/applications/${scored.applicationId}/feedback-report`).set('Authorization', await ctx.login(enterprise.username, enterprise.password));
    expect(refused.status).toBe(409);
    expect(refused.body.message).toBe('评奖办公室尚未发布本届评审反馈报告，发布后可在此查看和下载');
    await shot(page, '03-feedback-not-released');

    // A mark on the enterprise's page: gone if the page were loaded again.
    await page.evaluate(() => ((globalThis as unknown as { feedbackMark?: number }).feedbackMark = 1));
    // The office releases it on the cycle page (提醒专家与反馈), confirming first: the dialog says what follows.
    const office = await signedIn(undefined, ADMIN);
    await office.goto(`${server.baseUrl}/office/cycles/${scored.cycleId}`);
    await office.getByRole('tab', { name: '提醒专家与反馈' }).click();
    const releaseCard = office.getByTestId('feedback-release');
    await releaseCard.getByTestId('feedback-unreleased').waitFor();
    await releaseCard.getByTestId('release-feedback').click();
    const confirm = office.locator('.ant-popconfirm').filter({ hasText: '发布反馈报告？' });
    await confirm.getByText('发布后本周期的申报单位即可查看专家反馈（不显示专家姓名），发布不能撤回。').waitFor();
    await shot(office, '04a-office-release-confirm');
    await confirm.getByRole('button', { name: /发\s*布/ }).click();
    await releaseCard.getByTestId('feedback-released').filter({ hasText: '已发布' }).waitFor();
    const released = (await ctx.http.get(`/cycles/${scored.cycleId}/feedback-report/release`).set('Authorization', await ctx.adminToken()).expect(200)).body;
    expect(released.releasedAt).toEqual(expect.any(String));
    await shot(office, '04b-office-released');
    await office.context().close();

    // The enterprise's page, still open, shows the report without a reload (it asks while one can come).
    await page.getByTestId('feedback-released').waitFor();
    expect(await page.evaluate(() => (globalThis as unknown as { feedbackMark?: number }).feedbackMark)).toBe(1);
    const leadership = page.getByTestId('feedback-4.1');
    await leadership.filter({ hasText: '高层领导亲自推进卓越绩效模式' }).waitFor();
    await leadership.filter({ hasText: '组织治理的评价机制尚未形成闭环' }).waitFor();
    await page.getByTestId('feedback-4.7').filter({ hasText: '缺少与标杆企业的对比数据' }).waitFor();
    const card = await page.getByTestId('feedback-report').innerText();
    const [user] = await ctx.dataSource.query(`SELECT username, display_name FROM users WHERE id = $1`, [expert.id]);
    for (const name of [user.username, user.display_name]) {
      expect(card).not.toContain(name);
      expect(await page.content()).not.toContain(name);
    }
    await shot(page, '04-feedback-released');

    const { text } = await downloadPdf(page, 'feedback-report-pdf', 'feedback-report.pdf');
    for (const s of ['评审反馈报告', ORG_NAME, '优势', '改进机会', '高层领导亲自推进卓越绩效模式', '组织治理的评价机制尚未形成闭环', '缺少与标杆企业的对比数据']) expect(text).toContain(s);
    for (const name of [user.username, user.display_name]) expect(text).not.toContain(name);
  });

  step('fits a phone: my applications, the application form and the organisation page never scroll sideways', async () => {
    const phone = await signedIn(PHONE);
    const wide = async (name: string) => {
      await shot(phone, name);
      expect(await phone.evaluate(() => (globalThis as unknown as BrowserGlobals).document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    };
    await phone.goto(`${server.baseUrl}/my/applications`);
    await phone.getByRole('link', { name: '2026年度渝中区区长质量管理奖（申报文书测试）' }).first().waitFor();
    await wide('05-phone-my-applications');
    await phone.goto(`${server.baseUrl}/application/${draftId}`);
    await phone.getByTestId('sa-strategy').waitFor();
    await phone.getByTestId('presubmit-check').waitFor();
    await wide('06-phone-application-form');
    await phone.goto(`${server.baseUrl}/application/${scored.applicationId}`);
    await phone.getByTestId('feedback-4.1').waitFor();
    await wide('07-phone-feedback-report');
    await phone.goto(`${server.baseUrl}/my/organization`);
    await phone.getByText(enterprise.uscc).waitFor();
    await wide('08-phone-organization');
  });
});
