import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { Browser, BrowserContext, chromium, Locator, Page } from 'playwright-core';
import { getAward, rubricItems } from '../../libs/awards/src';
import { samplePdf } from '../../libs/applications/src/testing/material-fixtures';
import { Enterprise, openCycle, qualityForm, QUALITY_REQUIRED, readyApplication, registerEnterprise, uploadMaterials, validUscc } from '../support/award-fixtures';
import { act as reviewAct, assignmentsOf, publishPublicity, Reviewer, reviewerPool, scoreSheet, stateOf, waitForState } from '../support/review-fixtures';
import { endWindow } from '../support/end-window';
import { createUser, startTestApp, TestContext, ADMIN } from '../support/test-app';
import { waitFor } from '../support/throwaway-redis';
import { CHROMIUM, closeSpec, ConsoleServer, PAGE_TIMEOUT, consoleContext, ensureChromium, ensureWebBuild, screenshotFolder, serveConsole } from './console-host';

const AWARD = 'district-quality-award';
const ORG_NAME = '重庆渝中控制台测试精密仪器有限公司';
const ENTERPRISE = { username: 'web-enterprise', password: 'enterprise-password-1' };
/** Bounds, not waits: what a step or a page action may take on a busy machine before it fails. */
const STEP_TIMEOUT = 600_000;

/** Runs in every page before its own scripts (a string: the test is compiled without the DOM's types). */
const REPORT_CSP_VIOLATIONS = `document.addEventListener('securitypolicyviolation', (e) => {
  window.reportCspViolation(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' (' + e.sourceFile + ':' + e.lineNumber + ')');
});`;

/** Console errors, except the HTTP errors a step provokes on purpose (the UI shows them in Chinese). */
interface Collected {
  page: string;
  text: string;
}

/**
 * The web console end to end in headless Chromium, against the real API and worker: an enterprise
 * registers, fills its form, uploads materials and submits; the office closes the window and passes
 * 形式审查 (after a 补正 and a stale-version 409); a blind reviewer scores (GB/Z 19579 bands, 优势/改进机会, a server draft picked up on a second computer); the office ranks, exports,
 * shortlists, closes the panel vote and approves — all through the pages, with a screenshot per step.
 *
 * Independent stories: each arranges what it starts from through the API (its own cycle, enterprise
 * and application), so one failing story does not fail the others; the steps of a story follow on.
 * Windows that must stay open are the defaults (days); 公示 is ended by the test (endWindow).
 */
describe('web console (headless Chromium)', () => {
  let ctx: TestContext;
  let server: ConsoleServer;
  let browser: Browser;
  /** Every expert in the office's pool: the rules pick among them, so a story finds its expert by the assignment. */
  const reviewers: Reviewer[] = [];
  const consoleErrors: Collected[] = [];
  /** Everything the Content-Security-Policy blocked, as the page's securitypolicyviolation events and console lines report it. */
  const cspViolations: Collected[] = [];
  const allowedHttpErrors = new Set<number>();
  const contexts: BrowserContext[] = [];
  let shot = 0;
  let shots: string;

  const screenshot = async (page: Page, name: string) => {
    shot++;
    await page.screenshot({ path: join(shots, `${String(shot).padStart(2, '0')}-${name}.png`), fullPage: true });
  };

  async function newPage(who: string): Promise<Page> {
    const context = await consoleContext(browser);
    contexts.push(context);
    await context.exposeBinding('reportCspViolation', ({ page }, text: string) => {
      cspViolations.push({ page: `${who} ${page.url()}`, text });
    });
    await context.addInitScript(REPORT_CSP_VIOLATIONS);
    const page = await context.newPage();
    opened.push({ who, page });
    page.setDefaultTimeout(PAGE_TIMEOUT);
    page.on('console', (m) => {
      if (/Content[- ]Security[- ]Policy/i.test(m.text())) cspViolations.push({ page: `${who} ${page.url()}`, text: m.text() });
      if (m.type() !== 'error') return;
      const status = /status of (\d{3})/.exec(m.text());
      if (status && allowedHttpErrors.has(Number(status[1]))) return;
      if (process.env.WEB_E2E_DEBUG) console.log(`[${who}] ${m.text()}`);
      consoleErrors.push({ page: `${who} ${page.url()}`, text: m.text() });
    });
    page.on('pageerror', (e) => consoleErrors.push({ page: `${who} ${page.url()}`, text: `pageerror: ${e.message}` }));
    return page;
  }

  /** A step of the story: when it fails, every open page is photographed (FAILED-*.png) to show why. */
  const opened: Array<{ who: string; page: Page }> = [];
  function step(name: string, fn: () => Promise<void>) {
    it(
      name,
      async () => {
        try {
          await fn();
        } catch (error) {
          for (const { who, page } of opened) {
            if (page.isClosed()) continue;
            await page.screenshot({ path: join(shots, `FAILED-${String(shot).padStart(2, '0')}-${who}.png`), fullPage: true }).catch(() => undefined);
          }
          throw error;
        }
      },
      STEP_TIMEOUT,
    );
  }

  async function login(page: Page, username: string, password: string) {
    await page.goto(`${server.baseUrl}/login`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByTestId('current-user').waitFor();
  }

  /**
   * Answers the open confirmation. On a busy machine a click can land while the confirmation is
   * still opening and be lost (seen with two busy loops beside the suite); a confirmation still
   * open is clicked again. A click while the request runs is a no-op: antd shows the button
   * loading and keeps the confirmation open until the answer comes.
   */
  async function confirm(page: Page, what: string) {
    const confirmation = page.locator('.ant-popconfirm:visible');
    await confirmation.waitFor();
    for (let attempt = 1; ; attempt++) {
      await confirmation.getByRole('button', { name: /确\s*定/ }).click({ timeout: 15_000 }).catch(() => undefined);
      const closed = await confirmation.waitFor({ state: 'hidden', timeout: 30_000 }).then(() => true, () => false);
      if (closed) return;
      if (attempt === 5) throw new Error(`the confirmation of ${what} is still open after ${attempt} clicks`);
    }
  }

  /** Takes an action through its confirmation, which says where the action leads. */
  async function act(page: Page, action: string) {
    await page.locator(`[data-testid="actions"] button[data-action="${action}"]`).click();
    await expect(page.locator('.ant-popconfirm:visible').innerText()).resolves.toContain('办理后申报将转为「');
    await confirm(page, action);
  }

  /**
   * Picks an option of an antd Select by its text and checks that the select now shows it (a click that
   * lands while the dropdown is still opening or its options are still loading is tried again).
   */
  async function choose(page: Page, select: Locator, option: string | RegExp, shown: string | RegExp = option) {
    for (let attempt = 1; ; attempt++) {
      if ((await page.locator('.ant-select-dropdown:visible').count()) === 0) await select.click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).click();
      const ok = await select
        .filter({ hasText: shown })
        .waitFor({ timeout: 10_000 })
        .then(() => true, () => false);
      if (ok) return;
      if (attempt === 3) throw new Error(`the select did not take the option ${option}`);
    }
  }

  /** An antd input (InputNumber, Input.Search) by its test id, which may sit on the input or on its wrapper. */
  const numberInput = (page: Page, testId: string) => page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();


  /** A page of its own for one user of a story, signed in. */
  async function signedIn(who: string, username: string, password: string): Promise<Page> {
    const page = await newPage(who);
    await login(page, username, password);
    return page;
  }

  /** The enterprise's page, open on its application (in `state`) from the start of a story on. */
  async function onItsApplication(enterprise: Enterprise, applicationId: string, state: string): Promise<Page> {
    const page = await signedIn('enterprise', enterprise.username, enterprise.password);
    await page.goto(`${server.baseUrl}/application/${applicationId}`);
    await page.locator(`[data-testid="state-tag"][data-state="${state}"]`).waitFor();
    return page;
  }

  const expertOf = async (applicationId: string): Promise<{ assignmentId: string; expert: Reviewer }> => {
    const [assignment] = await waitFor(async () => {
      const rows = await assignmentsOf(ctx, applicationId);
      return rows.length === 1 ? rows : null;
    }, 30_000, `the assignment of ${applicationId}`);
    return { assignmentId: assignment.id, expert: reviewers.find((r) => r.id === assignment.reviewer_id)! };
  };

  /** A submitted application of a fresh enterprise in a fresh open cycle, through the API. */
  async function submitted(orgName: string, cycleOverrides: Record<string, unknown>, materialName = (type: string) => `${type}.pdf`) {
    const enterprise = await registerEnterprise(ctx, orgName);
    const cycle = await openCycle(ctx, cycleOverrides);
    const created = await ctx.http.post('/applications').set('Authorization', enterprise.token).send({ cycleId: cycle.id, form: qualityForm() }).expect(201);
    for (const type of QUALITY_REQUIRED) {
      await ctx.http.post(`/applications/${created.body.id}/attachments`).set('Authorization', enterprise.token).field('documentType', type)
        .attach('file', samplePdf(type), { filename: materialName(type), contentType: 'application/pdf' }).expect(201);
    }
    const receipt: string = (await reviewAct(ctx, enterprise.token, created.body.id, 'submit')).receiptNumber;
    return { enterprise, cycle, applicationId: created.body.id as string, receipt };
  }

  /** Closes the cycle's window and passes 形式审查, through the API: the worker assigns the expert. */
  async function intoExpertReview(cycleId: string, applicationId: string) {
    const admin = await ctx.adminToken();
    await ctx.http.post(`/cycles/${cycleId}/close`).set('Authorization', admin).expect(200);
    await reviewAct(ctx, admin, applicationId, 'pass_formal_review');
    return expertOf(applicationId);
  }

  beforeAll(async () => {
    ensureChromium();
    shots = screenshotFolder('console');
    ensureWebBuild();
    ctx = await startTestApp({
      worker: true,
      env: { OUTBOX_POLL_INTERVAL_MS: '200', DEADLINE_SCHEDULE_INTERVAL_MS: '100' },
    });
    server = await serveConsole(ctx);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
    // One expert in the pool to begin with; a story that needs more adds them.
    reviewers.push(...(await reviewerPool(ctx, 1)));
  }, STEP_TIMEOUT);

  afterAll(() => closeSpec({ contexts, browser, server, ctx }));

  describe('the console is served', () => {
    step('serves the console at / from the API, and the login page alone stays under the JavaScript budget', async () => {
      const res = await fetch(`${server.baseUrl}/`);
      expect(res.headers.get('content-type')).toContain('text/html');
      // Every page below runs under this policy; the last test finds no violation of it.
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      const html = await res.text();
      expect(html).toContain('<div id="root">');
      // Deep links load the app; API paths stay JSON.
      expect((await fetch(`${server.baseUrl}/office/cycles`)).headers.get('content-type')).toContain('text/html');
      const api404 = await fetch(`${server.baseUrl}/applications/not-a-uuid/nothing`);
      expect(api404.status).toBe(404);
      expect(api404.headers.get('content-type')).toContain('json');
      expect((await fetch(`${server.baseUrl}/health`)).status).toBe(200);

      const page = await newPage('anonymous');
      const scripts: string[] = [];
      page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
      await page.goto(`${server.baseUrl}/`);
      await page.getByRole('button', { name: /登\s*录/ }).waitFor();
      expect(page.url()).toContain('/login');
      // The login page loads no route chunk of the signed-in console (no mermaid either).
      expect(scripts.some((s) => /mermaid|AppLayout|ApplicationPage/.test(s))).toBe(false);
      // A wrong password is said in Chinese where it happened.
      allowedHttpErrors.add(401);
      await page.getByLabel('用户名').fill('admin');
      await page.getByLabel('密码').fill('wrong-password');
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.getByTestId('error-alert').filter({ hasText: '用户名或密码错误' }).waitFor();
      await screenshot(page, 'login-refused');
      allowedHttpErrors.delete(401);
    });
  });

  describe('an enterprise applies on its pages', () => {
    let cycle: { id: string; title: string };
    let enterprise: Page;
    let applicationId: string;
    let receipt: string;

    beforeAll(async () => {
      // Seeded through the API: the account (the office creates it) and an open blind cycle.
      await createUser(ctx, { username: ENTERPRISE.username, password: ENTERPRISE.password, role: 'applicant', displayName: '王经理', email: 'web-enterprise@example.cn' });
      // This cycle asks for a credit grade (requireGrade): an organisation never graded is refused.
      const eligibility = getAward('district-quality-award').defaultEligibility.map((r) => (r.rule === 'min_credit_grade' ? { rule: r.rule, params: { grade: 'B', requireGrade: true } } : r));
      cycle = await openCycle(ctx, { title: '2026年度渝中区区长质量管理奖（控制台测试）', blindReview: true, reviewersPerApplication: 1, quota: { awards: 1 }, eligibility });
    }, STEP_TIMEOUT);

    step('an enterprise registers its organisation, checking the credit code as it is typed', async () => {
      enterprise = await newPage('enterprise');
      await login(enterprise, ENTERPRISE.username, ENTERPRISE.password);
      await enterprise.waitForURL(/\/my\/organization/);
      const uscc = validUscc();
      const wrongCheck = uscc.slice(0, 17) + (uscc[17] === '0' ? '1' : '0');
      await enterprise.getByLabel('单位名称').fill(ORG_NAME);
      await enterprise.getByLabel('统一社会信用代码').fill(wrongCheck);
      await enterprise.getByTestId('uscc-help').filter({ hasText: `校验位错误（按前 17 位应为 ${uscc[17]}）` }).waitFor();
      await enterprise.getByLabel('统一社会信用代码').fill(uscc.slice(0, 10) + 'I');
      await enterprise.getByTestId('uscc-help').filter({ hasText: '11 位' }).waitFor();
      await enterprise.getByLabel('统一社会信用代码').fill(uscc);
      await enterprise.getByTestId('uscc-help').filter({ hasText: '校验通过' }).waitFor();
      await enterprise.getByLabel('行政区划代码').fill('500103');
      await enterprise.getByLabel('行业代码（GB/T 4754）').fill('C3825');
      await enterprise.getByLabel('成立日期').fill('2010-03-01');
      await enterprise.getByLabel('注册地址').fill('重庆市渝中区解放碑民族路 1 号');
      await enterprise.getByLabel('法定代表人').fill('张三');
      await enterprise.getByLabel('联系人').fill('王经理');
      await enterprise.getByLabel('联系电话').fill('023-63000000');
      await screenshot(enterprise, 'enterprise-registers');
      await enterprise.getByRole('button', { name: '登记单位' }).click();
      await enterprise.waitForURL(/\/my\/cycles/);
      await enterprise.getByText(cycle.title).waitFor();
      await screenshot(enterprise, 'enterprise-open-cycles');
    });

    step('fills the form with drafts saved as it goes, uploads materials (one refused, with the reason) and sees every eligibility failure before submitting', async () => {
      await enterprise.getByTestId(`cycle-${cycle.id}`).getByRole('button', { name: '在线申报' }).click();
      await enterprise.waitForURL(/\/application\/[0-9a-f-]{36}$/);
      applicationId = enterprise.url().split('/').pop()!;
      await enterprise.getByTestId('autosave-status').waitFor();

      const texts = qualityForm().selfAssessment as Record<string, string>;
      for (const [key, text] of Object.entries(texts)) await enterprise.getByTestId(`sa-${key}`).fill(text);
      await enterprise.getByRole('button', { name: '添加指标' }).click();
      await enterprise.getByTestId('kr-0-indicator').fill('产品一次交验合格率');
      await numberInput(enterprise, 'kr-0-value').fill('99.8');
      await enterprise.getByTestId('kr-0-unit').fill('%');
      await numberInput(enterprise, 'kr-0-year').fill('2025');
      await enterprise.locator('[data-testid="autosave-status"][data-state="saved"]').waitFor();
      // The draft is on the server: a reload shows it.
      await enterprise.reload();
      await expect(enterprise.getByTestId('sa-results').inputValue()).resolves.toBe(texts.results);

      // A file whose content is not an accepted type is refused with the reason, beside that document.
      allowedHttpErrors.add(415);
      await enterprise.getByTestId('upload-input-business_license').setInputFiles({ name: 'license.pdf', mimeType: 'application/pdf', buffer: Buffer.from('just some text, not a PDF') });
      const refusal = enterprise.getByTestId('material-business_license').getByTestId('error-alert');
      await refusal.filter({ hasText: '只接受 PDF、JPG、PNG、DOCX、XLSX 文件' }).waitFor();
      await screenshot(enterprise, 'enterprise-upload-refused');
      for (const type of QUALITY_REQUIRED) {
        // File names carry the company's name, as real uploads do: blind review must hide them.
        await enterprise.getByTestId(`upload-input-${type}`).setInputFiles({ name: `${ORG_NAME}-${type}.pdf`, mimeType: 'application/pdf', buffer: samplePdf(type) });
        await enterprise.getByTestId(`material-${type}`).getByText(`${ORG_NAME}-${type}.pdf`).waitFor();
      }

      // No credit grade yet: the check says so before the enterprise submits.
      const check = enterprise.getByTestId('presubmit-check');
      await check.getByTestId('rule-min_credit_grade').filter({ hasText: '质量信用等级须为B级及以上（尚未评定质量信用等级）' }).waitFor();
      await check.getByTestId('presubmit-problems').waitFor();
      await screenshot(enterprise, 'enterprise-presubmit-check');
      // Submission would be refused: the button is held back, with every reason above it.
      await enterprise.getByTestId('submit-blocked').filter({ hasText: '尚未评定质量信用等级' }).waitFor();
      await expect(enterprise.locator('[data-testid="actions"] button[data-action="submit"]').isDisabled()).resolves.toBe(true);
      expect(await stateOf(ctx, applicationId)).toBe('draft');

      // The office grades the organisation (through the API: not this page's job); the check now passes.
      const org = (await ctx.http.get(`/applications/${applicationId}`).set('Authorization', await ctx.adminToken())).body.organization;
      await ctx.http.put(`/admin/organizations/${org.id}/credit-grade`).set('Authorization', await ctx.adminToken()).send({ grade: 'A', reason: '市场监管局评定结果' }).expect(200);
      await enterprise.reload();
      await enterprise.getByTestId('presubmit-ready').waitFor();
      await screenshot(enterprise, 'enterprise-ready');
    });

    step('submits and gets the receipt number', async () => {
      await act(enterprise, 'submit');
      const receiptText = await enterprise.getByTestId('receipt-number').textContent();
      receipt = /\d{4}-DMQ-\d{4}/.exec(receiptText ?? '')![0];
      expect(receipt).toBeTruthy();
      await screenshot(enterprise, 'enterprise-submitted');
      await enterprise.getByRole('button', { name: '知道了' }).click();
      await enterprise.locator('[data-testid="state-tag"][data-state="submitted"]').filter({ hasText: '已提交' }).waitFor();
      await expect(enterprise.getByTestId('receipt').textContent()).resolves.toBe(receipt);
    });
  });

  describe('the office closes the window and takes the application in', () => {
    let cycle: { id: string; title: string };
    let applicationId: string;
    let receipt: string;
    let enterprise: Page;
    let admin: Page;

    beforeAll(async () => {
      const arranged = await submitted('重庆渝中控制台受理测试仪表有限公司', { title: '2026年度渝中区区长质量管理奖（受理测试）' });
      ({ cycle, applicationId, receipt } = arranged);
      // The enterprise's page is open on its submitted application all along.
      enterprise = await onItsApplication(arranged.enterprise, applicationId, 'submitted');
      admin = await signedIn('admin', ADMIN.username, ADMIN.password);
    }, STEP_TIMEOUT);

    step('the office closes the application window; the enterprise sees the change without reloading', async () => {
      await admin.goto(`${server.baseUrl}/office/cycles`);
      const row = admin.getByRole('row', { name: new RegExp(cycle.title.replace(/[()（）]/g, '.')) });
      await row.getByRole('button', { name: '截止申报' }).click();
      await confirm(admin, 'closing the window');
      await admin.getByText('1 份进入评审').waitFor();
      await screenshot(admin, 'admin-closed-window');
      // Polling brings the new state to the enterprise's open page.
      await enterprise.getByTestId('changed-by-others').waitFor();
      await enterprise.locator('[data-testid="state-tag"][data-state="formal_review"]').filter({ hasText: '形式审查' }).waitFor();
    });

    step('a 补正 shows its time left; a stale page gets a 409 naming the new state', async () => {
      await admin.goto(`${server.baseUrl}/office/applications?cycleId=${cycle.id}`);
      await admin.getByRole('link', { name: receipt }).click();
      await admin.waitForURL(new RegExp(`/application/${applicationId}`));
      await admin.locator('[data-testid="state-tag"][data-state="formal_review"]').waitFor();
      // Freeze what the office's page sees, then let others act.
      const stale = (await ctx.http.get(`/applications/${applicationId}`).set('Authorization', await ctx.adminToken())).body;
      await admin.route(`**/applications/${applicationId}`, (route) => (route.request().method() === 'GET' ? route.fulfill({ json: stale }) : route.fallback()));

      await ctx.http
        .post(`/applications/${applicationId}/actions/request_supplement`)
        .set('Authorization', await ctx.adminToken())
        .send({ comment: '营业执照副本不清晰，请重新上传' })
        .expect(200);
      const notice = enterprise.getByTestId('supplement-request');
      await notice.waitFor();
      await notice.filter({ hasText: '营业执照副本不清晰' }).waitFor();
      await notice.getByTestId('countdown').filter({ hasText: /还剩 1[45] 天/ }).waitFor();
      await screenshot(enterprise, 'enterprise-supplement-requested');
      await enterprise.getByTestId('upload-input-business_license').setInputFiles({ name: '营业执照-清晰版.pdf', mimeType: 'application/pdf', buffer: samplePdf('clear licence') });
      await enterprise.getByTestId('material-business_license').getByText('营业执照-清晰版.pdf').waitFor();
      await act(enterprise, 'resubmit');
      await enterprise.getByRole('button', { name: '知道了' }).click();
      await enterprise.locator('[data-testid="state-tag"][data-state="formal_review"]').filter({ hasText: '形式审查' }).waitFor();

      allowedHttpErrors.add(409);
      await act(admin, 'pass_formal_review');
      const conflict = admin.getByTestId('version-conflict');
      await conflict.waitFor();
      await conflict.filter({ hasText: '其他人已先一步操作，该申报现为「形式审查」' }).waitFor();
      await screenshot(admin, 'admin-version-conflict');
      await admin.unroute(`**/applications/${applicationId}`);
      await Promise.all([
        admin.waitForResponse((r) => r.url().endsWith(`/applications/${applicationId}`) && r.request().method() === 'GET' && r.status() === 200),
        admin.getByRole('button', { name: '刷新' }).click(),
      ]);
      await act(admin, 'pass_formal_review');
      await admin.locator('[data-testid="state-tag"][data-state="expert_review"]').waitFor();
      await screenshot(admin, 'admin-formal-review-passed');
    });
  });

  describe('a blind review through to the award', () => {
    const BLIND_ORG = '重庆渝中控制台盲评测试精密仪器有限公司';
    let cycle: { id: string; title: string };
    let applicationId: string;
    let receipt: string;
    let scorer: Reviewer;
    let enterprise: Page;
    let admin: Page;
    let expert: Page;

    beforeAll(async () => {
      // File names carry the company's name, as real uploads do: blind review must hide them.
      const arranged = await submitted(BLIND_ORG, {
        title: '2026年度渝中区区长质量管理奖（盲评测试）',
        blindReview: true,
        reviewersPerApplication: 1,
        quota: { awards: 1 },
        stagePlan: { defense: false, onsiteReview: false, publicityBeforePanel: true },
        panel: { quorum: 1 },
      }, (type) => `${BLIND_ORG}-${type}.pdf`);
      ({ cycle, applicationId, receipt } = arranged);
      ({ expert: scorer } = await intoExpertReview(cycle.id, applicationId));
      // The enterprise's page is open on its application all along.
      enterprise = await onItsApplication(arranged.enterprise, applicationId, 'expert_review');
      admin = await signedIn('admin', ADMIN.username, ADMIN.password);
    }, STEP_TIMEOUT);

    step('a reviewer scores blind: the organisation appears nowhere on the reviewer pages; drafts survive a reload', async () => {
      expert = await signedIn('reviewer', scorer.username, 'user-password-1');
      // The story waited for the assignment: the list shows it (reloading on a short bound would race a busy machine).
      await expert.goto(`${server.baseUrl}/expert/assignments`);
      await expert.getByRole('link', { name: receipt }).first().waitFor();
      await screenshot(expert, 'reviewer-assignments');
      expect(await expert.content()).not.toContain(BLIND_ORG);
      await expert.getByRole('link', { name: receipt }).first().click();
      await expert.getByTestId('blind-notice').waitFor();

      const items = rubricItems(getAward(AWARD).rubric);
      const half = Math.floor(items.length / 2);
      await expert.getByTestId('guidance-note').filter({ hasText: 'GB/Z 19579-2012' }).waitFor();
      // GB/Z 19579 guidance: the expert picks 4.1.2's band (70%–85%), reads its ADLI sentences, scores within it.
      await expert.getByTestId('band-4.1.2').getByText('70%–85%').click();
      await expert.getByTestId('band-guidance-4.1.2').filter({ hasText: '方法得到了很好的展开，无显著的差距' }).waitFor();
      await expert.getByTestId('band-range-4.1.2').filter({ hasText: '35–42.5 分' }).waitFor();
      // Above the maximum: the value stays as typed with the error beside it, never clamped.
      await numberInput(expert, 'score-4.1.2').fill('55');
      await expert.getByText('不能超过该项满分 50 分（高层领导的作用）').waitFor();
      expect(await numberInput(expert, 'score-4.1.2').inputValue()).toBe('55');
      // Outside the band picked: said so, too.
      await numberInput(expert, 'score-4.1.2').fill('20');
      await expert.getByText('不在所选档位 70%–85%（35–42.5 分）内').waitFor();
      for (const item of items.slice(0, half)) await numberInput(expert, `score-${item.criterion}`).fill(String(Math.round(item.max * 0.8 * 10) / 10));
      await expert.locator('textarea[data-testid="strengths-4.1"]').fill('高层领导亲自推进卓越绩效模式');
      await expert.locator('textarea[data-testid="opportunities-4.7"]').fill('缺少与行业标杆的对比数据');
      await expert.getByTestId('score-comment').fill('材料翔实，结果类指标有说服力。');
      await expert.getByTestId('subtotal-4.1').filter({ hasText: `小计 ${Math.round((40 + 24 + 24) * 10) / 10} / 110` }).waitFor();
      // Kept on the server as the expert types: another computer (a new browser context) finds the half-done sheet.
      await expert.getByTestId('draft-status').filter({ hasText: '草稿已保存到服务器' }).waitFor();
      const second = await signedIn('reviewer-second-computer', scorer.username, 'user-password-1');
      await second.goto(expert.url());
      const restored = Math.round(items[0].max * 0.8 * 10) / 10;
      // (The sheet renders, then the draft is put into it: wait for the value rather than read it once.)
      await waitFor(async () => Number(await numberInput(second, `score-${items[0].criterion}`).inputValue()) === restored, 10_000, 'the server draft on a second computer');
      expect(await second.locator('textarea[data-testid="strengths-4.1"]').inputValue()).toBe('高层领导亲自推进卓越绩效模式');
      expect(await second.locator('textarea[data-testid="opportunities-4.7"]').inputValue()).toBe('缺少与行业标杆的对比数据');
      expect(await second.getByTestId('band-4.1.2').locator('.ant-radio-button-wrapper-checked').innerText()).toBe('70%–85%');
      await screenshot(second, 'reviewer-draft-second-computer');
      await second.context().close();
      await expert.reload();
      await waitFor(async () => Number(await numberInput(expert, `score-${items[0].criterion}`).inputValue()) === restored, 10_000, 'the draft restored after a reload');
      for (const item of items.slice(half)) await numberInput(expert, `score-${item.criterion}`).fill(String(Math.round(item.max * 0.8 * 10) / 10));
      const expected = Math.round(items.reduce((s, i) => s + Math.round(i.max * 0.8 * 10) / 10, 0) * 10) / 10;
      await expert.getByTestId('score-comment').click();
      await expert.getByTestId('running-total').filter({ hasText: String(expected) }).waitFor();

      const html = await expert.content();
      const text = await expert.locator('body').innerText();
      expect(html).not.toContain(BLIND_ORG);
      expect(text).not.toContain(BLIND_ORG);
      expect(text).toContain('材料1-申报书.pdf');
      await screenshot(expert, 'reviewer-scoring-blind');
      await expert.getByRole('button', { name: '提交评分' }).click();
      await expert.getByText(`评分已提交，总分 ${expected}`).waitFor();
      expect(await expert.content()).not.toContain(BLIND_ORG);
      await waitForState(ctx, applicationId, 'shortlisting');
      // The stage has closed: the sheet is read-only with a notice, the texts kept with the score.
      await expert.reload();
      await expert.getByTestId('sheet-closed').waitFor();
      await waitFor(async () => (await expert.locator('textarea[data-testid="strengths-4.1"]').inputValue()) === '高层领导亲自推进卓越绩效模式', 10_000, 'the submitted 优势 on the closed sheet');
      expect(await expert.locator('textarea[data-testid="strengths-4.1"]').isDisabled()).toBe(true);
      expect(await expert.getByRole('button', { name: '提交评分' }).count()).toBe(0);
      await screenshot(expert, 'reviewer-sheet-closed');
    });

    step('the office ranks with the quota line, exports the CSV, shortlists and sees the diagram', async () => {
      await admin.goto(`${server.baseUrl}/office/cycles/${cycle.id}`);
      await admin.getByRole('tab', { name: '流程图' }).click();
      const diagram = admin.getByTestId('mermaid-diagram');
      await diagram.locator('svg').waitFor();
      // Every label in Chinese (no guard or timer codes), drawn at a size that reads without zooming.
      const drawn = await diagram.innerText();
      expect(drawn).toContain('计票未通过');
      expect(drawn).not.toMatch(/[a-z]+_[a-z]+/);
      const label = await diagram.getByText('形式审查通过', { exact: true }).first().boundingBox();
      expect(label!.height).toBeGreaterThanOrEqual(12);
      await screenshot(admin, 'admin-workflow-diagram');
      await admin.getByRole('tab', { name: '排名与入围' }).click();
      await admin.getByRole('cell', { name: receipt }).waitFor();
      await admin.getByTestId('quota-line').waitFor();
      await admin.getByRole('row', { name: new RegExp(receipt) }).filter({ hasText: '获奖名额内' }).waitFor();
      const [csv] = await Promise.all([admin.waitForEvent('download'), admin.getByRole('button', { name: /导出 CSV/ }).click()]);
      expect(csv.suggestedFilename()).toBe('评审排名.csv');
      const content = readFileSync((await csv.path())!, 'utf8');
      expect(content).toContain('"排名","受理编号","申报单位"');
      expect(content).toContain(receipt);
      // The same ranking as a workbook, opened and read back: its 排名 sheet has the application, 专家评分 its experts.
      const [xlsx] = await Promise.all([admin.waitForEvent('download'), admin.getByTestId('ranking-xlsx').click()]);
      expect(xlsx.suggestedFilename()).toBe('评审排名.xlsx');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile((await xlsx.path())!);
      expect(workbook.worksheets.map((w) => w.name)).toEqual(['排名', '专家评分']);
      const cellsOf = (name: string) => (workbook.getWorksheet(name)!.getSheetValues() as unknown[][]).filter(Boolean).flat();
      expect(cellsOf('排名')).toContain(receipt);
      expect(cellsOf('专家评分')).toContain(receipt);
      // Each expert's total beside the ranking, one row expanded.
      await admin.getByRole('row', { name: new RegExp(receipt) }).getByRole('button', { name: /展开|Expand/ }).click();
      await admin.getByTestId('expert-totals').first().waitFor();
      await screenshot(admin, 'admin-ranking');
      await numberInput(admin, 'shortlist-value').fill('1');
      await admin.getByRole('button', { name: '确定入围' }).click();
      await confirm(admin, 'the shortlist');
      await admin.getByText('入围 1 份').waitFor();
      // The office publishes the 公示 (through the API here; the public spec does it on the page); its end is fired, not waited for.
      await waitForState(ctx, applicationId, 'awaiting_publicity');
      await publishPublicity(ctx, await ctx.adminToken(), cycle.id);
      await endWindow(ctx, applicationId, 'publicity_end');
      await waitForState(ctx, applicationId, 'panel');
    });

    step('a panel member votes on the page, the office closes the vote and approves; the enterprise sees 已获奖', async () => {
      await ctx.http.post(`/cycles/${cycle.id}/panel`).set('Authorization', await ctx.adminToken()).send({ memberIds: [scorer.id] }).expect(200);
      // The expert who scored is on the panel too: the application's own page offers the vote.
      const member = expert;
      // The vote waits in the member's 待办; a blind cycle's organisation is not named there either.
      await member.goto(`${server.baseUrl}/expert/tasks`);
      const task = member.getByTestId('tasks-panel').getByTestId(`task-${applicationId}`);
      await task.filter({ hasText: '未表决' }).filter({ hasText: '匿名（盲评）' }).waitFor();
      expect(await member.content()).not.toContain(BLIND_ORG);
      await task.getByRole('link', { name: '表决', exact: true }).click();
      await member.waitForURL(new RegExp(`/application/${applicationId}$`));
      // What the panel deliberates on: the 综合得分, each expert's total (unnamed), the category means.
      const summary = member.getByTestId('panel-summary');
      const [score] = await ctx.dataSource.query(`SELECT aggregated::float8 AS aggregated FROM application_scores WHERE application_id = $1`, [applicationId]);
      await summary.filter({ hasText: '综合得分' }).filter({ hasText: String(score.aggregated) }).waitFor();
      await summary.filter({ hasText: '4.1 领导' }).waitFor();
      await member.getByTestId('panel-vote').getByText('同意').click();
      await member.getByTestId('panel-vote').getByLabel('说明').fill('结果类指标领先，同意授奖。');
      await member.getByRole('button', { name: '提交表决' }).click();
      await member.getByText('表决意见已记录').waitFor();
      expect(await member.content()).not.toContain(BLIND_ORG);
      await screenshot(member, 'panel-member-votes');
      // After a reload the member's own vote is there, with its 说明, and can be changed.
      await member.reload();
      await member.getByTestId('my-vote').filter({ hasText: '同意' }).waitFor();
      await waitFor(async () => (await member.getByTestId('panel-vote').getByLabel('说明').inputValue()) === '结果类指标领先，同意授奖。', 10_000, 'the own vote after a reload');
      await member.getByRole('button', { name: '修改表决' }).waitFor();
      await member.getByRole('menuitem', { name: '待办' }).click();
      await task.filter({ hasText: '同意' }).getByRole('link', { name: '修改表决' }).waitFor();
      expect(await member.content()).not.toContain(BLIND_ORG);
      await screenshot(member, 'reviewer-tasks-panel-voted');

      await admin.goto(`${server.baseUrl}/application/${applicationId}`);
      await admin.locator('[data-testid="state-tag"][data-state="panel"]').waitFor();
      await act(admin, 'close_panel_vote');
      await admin.locator('[data-testid="state-tag"][data-state="awaiting_approval"]').waitFor();
      await act(admin, 'approve');
      await admin.locator('[data-testid="state-tag"][data-state="awarded"]').waitFor();
      await screenshot(admin, 'admin-approved');

      // The enterprise's page, open all along, follows: state, timeline and its messages.
      await enterprise.locator('[data-testid="state-tag"][data-state="awarded"]').waitFor();
      await enterprise.getByTestId('history').filter({ hasText: '审定授奖' }).waitFor();
      await waitFor(async () => ((await enterprise.getByTestId('related-notifications').textContent()) ?? '').includes('获'), 20_000, 'the award notice');
      await screenshot(enterprise, 'enterprise-awarded');
      expect(await stateOf(ctx, applicationId)).toBe('awarded');
    });
  });

  describe('the office creates a cycle and finds its way around its pages', () => {
    const OFFICE_ORG = '重庆渝中控制台测试办公设备有限公司';
    let receipt: string;
    let admin: Page;

    beforeAll(async () => {
      ({ receipt } = await submitted(OFFICE_ORG, { title: '2026年度渝中区区长质量管理奖（办公页面测试）' }));
      admin = await signedIn('admin', ADMIN.username, ADMIN.password);
    }, STEP_TIMEOUT);

    step('the office creates and opens a cycle with its stage plan, and its other pages render', async () => {
      await admin.goto(`${server.baseUrl}/office/cycles/new`);
      await admin.getByTestId('award-select').click();
      await admin.locator('.ant-select-dropdown').getByText('市长质量管理奖', { exact: true }).click();
      await admin.getByLabel('标题').fill('2026年度重庆市市长质量管理奖（控制台创建）');
      // A DatePicker: the typed date turns the calendar to its month, the day is clicked (Enter would submit the form).
      await admin.getByLabel('申报截止').click();
      await admin.getByLabel('申报截止').fill('2099-06-30');
      await admin.locator('.ant-picker-dropdown:visible td[title="2099-06-30"]').click();
      await admin.getByText('企业答辩').click();
      // The 8th edition's order: 综合评选 after 现场评审, 公示 after 市政府审批.
      await admin.getByText('综合评选（现场评审后）').click();
      await admin.getByTestId('plan-publicity').click();
      await admin.locator('.ant-select-dropdown').getByText('评审委员会审议、政府审批后公示', { exact: true }).click();
      await screenshot(admin, 'admin-create-cycle');
      await admin.getByRole('button', { name: '创建' }).click();
      await admin.waitForURL(/\/office\/cycles\/[0-9a-f-]{36}$/);
      await admin.getByTestId('cycle-status').filter({ hasText: '开放申报' }).waitFor();
      const created = (await ctx.http.get(`/cycles/${admin.url().split('/').pop()}`).set('Authorization', await ctx.adminToken()).expect(200)).body;
      expect(created).toMatchObject({
        awardCode: 'city-quality-award',
        status: 'open',
        stagePlan: expect.objectContaining({ defense: false, scoredDefense: false, comprehensiveSelection: true, publicity: 'after_approval' }),
      });
      await admin.getByText('综合评选、审议、政府审批后公示').waitFor();

      await admin.goto(`${server.baseUrl}/office/applications`);
      await numberInput(admin, 'filter-search').fill(receipt);
      await numberInput(admin, 'filter-search').press('Enter');
      await admin.getByRole('link', { name: receipt }).waitFor();
      await admin.getByRole('row', { name: new RegExp(receipt) }).filter({ hasText: OFFICE_ORG }).waitFor();
      await screenshot(admin, 'admin-applications-search');

      await admin.goto(`${server.baseUrl}/office/compliance`);
      await numberInput(admin, 'org-search').fill('控制台测试');
      await numberInput(admin, 'org-search').press('Enter');
      await admin.getByRole('cell', { name: OFFICE_ORG }).waitFor();
      await screenshot(admin, 'admin-compliance');
      for (const [path, heading] of [
        ['/office/flags', '待分配专家的申报'],
        ['/office/jobs', '失败的后台任务'],
        ['/office/people', '用户与专家库'],
        ['/inbox', '消息通知'],
      ]) {
        await admin.goto(`${server.baseUrl}${path}`);
        await admin.locator('.ant-card-head-title').filter({ hasText: heading }).waitFor();
      }
      await screenshot(admin, 'admin-inbox');
    });
  });

  // A second, open (not blind) cycle with 现场评审, seeded through the API: an expert's 待办, the
  // office's expert assignments, 现场评审 findings, a 公示 objection and a withdrawal.
  describe('experts, a withdrawal, 现场评审 and a 公示 objection on an open cycle', () => {
    let cycle2: { id: string; title: string };
    let onsiteEnterprise: Enterprise;
    let withdrawing: Enterprise;
    let onsiteApp: string;
    let onsiteReceipt: string;
    let reviewer: Reviewer;
    let tied: Reviewer;
    let other: Reviewer;
    let scorer: Reviewer;
    let enterprise: Page;
    let admin: Page;
    let expert: Page;
    const ONSITE_ORG = '重庆渝中现场评审测试机电有限公司';

    beforeAll(async () => {
      onsiteEnterprise = await registerEnterprise(ctx, ONSITE_ORG);
      withdrawing = await registerEnterprise(ctx, '重庆渝中控制台撤回测试电子有限公司');
      // Three experts of its own: one tied to that enterprise (never to be assigned to it).
      [reviewer, other, tied] = await reviewerPool(ctx, 3, (i) => (i === 2 ? [onsiteEnterprise.uscc] : []));
      reviewers.push(reviewer, other, tied);
      enterprise = await signedIn('enterprise', withdrawing.username, withdrawing.password);
      admin = await signedIn('admin', ADMIN.username, ADMIN.password);
      expert = await signedIn('reviewer', reviewer.username, 'user-password-1');
    }, STEP_TIMEOUT);

    step('an enterprise withdraws its submitted application on its page, giving the reason', async () => {
      cycle2 = await openCycle(ctx, {
        title: '2026年度渝中区区长质量管理奖（现场评审）',
        blindReview: false,
        reviewersPerApplication: 1,
        quota: { awards: 2 },
        stagePlan: { defense: false, onsiteReview: true, publicityBeforePanel: true },
        panel: { quorum: 1 },
      });
      onsiteApp = await readyApplication(ctx, onsiteEnterprise, cycle2.id);
      onsiteReceipt = (await reviewAct(ctx, onsiteEnterprise.token, onsiteApp, 'submit')).receiptNumber;
      // Another enterprise applies too, then thinks better of it.
      const token = withdrawing.token;
      const draft = await ctx.http.post('/applications').set('Authorization', token).send({ cycleId: cycle2.id, form: qualityForm() }).expect(201);
      await uploadMaterials(ctx, token, draft.body.id);
      await reviewAct(ctx, token, draft.body.id, 'submit');

      await enterprise.goto(`${server.baseUrl}/application/${draft.body.id}`);
      await enterprise.locator('[data-testid="state-tag"][data-state="submitted"]').waitFor();
      await enterprise.locator('[data-testid="actions"] button[data-action="withdraw"]').click();
      const dialog = enterprise.locator('.ant-modal').filter({ hasText: '撤回申报' });
      // It says what follows before anything is taken: the application ends there.
      await expect(dialog.getByTestId('action-consequence').innerText()).resolves.toContain('办理后申报将转为「已撤回」，流程就此结束，不能撤回。');
      // The reason is required: refused before anything is sent.
      await dialog.getByRole('button', { name: /确\s*定/ }).click();
      await dialog.getByText('请填写理由').waitFor();
      await dialog.getByTestId('action-comment').fill('企业战略调整，本年度暂不参评。');
      // The width crossing breakpoints (a phone turned, a window resized — and a full-page screenshot,
      // which shrinks the viewport to 1×1 for a moment) moves 您现在可以 but never closes its dialog
      // or loses what was typed: the panel used to be mounted afresh in the other column.
      const menuButton = enterprise.getByTestId('menu-button');
      for (const width of [390, 1400]) {
        await enterprise.setViewportSize({ width, height: 1000 });
        await menuButton.waitFor({ state: width < 992 ? 'visible' : 'detached' });
        await expect(dialog.getByTestId('action-comment').inputValue()).resolves.toBe('企业战略调整，本年度暂不参评。');
      }
      await screenshot(enterprise, 'enterprise-withdraw-dialog');
      await dialog.getByRole('button', { name: /确\s*定/ }).click();
      await enterprise.locator('[data-testid="state-tag"][data-state="withdrawn"]').waitFor();
      await dialog.waitFor({ state: 'hidden' });
      await enterprise.getByTestId('no-actions').filter({ hasText: '该申报已办结' }).waitFor();
      await enterprise.getByTestId('history').filter({ hasText: '企业战略调整' }).waitFor();
      await screenshot(enterprise, 'enterprise-withdrawn');
      expect(await stateOf(ctx, draft.body.id)).toBe('withdrawn');
    });

    step('the office names the expert for 形式审查 on the cycle page; an expert it did not name finds nothing', async () => {
      await admin.goto(`${server.baseUrl}/office/cycles/${cycle2.id}`);
      await admin.getByRole('tab', { name: '专家分工' }).click();
      const formal = admin.getByTestId('stage-reviewers-formal_review');
      await choose(admin, formal.locator('.ant-select'), new RegExp(`（${reviewer.username}）`));
      await formal.getByRole('button', { name: /保\s*存/ }).click();
      await admin.getByText('形式审查（初审）专家已设置（1 人）').waitFor();
      await screenshot(admin, 'admin-stage-reviewers');
      const named = (await ctx.http.get(`/cycles/${cycle2.id}/stage-reviewers`).set('Authorization', await ctx.adminToken()).expect(200)).body;
      expect(named.find((n: { stage: string }) => n.stage === 'formal_review').reviewers.map((r: { userId: string }) => r.userId)).toEqual([reviewer.id]);
      await ctx.http.post(`/cycles/${cycle2.id}/close`).set('Authorization', await ctx.adminToken()).expect(200);
      expect((await ctx.http.get('/reviews/tasks').set('Authorization', other.token).expect(200)).body.items).toEqual([]);
    });

    step('an expert finds 形式审查 in 待办, grouped by stage, and passes it on the application page', async () => {
      await expert.goto(`${server.baseUrl}/expert/assignments`);
      await expert.getByRole('menuitem', { name: '待办' }).click();
      await expert.waitForURL(/\/expert\/tasks$/);
      const group = expert.getByTestId('tasks-formal_review');
      const row = group.getByTestId(`task-${onsiteApp}`);
      await row.waitFor();
      // Not a blind cycle: the organisation is named.
      await row.filter({ hasText: ONSITE_ORG }).filter({ hasText: cycle2.title }).waitFor();
      await screenshot(expert, 'reviewer-tasks-formal-review');
      await row.getByRole('link', { name: onsiteReceipt }).click();
      await expert.waitForURL(new RegExp(`/application/${onsiteApp}$`));
      await expert.locator('[data-testid="state-tag"][data-state="formal_review"]').waitFor();
      // The expert may also ask for a 补正 or reject: the page offers what the workflow allows.
      await expert.locator('[data-testid="actions"] button[data-action="request_supplement"]').waitFor();
      // Passed, the application goes on to 资料评审, which this expert is not (yet) assigned to: the
      // action answers with the new state, the page's next read is 404 (the one allowed below), and
      // the page says the action took effect instead of showing an error or polling on.
      // The rules staff 资料评审 with experts of the applicant's industry first: with this expert's
      // expertise elsewhere, the other one is chosen, and this one surely loses sight of it.
      await ctx.http.post('/reviews/reviewers').set('Authorization', await ctx.adminToken()).send({ userId: reviewer.id, expertise: ['A'], ties: [] }).expect(201);
      allowedHttpErrors.add(404);
      await act(expert, 'pass_formal_review');
      await expert.getByTestId('application-gone').filter({ hasText: '办理「形式审查通过」后，该申报进入了您不参与的环节' }).waitFor();
      await screenshot(expert, 'reviewer-formal-review-passed');
      await waitForState(ctx, onsiteApp, 'expert_review');
      // Done: no longer in the list.
      await expert.getByRole('button', { name: '返回待办' }).click();
      await expert.waitForURL(/\/expert\/tasks$/);
      await expert.locator('[data-testid="no-tasks"], [data-testid^="tasks-"]').first().waitFor();
      expect(await expert.getByTestId(`task-${onsiteApp}`).count()).toBe(0);
      allowedHttpErrors.delete(404);
    });

    step("the office sees the application's experts and reassigns one: a tied expert is refused with the reason in Chinese, another takes over", async () => {
      const [first] = await waitFor(async () => {
        const rows = await assignmentsOf(ctx, onsiteApp);
        return rows.length === 1 ? rows : null;
      }, 30_000, 'the assignment of the 现场评审 application');
      const pool: Array<{ userId: string; displayName: string }> = (await ctx.http.get('/reviews/reviewers').set('Authorization', await ctx.adminToken()).expect(200)).body.items;
      const nameOf = (id: string) => pool.find((r) => r.userId === id)!.displayName;
      // The expert who takes over: whichever of the two untied ones is not on it yet.
      const next = [reviewer, other].find((r) => r.id !== first.reviewer_id)!;
      scorer = next;

      await admin.goto(`${server.baseUrl}/application/${onsiteApp}`);
      const card = admin.getByTestId('review-assignments');
      const current = card.getByTestId(`assignment-row-${first.id}`);
      await current.filter({ hasText: nameOf(first.reviewer_id) }).filter({ hasText: '评审中' }).waitFor();
      await current.getByTestId('assignment-time-left').filter({ hasText: /剩 1[34] 天/ }).waitFor();
      await screenshot(admin, 'admin-review-assignments');

      await current.getByRole('button', { name: '重新分配' }).click();
      const dialog = admin.locator('.ant-modal').filter({ hasText: '重新分配' });
      await dialog.getByText('按规则自动选择').waitFor();
      const pick = (name: string) => choose(admin, dialog.getByTestId('reassign-select'), new RegExp(`^${name}（`), `${name}（`);
      allowedHttpErrors.add(400);
      await pick(nameOf(tied.id));
      await dialog.getByRole('button', { name: '重新分配' }).click();
      await dialog.locator('.ant-form-item-explain-error').filter({ hasText: '该专家与申报单位存在关联关系，须回避' }).waitFor();
      await screenshot(admin, 'admin-reassign-refused');
      // Refused as a whole: the assignment is still open.
      expect((await assignmentsOf(ctx, onsiteApp)).map((a) => a.id)).toEqual([first.id]);

      await pick(nameOf(next.id));
      await dialog.getByRole('button', { name: '重新分配' }).click();
      await admin.getByText(`已改派给 ${nameOf(next.id)}`).waitFor();
      await dialog.waitFor({ state: 'hidden' });
      await card.locator(`[data-testid="assignment-row-${first.id}"][data-status="replaced"]`).filter({ hasText: '已改派' }).waitFor();
      await card.locator(`[data-status="assigned"][data-reviewer="${next.id}"]`).filter({ hasText: nameOf(next.id) }).waitFor();
      await screenshot(admin, 'admin-reassigned');
      const [taken] = await assignmentsOf(ctx, onsiteApp);
      expect(taken.reviewer_id).toBe(next.id);

      // The new expert scores (through the API: the scoring page is covered above); the office shortlists.
      await ctx.http.post(`/reviews/assignments/${taken.id}/scores`).set('Authorization', next.token).send(scoreSheet(AWARD, 0.7)).expect(200);
      await waitForState(ctx, onsiteApp, 'shortlisting');
      await ctx.http.post(`/cycles/${cycle2.id}/shortlist`).set('Authorization', await ctx.adminToken()).send({ top: 1 }).expect(200);
      await waitForState(ctx, onsiteApp, 'onsite_review');
    });

    step('an expert records 现场评审 findings with a score adjustment from 待办; the findings show on the page and the ranking uses them', async () => {
      // The office sends the expert who scored it on site (and so it may still see it in 公示).
      await ctx.http.put(`/applications/${onsiteApp}/onsite-reviewers`).set('Authorization', await ctx.adminToken()).send({ userIds: [scorer.id] }).expect(200);
      let onsiteExpert = expert;
      if (scorer.id !== reviewer.id) {
        onsiteExpert = await newPage('reviewer-2');
        await login(onsiteExpert, scorer.username, 'user-password-1');
      }
      await onsiteExpert.goto(`${server.baseUrl}/expert/tasks`);
      const row = onsiteExpert.getByTestId('tasks-onsite_review').getByTestId(`task-${onsiteApp}`);
      await row.waitFor();
      await row.getByRole('link', { name: onsiteReceipt }).click();
      await onsiteExpert.locator('[data-testid="state-tag"][data-state="onsite_review"]').waitFor();
      await onsiteExpert.locator('[data-testid="actions"] button[data-action="pass_onsite_review"]').click();
      const dialog = onsiteExpert.locator('.ant-modal').filter({ hasText: '现场评审发现' });
      // Findings are required: said beside the field before anything is sent.
      await dialog.getByRole('button', { name: /确\s*定/ }).click();
      await dialog.getByText('请填写现场评审发现').waitFor();
      await dialog.getByTestId('onsite-findings-input').fill('现场核实：生产线自动化程度高，质量追溯体系完整；计量器具校准记录有缺漏。');
      await numberInput(onsiteExpert, 'onsite-adjustment-input').fill('3.5');
      await screenshot(onsiteExpert, 'reviewer-onsite-dialog');
      await dialog.getByRole('button', { name: /确\s*定/ }).click();
      await onsiteExpert.locator('[data-testid="state-tag"][data-state="awaiting_publicity"]').waitFor();
      await dialog.waitFor({ state: 'hidden' });
      const findings = onsiteExpert.getByTestId('onsite-findings');
      await findings.filter({ hasText: '生产线自动化程度高' }).filter({ hasText: '现场评审通过' }).waitFor();
      await findings.getByTestId('onsite-adjustment').filter({ hasText: '+3.5 分' }).waitFor();
      await screenshot(onsiteExpert, 'reviewer-onsite-findings');

      const ranking = (await ctx.http.get(`/cycles/${cycle2.id}/ranking`).set('Authorization', await ctx.adminToken()).expect(200)).body.items;
      const mine = (ranking as Array<{ applicationId: string; score: number; aggregated: number; onsiteAdjustment: number }>).find((r) => r.applicationId === onsiteApp)!;
      expect(mine.onsiteAdjustment).toBe(3.5);
      expect(mine.score).toBeCloseTo(mine.aggregated + 3.5, 5);
    });

    step('a 公示 objection filed through the API is dismissed on the office page; 公示 resumes', async () => {
      await publishPublicity(ctx, await ctx.adminToken(), cycle2.id, [onsiteApp]);
      const objector = withdrawing.token;
      await ctx.http
        .post(`/applications/${onsiteApp}/objections`)
        .set('Authorization', objector)
        .send({ objectorName: '李明', objectorOrganization: '重庆某仪器公司', contactPhone: '023-63001234', content: '该单位申报材料中的产品一次交验合格率与其年报数据不一致，请核查。', evidence: '该单位 2025 年度报告第 12 页。' })
        .expect(201);
      await waitForState(ctx, onsiteApp, 'objection_review');

      await admin.goto(`${server.baseUrl}/application/${onsiteApp}`);
      await admin.locator('[data-testid="state-tag"][data-state="objection_review"]').waitFor();
      // The office sees the 现场评审 record too.
      await admin.getByTestId('onsite-findings').getByTestId('onsite-adjustment').filter({ hasText: '+3.5 分' }).waitFor();
      const objections = admin.getByTestId('objections');
      await objections.filter({ hasText: '待处理' }).filter({ hasText: '年报数据不一致' }).waitFor();
      await screenshot(admin, 'admin-objection-open');
      await objections.getByRole('button', { name: '异议不成立' }).click();
      const dialog = admin.locator('.ant-modal').filter({ hasText: '认定异议不成立' });
      await dialog.getByLabel('处理意见').fill('经核查，年报口径为全部产品，申报口径为主导产品，数据一致，异议不成立。');
      await dialog.getByRole('button', { name: /确\s*定/ }).click();
      await objections.filter({ hasText: '异议不成立' }).filter({ hasText: '处理意见：经核查' }).waitFor();
      await admin.locator('[data-testid="state-tag"][data-state="publicity"]').waitFor();
      await dialog.waitFor({ state: 'hidden' });
      await screenshot(admin, 'admin-objection-dismissed');
      expect(await stateOf(ctx, onsiteApp)).toBe('publicity');
    });
  });

  describe('the office recommends an awarded district application into the city cycle', () => {
    let applicationId: string;
    let cityCycle: { id: string; title: string };
    let enterprise: Page;
    let admin: Page;

    beforeAll(async () => {
      // Awarded through the API: 资料评审, 入围, 公示 (ended by the test), the panel's vote and 审定.
      const arranged = await submitted('重庆渝中控制台推荐测试仪器有限公司', {
        title: '2026年度渝中区区长质量管理奖（推荐测试）',
        reviewersPerApplication: 1,
        quota: { awards: 1 },
        stagePlan: { defense: false, onsiteReview: false, publicityBeforePanel: true },
        panel: { quorum: 1 },
      });
      applicationId = arranged.applicationId;
      const office = await ctx.adminToken();
      const { assignmentId, expert } = await intoExpertReview(arranged.cycle.id, applicationId);
      await ctx.http.post(`/reviews/assignments/${assignmentId}/scores`).set('Authorization', expert.token).send(scoreSheet(AWARD, 0.8)).expect(200);
      await waitForState(ctx, applicationId, 'shortlisting');
      await ctx.http.post(`/cycles/${arranged.cycle.id}/shortlist`).set('Authorization', office).send({ top: 1 }).expect(200);
      await waitForState(ctx, applicationId, 'awaiting_publicity');
      await publishPublicity(ctx, office, arranged.cycle.id);
      await endWindow(ctx, applicationId, 'publicity_end');
      await waitForState(ctx, applicationId, 'panel');
      await ctx.http.post(`/cycles/${arranged.cycle.id}/panel`).set('Authorization', office).send({ memberIds: [expert.id] }).expect(200);
      await ctx.http.post(`/applications/${applicationId}/votes`).set('Authorization', expert.token).send({ vote: 'approve' }).expect(200);
      await ctx.http.post(`/applications/${applicationId}/votes/close`).set('Authorization', office).expect(200);
      await reviewAct(ctx, office, applicationId, 'approve');
      // The city cycle it is recommended into (taking applications now; the one the office created on the
      // form above opens on the award's usual date, so not any open 市长奖 cycle will do).
      cityCycle = await openCycle(ctx, { awardCode: 'city-quality-award', title: '2026年度重庆市市长质量管理奖（推荐测试）' });
      enterprise = await signedIn('enterprise', arranged.enterprise.username, arranged.enterprise.password);
      admin = await signedIn('admin', ADMIN.username, ADMIN.password);
    }, STEP_TIMEOUT);

    step("the office recommends the awarded district application into the city cycle; the enterprise's city draft links back to it", async () => {
      const city = cityCycle;
      await admin.goto(`${server.baseUrl}/application/${applicationId}`);
      await admin.locator('[data-testid="state-tag"][data-state="awarded"]').waitFor();
      await admin.getByTestId('recommend-button').click();
      const dialog = admin.locator('.ant-modal').filter({ hasText: '推荐至市长质量管理奖' });
      await choose(admin, dialog.getByTestId('recommend-cycle'), city.title);
      await dialog.getByTestId('recommend-comment').fill('区长质量管理奖获奖单位，推荐申报市长质量管理奖。');
      await screenshot(admin, 'admin-recommend-dialog');
      await dialog.getByRole('button', { name: '推荐' }).click();
      const done = admin.getByTestId('recommended');
      await done.waitFor();
      await dialog.waitFor({ state: 'hidden' });
      await screenshot(admin, 'admin-recommended');
      // Only once: a second recommendation is refused.
      await ctx.http.post(`/applications/${applicationId}/recommend`).set('Authorization', await ctx.adminToken()).send({ cycleId: city.id }).expect(409);

      await done.getByRole('link', { name: '查看推荐生成的申报' }).click();
      await admin.waitForURL(/\/application\/[0-9a-f-]{36}$/);
      const cityDraft = admin.url().split('/').pop()!;
      expect(cityDraft).not.toBe(applicationId);
      await admin.getByTestId('recommended-from').waitFor();

      await enterprise.goto(`${server.baseUrl}/my/applications`);
      const listed = enterprise.getByRole('row', { name: new RegExp(city.title.replace(/[()（）]/g, '.')) });
      await listed.filter({ hasText: '由区级申报推荐' }).waitFor();
      await listed.getByRole('link', { name: city.title }).click();
      await enterprise.waitForURL(new RegExp(`/application/${cityDraft}$`));
      await enterprise.getByTestId('recommended-from').filter({ hasText: '由区级申报推荐' }).waitFor();
      await enterprise.locator('[data-testid="state-tag"][data-state="draft"]').waitFor();
      await screenshot(enterprise, 'enterprise-recommended-draft');
      await enterprise.getByTestId('recommended-from-link').click();
      await enterprise.waitForURL(new RegExp(`/application/${applicationId}$`));
      await enterprise.locator('[data-testid="state-tag"][data-state="awarded"]').waitFor();
    });
  });


  it('rendered every page without console errors', () => {
    expect(consoleErrors).toEqual([]);
  });

  it('ran every page under the Content-Security-Policy without a violation', () => {
    expect(cspViolations).toEqual([]);
  });
});
