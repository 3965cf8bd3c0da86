import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { samplePdf } from '../../libs/applications/src/testing/material-fixtures';
import { Enterprise, openCycle, qualityForm, QUALITY_REQUIRED, registerEnterprise } from '../support/award-fixtures';
import { act as reviewAct, assignmentsOf, Reviewer, reviewerPool, scoreSheet, waitForState } from '../support/review-fixtures';
import { endWindow } from '../support/end-window';
import { ADMIN, startTestApp, TestContext } from '../support/test-app';
import { waitFor } from '../support/throwaway-redis';
import { CHROMIUM, closeSpec, ConsoleServer, PAGE_TIMEOUT, REDUCED_MOTION, ensureWebBuild, ROOT, serveConsole } from './console-host';

const AWARD = 'district-quality-award';
/** Bounds, not waits: what a step or a page action may take on a busy machine before it fails. */
const STEP_TIMEOUT = 600_000;
// A folder of its own, as the other browser specs keep.
const SHOTS = join(ROOT, 'test-results', 'web-public');
/** A citizen reads a 公示 on a phone. */
const PHONE_VIEWPORT = { width: 375, height: 812 };

const ORGS = ['重庆渝中公示测试精密仪器有限公司', '重庆渝中公示测试智能装备有限公司'];
/** The objector: the office may know who it is; the enterprise never. */
const OBJECTOR = { name: '欧阳明远', idNumber: '11010519491231002X', phone: '13800138000', organization: '重庆明远质量咨询中心' };
const DOCUMENT_NUMBER = '渝中府发〔2026〕12号';
const OBJECTION_TEXT = '该单位申报材料中的主营业务收入与其在国家企业信用信息公示系统公开的年度报告不一致，请核查。';

/** A 1×1 PNG: evidence may be a picture. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** "2025年10月13日" from 'YYYY-MM-DD', as the pages write dates. */
const cnDate = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/** Today in Beijing, 'YYYY-MM-DD'. */
const beijingToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * The public pages end to end in headless Chromium against the real API and worker: the office
 * publishes a 公示 batch on the cycle's page for the applications in 待公示; a visitor without an
 * account finds it at /public on a phone, reads its dates and files an objection with evidence; the
 * enterprise answers it without ever learning who objected; the office decides it; and after the
 * award the visitor verifies the certificate by its number.
 */
describe('public pages: 公示, objections and certificate verification (headless Chromium)', () => {
  let ctx: TestContext;
  let server: ConsoleServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const consoleErrors: string[] = [];
  const allowedHttpErrors = new Set<number>();
  let shot = 0;

  let cycle: { id: string; title: string };
  let officeCode: string;
  let expert: Reviewer;
  const applications: Array<{ enterprise: Enterprise; applicationId: string }> = [];
  let batch: { id: string; startsOn: string; endsOn: string };
  let visitor: Page;
  let certificateNumber: string;

  const screenshot = async (page: Page, name: string) => {
    mkdirSync(SHOTS, { recursive: true });
    // antd fades lists and dialogs in: the picture shows them when they have settled.
    // (Finite ones only, and bounded: a spinner turns for ever.)
    await page.evaluate(`Promise.race([
      Promise.all(document.getAnimations().filter((a) => a.effect && a.effect.getComputedTiming().endTime !== Infinity).map((a) => a.finished)),
      new Promise((resolve) => setTimeout(resolve, 3000)),
    ]).then(() => undefined, () => undefined)`);
    shot++;
    await page.screenshot({ path: join(SHOTS, `${String(shot).padStart(2, '0')}-${name}.png`), fullPage: true });
  };

  async function newPage(who: string, viewport = { width: 1400, height: 1000 }): Promise<Page> {
    const context = await browser.newContext({ ...REDUCED_MOTION, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport, acceptDownloads: true, ...(viewport.width < 500 ? { isMobile: true, hasTouch: true } : {}) });
    contexts.push(context);
    const page = await context.newPage();
    opened.push({ who, page });
    page.setDefaultTimeout(PAGE_TIMEOUT);
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      const status = /status of (\d{3})/.exec(m.text());
      if (status && allowedHttpErrors.has(Number(status[1]))) return;
      consoleErrors.push(`[${who}] ${page.url()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => consoleErrors.push(`[${who}] ${page.url()}: pageerror ${e.message}`));
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
          mkdirSync(SHOTS, { recursive: true });
          for (const { who, page } of opened) {
            if (!page.isClosed()) await page.screenshot({ path: join(SHOTS, `FAILED-${String(shot).padStart(2, '0')}-${who}.png`), fullPage: true }).catch(() => undefined);
          }
          throw error;
        }
      },
      STEP_TIMEOUT,
    );
  }

  async function signedIn(who: string, username: string, password: string): Promise<Page> {
    const page = await newPage(who);
    await page.goto(`${server.baseUrl}/login`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByTestId('current-user').waitFor();
    return page;
  }

  const admin = async () => ctx.adminToken();

  /** A submitted application of a fresh enterprise in the cycle, scored by the expert: on to 入围. */
  async function scored(orgName: string): Promise<{ enterprise: Enterprise; applicationId: string }> {
    const enterprise = await registerEnterprise(ctx, orgName);
    const created = await ctx.http.post('/applications').set('Authorization', enterprise.token).send({ cycleId: cycle.id, form: qualityForm() }).expect(201);
    for (const type of QUALITY_REQUIRED) {
      await ctx.http
        .post(`/applications/${created.body.id}/attachments`)
        .set('Authorization', enterprise.token)
        .field('documentType', type)
        .attach('file', samplePdf(type), { filename: `${type}.pdf`, contentType: 'application/pdf' })
        .expect(201);
    }
    await reviewAct(ctx, enterprise.token, created.body.id, 'submit');
    return { enterprise, applicationId: created.body.id };
  }

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
    ensureWebBuild();
    rmSync(SHOTS, { recursive: true, force: true });
    ctx = await startTestApp({ worker: true, env: { OUTBOX_POLL_INTERVAL_MS: '200', DEADLINE_SCHEDULE_INTERVAL_MS: '100' } });
    server = await serveConsole(ctx);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
    [expert] = await reviewerPool(ctx, 1);

    // Two applications through 资料评审 and 入围 by the API, as the other specs drive cycles: both in 待公示.
    cycle = await openCycle(ctx, {
      title: '2026年度渝中区区长质量管理奖（公示测试）',
      reviewersPerApplication: 1,
      quota: { awards: 2 },
      stagePlan: { defense: false, onsiteReview: false, publicityBeforePanel: true },
      panel: { quorum: 1 },
    });
    for (const org of ORGS) applications.push(await scored(org));
    const office = await admin();
    await ctx.http.post(`/cycles/${cycle.id}/close`).set('Authorization', office).expect(200);
    for (const { applicationId } of applications) {
      await reviewAct(ctx, office, applicationId, 'pass_formal_review');
      const [assignment] = await waitFor(async () => {
        const rows = await assignmentsOf(ctx, applicationId);
        return rows.length === 1 ? rows : null;
      }, 30_000, `the assignment of ${applicationId}`);
      await ctx.http.post(`/reviews/assignments/${assignment.id}/scores`).set('Authorization', expert.token).send(scoreSheet(AWARD, 0.8)).expect(200);
      await waitForState(ctx, applicationId, 'shortlisting');
    }
    await ctx.http.post(`/cycles/${cycle.id}/shortlist`).set('Authorization', office).send({ top: 2 }).expect(200);
    for (const { applicationId } of applications) await waitForState(ctx, applicationId, 'awaiting_publicity');
    const cycleBody = (await ctx.http.get(`/cycles/${cycle.id}`).set('Authorization', office).expect(200)).body;
    // The public pages name an office by its division code.
    officeCode = (await ctx.http.get(`/offices/${cycleBody.officeId}`).set('Authorization', office).expect(200)).body.divisionCode;
  }, STEP_TIMEOUT);

  afterAll(() => closeSpec({ contexts, browser, server, ctx }));

  step('the office publishes a 公示 batch on the cycle page for the applications in 待公示', async () => {
    const page = await signedIn('admin', ADMIN.username, ADMIN.password);
    await page.goto(`${server.baseUrl}/office/cycles/${cycle.id}`);
    await page.getByRole('tab', { name: '社会公示' }).click();
    const form = page.getByTestId('publish-publicity');
    // Both are listed and preselected.
    for (const org of ORGS) await form.getByTestId('awaiting-publicity').getByRole('row', { name: new RegExp(org) }).waitFor();
    expect(await form.getByTestId('awaiting-publicity').locator('tbody input[type="checkbox"]:checked').count()).toBe(2);
    // Tomorrow by default; the test starts it today so the visitor may object at once.
    const start = form.locator('input[data-testid="publicity-starts-on"], [data-testid="publicity-starts-on"] input').first();
    await start.click();
    await start.fill(beijingToday());
    await start.press('Enter');
    await form.locator('label.ant-radio-wrapper').filter({ hasText: /^7 天$/ }).click();
    // The unit defaults to the office's name.
    await expect(form.getByLabel('受理单位').inputValue()).resolves.not.toBe('');
    await form.getByLabel('联系电话').fill('023-63890000');
    await form.getByLabel('通信地址').fill('重庆市渝中区解放碑民族路 1 号 302 室');
    await form.getByLabel('电子邮箱').fill('zhiliang@yuzhong.example.cn');
    await screenshot(page, 'office-publish-form');
    await form.getByTestId('publish-button').click();
    const confirm = page.locator('.ant-modal-confirm').filter({ hasText: '所选 2 份申报将进入「社会公示」' }).filter({ hasText: '7 天，自发布次日起算' });
    await confirm.waitFor();
    await screenshot(page, 'office-publish-confirm');
    await confirm.getByRole('button', { name: /发\s*布/ }).click();
    await page.getByTestId('batch-1').waitFor();

    const batches = (await ctx.http.get(`/cycles/${cycle.id}/publicity-batches`).set('Authorization', await admin()).expect(200)).body.items;
    expect(batches).toHaveLength(1);
    batch = batches[0];
    expect(batch.startsOn).toBe(beijingToday());
    await page.getByTestId('batch-1').getByTestId('batch-period').filter({ hasText: `${cnDate(batch.startsOn)}至${cnDate(batch.endsOn)}` }).waitFor();
    for (const org of ORGS) await page.getByTestId('batch-1').getByRole('row', { name: new RegExp(org) }).filter({ hasText: '社会公示' }).waitFor();
    await screenshot(page, 'office-batch-published');
    for (const { applicationId } of applications) await waitForState(ctx, applicationId, 'publicity');
  });

  step('a visitor without an account finds the 公示 on a phone and reads its dates', async () => {
    visitor = await newPage('visitor', PHONE_VIEWPORT);
    const requests: string[] = [];
    visitor.on('request', (r) => {
      if (r.headers()['authorization']) requests.push(r.url());
    });
    await visitor.goto(`${server.baseUrl}/public`);
    await visitor.getByTestId(`public-office-${officeCode}`).waitFor();
    await screenshot(visitor, 'public-offices');
    await visitor.getByTestId(`public-office-${officeCode}`).getByRole('link').click();
    await visitor.waitForURL(new RegExp(`/public/offices/${officeCode}$`));
    const listed = visitor.getByTestId(`public-batch-${batch.id}`);
    await listed.getByTestId('public-batch-period').filter({ hasText: `${cnDate(batch.startsOn)}至${cnDate(batch.endsOn)}` }).waitFor();
    await listed.getByText('公示中').waitFor();
    await screenshot(visitor, 'public-office-publicity');

    await listed.getByRole('link').first().click();
    await visitor.waitForURL(new RegExp(`/public/publicity/${batch.id}$`));
    await visitor.getByTestId('publicity-period').filter({ hasText: `${cnDate(batch.startsOn)}至${cnDate(batch.endsOn)}` }).waitFor();
    for (const org of ORGS) await visitor.getByTestId('publicity-entries').getByText(org).waitFor();
    await visitor.getByTestId('publicity-contact').getByText('023-63890000').waitFor();
    // It reads on a phone: nothing wider than the screen.
    expect(await visitor.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE_VIEWPORT.width);
    await screenshot(visitor, 'public-publicity');
    // A reload of the page itself (a shared link) is the console, not the API's JSON.
    await visitor.reload();
    await visitor.getByTestId('publicity-period').waitFor();
    expect(requests).toEqual([]);
  });

  step('the visitor files an objection with an evidence file and gets a receipt reference', async () => {
    const form = visitor.getByTestId('public-objection-form');
    await form.getByTestId('objection-entry').click();
    await visitor.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: ORGS[0] }).click();
    await form.getByLabel('姓名').fill(OBJECTOR.name);
    await form.getByLabel('身份证号或统一社会信用代码').fill(OBJECTOR.idNumber);
    await form.getByLabel('单位（选填）').fill(OBJECTOR.organization);
    await form.getByLabel('电话').fill(OBJECTOR.phone);
    await form.getByLabel('异议内容').fill(OBJECTION_TEXT);
    await form.locator('input[type="file"]').setInputFiles({ name: '年度报告截图.pdf', mimeType: 'application/pdf', buffer: samplePdf('evidence') });
    await form.getByText('年度报告截图.pdf').waitFor();
    await screenshot(visitor, 'public-objection-form');
    await form.getByTestId('objection-submit').click();
    const reference = visitor.getByTestId('objection-reference');
    await reference.waitFor();
    expect((await reference.innerText()).trim()).not.toBe('');
    await screenshot(visitor, 'public-objection-receipt');

    // The office sees who objected, with the evidence file.
    const seen = (await ctx.http.get('/objections').query({ applicationId: applications[0].applicationId }).set('Authorization', await admin()).expect(200)).body;
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ channel: 'public', status: 'open', objectorName: OBJECTOR.name, content: OBJECTION_TEXT });
    expect(seen[0].files.map((f: { fileName: string }) => f.fileName)).toEqual(['年度报告截图.pdf']);
  });

  step("the enterprise sees the objection and answers it, and the objector's name is nowhere in what its session reads", async () => {
    const { enterprise, applicationId } = applications[0];
    const page = await newPage('enterprise');
    const bodies: string[] = [];
    page.on('response', async (res) => {
      if (!res.url().startsWith(server.baseUrl) || !/json/.test(res.headers()['content-type'] ?? '')) return;
      bodies.push(`${res.url()} ${await res.text().catch(() => '')}`);
    });
    await page.goto(`${server.baseUrl}/login`);
    await page.getByLabel('用户名').fill(enterprise.username);
    await page.getByLabel('密码').fill(enterprise.password);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByTestId('current-user').waitFor();
    await page.goto(`${server.baseUrl}/application/${applicationId}`);
    const card = page.getByTestId('objections');
    await card.getByText(OBJECTION_TEXT).waitFor();
    await card.getByTestId('respond-button').click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '提交申辩' });
    await dialog.getByTestId('response-content').fill('所述差异系统计口径不同：申报数据含子公司，年报为母公司口径，附说明。');
    await dialog.locator('input[type="file"]').setInputFiles({ name: '口径说明.pdf', mimeType: 'application/pdf', buffer: samplePdf('response') });
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await card.getByTestId('objection-response').filter({ hasText: '统计口径不同' }).waitFor();
    await page.getByTestId('publicity-dates').waitFor();
    await screenshot(page, 'enterprise-objection-answered');

    const html = await page.content();
    expect(html).not.toContain(OBJECTOR.name);
    expect(html).not.toContain(OBJECTOR.idNumber);
    expect(html).not.toContain(OBJECTOR.phone);
    const direct = await ctx.http.get('/objections').query({ applicationId }).set('Authorization', enterprise.token).expect(200);
    expect(direct.body).toHaveLength(1);
    bodies.push(JSON.stringify(direct.body));
    expect(bodies.some((b) => b.includes('/objections?applicationId='))).toBe(true);
    for (const body of bodies) {
      expect(body).not.toContain(OBJECTOR.name);
      expect(body).not.toContain(OBJECTOR.idNumber);
      expect(body).not.toContain(OBJECTOR.phone);
      expect(body).not.toContain(OBJECTOR.organization);
    }
  });

  step('the office sees the objector and the 申辩, and dismisses the objection on the cycle page', async () => {
    const page = await signedIn('admin', ADMIN.username, ADMIN.password);
    await page.goto(`${server.baseUrl}/office/cycles/${cycle.id}`);
    await page.getByRole('tab', { name: '异议处理' }).click();
    const item = page.getByTestId('cycle-objections').locator('[data-status="open"]').first();
    await item.getByTestId('objector').filter({ hasText: OBJECTOR.name }).waitFor();
    await item.getByTestId('objection-response').filter({ hasText: '统计口径不同' }).waitFor();
    await item.getByTestId('objection-file').filter({ hasText: '年度报告截图.pdf' }).waitFor();
    await page.locator('[data-testid="record-objection"]:not([disabled])').waitFor();
    await screenshot(page, 'office-objection-open');
    // The evidence downloads under its name.
    const [evidence] = await Promise.all([page.waitForEvent('download'), item.getByTestId('objection-file').filter({ hasText: '年度报告截图.pdf' }).click()]);
    expect(evidence.suggestedFilename()).toBe('年度报告截图.pdf');
    await item.getByRole('button', { name: '异议不成立' }).click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '认定异议不成立' });
    await dialog.getByText('公示期不重新计算').waitFor();
    await dialog.getByLabel('处理意见（将告知申报单位）').fill('经核查，差异系统计口径不同，异议不成立。');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('没有待处理的异议').waitFor();
    const [objection] = (await ctx.http.get('/objections').query({ applicationId: applications[0].applicationId }).set('Authorization', await admin()).expect(200)).body;
    expect(objection.status).toBe('dismissed');
  });

  step('the office records an objection received by post with its scanned evidence, and upholds it: that application is rejected', async () => {
    const page = await signedIn('admin', ADMIN.username, ADMIN.password);
    await page.goto(`${server.baseUrl}/office/cycles/${cycle.id}`);
    await page.getByRole('tab', { name: '异议处理' }).click();
    await page.locator('[data-testid="record-objection"]:not([disabled])').click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '登记异议（信函、电话、电子邮件）' });
    await dialog.locator('.ant-select').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: ORGS[1] }).click();
    await dialog.getByText('信函', { exact: true }).click();
    await dialog.getByLabel('异议人姓名或单位名称').fill('重庆某检测技术有限公司');
    await dialog.getByLabel('联系电话').fill('023-68000000');
    await dialog.getByLabel('异议内容').fill('该单位申报的质量管理体系认证证书已于去年被撤销，申报材料所附证书系过期版本。');
    await dialog.getByLabel('证据说明').fill('随信附认证机构撤销公告复印件 1 页。');
    await screenshot(page, 'office-record-objection');
    await dialog.getByRole('button', { name: /登\s*记/ }).click();
    await dialog.getByText('异议已登记').waitFor();
    await dialog.locator('input[type="file"]').setInputFiles({ name: '撤销公告扫描件.pdf', mimeType: 'application/pdf', buffer: samplePdf('scan') });
    await dialog.getByRole('button', { name: '上传证据文件' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await waitForState(ctx, applications[1].applicationId, 'objection_review');

    const item = page.getByTestId('cycle-objections').locator('[data-status="open"]').filter({ hasText: '撤销公告扫描件.pdf' });
    await item.filter({ hasText: '信函' }).waitFor();
    await item.getByRole('button', { name: '异议成立' }).click();
    const decide = page.locator('.ant-modal').filter({ hasText: '认定异议成立' });
    await decide.getByText('该申报将被驳回').waitFor();
    // The resolution is required (a click landing while the dialog still opens is tried again).
    for (let attempt = 1; ; attempt++) {
      await decide.getByRole('button', { name: /确\s*定/ }).click();
      if (await decide.getByText('请填写处理意见').waitFor({ timeout: 10_000 }).then(() => true, () => false)) break;
      if (attempt === 3) throw new Error('the required resolution was not asked for');
    }
    await decide.getByLabel('处理意见（将告知申报单位）').fill('经向认证机构核实，该单位认证证书已被撤销，异议成立。');
    await screenshot(page, 'office-uphold-confirm');
    await decide.getByRole('button', { name: /确\s*定/ }).click();
    await decide.waitFor({ state: 'hidden' });
    await waitForState(ctx, applications[1].applicationId, 'rejected');
    await page.getByRole('tab', { name: '社会公示' }).click();
    await page.getByTestId('batch-1').getByRole('row', { name: new RegExp(ORGS[1]) }).locator('[data-testid="state-tag"][data-state="rejected"]').waitFor();
    await screenshot(page, 'office-batch-after-decisions');
  });

  step("an objection the office can no longer take is refused on the public page with the API's reason in Chinese", async () => {
    await visitor.goto(`${server.baseUrl}/public/publicity/${batch.id}`);
    const form = visitor.getByTestId('public-objection-form');
    await form.getByTestId('objection-entry').click();
    await visitor.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: ORGS[1] }).click();
    await form.getByLabel('姓名').fill('张三');
    await form.getByLabel('身份证号或统一社会信用代码').fill('110105194912310037');
    await form.getByLabel('电话').fill('13900139000');
    await form.getByLabel('异议内容').fill('该单位的认证证书已被撤销，不应列入拟表彰名单，请予核查处理。');
    await form.locator('input[type="file"]').setInputFiles({ name: '证据.png', mimeType: 'image/png', buffer: PNG });
    allowedHttpErrors.add(409);
    await form.getByTestId('objection-submit').click();
    await form.getByTestId('error-alert').filter({ hasText: '不再受理异议' }).waitFor();
    // Nothing of what became of the application: the public is not told it was rejected.
    expect(await form.getByTestId('error-alert').textContent()).not.toMatch(/未通过|驳回/);
    await screenshot(visitor, 'public-objection-refused');
    allowedHttpErrors.delete(409);
  });

  step('after the award the visitor verifies the certificate by its number (and an unknown number is said so)', async () => {
    const office = await admin();
    const { applicationId } = applications[0];
    // 公示 ends (fired here, not waited for); the panel votes; the office approves.
    await endWindow(ctx, applicationId, 'publicity_end');
    await waitForState(ctx, applicationId, 'panel');
    await ctx.http.post(`/cycles/${cycle.id}/panel`).set('Authorization', office).send({ memberIds: [expert.id] }).expect(200);
    await ctx.http.post(`/applications/${applicationId}/votes`).set('Authorization', expert.token).send({ vote: 'approve' }).expect(200);
    await ctx.http.post(`/applications/${applicationId}/votes/close`).set('Authorization', office).expect(200);
    await reviewAct(ctx, office, applicationId, 'approve');
    await waitForState(ctx, applicationId, 'awarded');
    certificateNumber = await waitFor(async () => {
      const res = await ctx.http.get(`/applications/${applicationId}/certificate`).set('Authorization', office);
      return res.status === 200 ? (res.body.number as string) : null;
    }, 60_000, 'the certificate number');

    // The enterprise sees its certificate on its application, and downloads the PDF once the worker has made it.
    const { enterprise } = applications[0];
    const mine = await signedIn('enterprise', enterprise.username, enterprise.password);
    await mine.goto(`${server.baseUrl}/application/${applicationId}`);
    const card = mine.getByTestId('certificate');
    await card.getByTestId('certificate-number').filter({ hasText: certificateNumber }).waitFor();
    await card.getByText('有效').waitFor();
    await card.getByTestId('certificate-download').waitFor({ timeout: 120_000 });
    const [pdf] = await Promise.all([mine.waitForEvent('download'), card.getByTestId('certificate-download').click()]);
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
    expect(readFileSync((await pdf.path())!).subarray(0, 5).toString()).toBe('%PDF-');
    await screenshot(mine, 'enterprise-certificate');

    // The office records the 表彰决定 on the cycle page: the 表彰名单 is published with it.
    const page = await signedIn('admin', ADMIN.username, ADMIN.password);
    await page.goto(`${server.baseUrl}/office/cycles/${cycle.id}`);
    // Nothing recorded yet is the API's 404 (the browser logs it; the panel shows the form).
    allowedHttpErrors.add(404);
    await page.getByRole('tab', { name: '表彰决定' }).click();
    const panel = page.getByTestId('award-decision');
    await panel.getByLabel('标题').fill('关于表彰2026年度渝中区区长质量管理奖获奖单位的决定');
    await panel.getByLabel('文号').fill(DOCUMENT_NUMBER);
    const decidedOn = panel.locator('input[data-testid="decision-date"], [data-testid="decision-date"] input').first();
    await decidedOn.click();
    await decidedOn.fill(beijingToday());
    await decidedOn.press('Enter');
    await panel.locator('input[type="file"]').setInputFiles({ name: '表彰决定.pdf', mimeType: 'application/pdf', buffer: samplePdf('decision') });
    await panel.getByRole('button', { name: '登记表彰决定' }).click();
    await panel.getByTestId('decision-number').filter({ hasText: DOCUMENT_NUMBER }).waitFor();
    await screenshot(page, 'office-award-decision');
    allowedHttpErrors.delete(404);

    await visitor.goto(`${server.baseUrl}/public/offices/${officeCode}`);
    await visitor.getByRole('tab', { name: '表彰名单' }).click();
    const result = visitor.getByTestId('public-result');
    await result.filter({ hasText: DOCUMENT_NUMBER }).getByTestId('public-winner').filter({ hasText: ORGS[0] }).filter({ hasText: certificateNumber }).waitFor();
    // The rejected application is not among the winners.
    expect(await result.getByText(ORGS[1]).count()).toBe(0);
    expect(await visitor.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE_VIEWPORT.width);
    await screenshot(visitor, 'public-results');

    await visitor.goto(`${server.baseUrl}/public`);
    await visitor.getByTestId('public-nav-certificates').click();
    await visitor.waitForURL(/\/public\/certificates$/);
    await visitor.getByTestId('certificate-number').locator('input').fill(certificateNumber);
    await visitor.getByRole('button', { name: /查\s*询/ }).click();
    const status = visitor.locator('[data-testid="certificate-status"][data-status="valid"]');
    await status.filter({ hasText: '证书有效' }).waitFor();
    await visitor.getByTestId('certificate-fields').getByText(ORGS[0]).waitFor();
    await visitor.getByTestId('certificate-fields').getByText(DOCUMENT_NUMBER).waitFor();
    await screenshot(visitor, 'public-certificate-valid');

    await visitor.getByTestId('certificate-number').locator('input').fill('2099-XX-Z999');
    await visitor.getByRole('button', { name: /查\s*询/ }).click();
    await visitor.locator('[data-testid="certificate-status"][data-status="unknown"]').filter({ hasText: '未查到该证书' }).waitFor();
    await screenshot(visitor, 'public-certificate-unknown');
  });

  it('rendered every page without console errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});
