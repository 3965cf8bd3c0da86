import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { getAward } from '../../libs/awards/src';
import { Enterprise, openCycle, registerEnterprise } from '../support/award-fixtures';
import { startTestApp, TestContext } from '../support/test-app';
import { closeSpec, ConsoleServer, consoleContext, consolePage, ensureWebBuild, launchChromium, PHONE, ROOT, serveConsole, signIn } from './console-host';

const SCREENSHOTS = join(ROOT, 'test-results', 'web-enterprise');
const ORG_NAME = '重庆申报页测试精工有限公司';

/** The page's localStorage, as the callbacks run in the browser see it (this file compiles without the DOM's types). */
interface BrowserStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/**
 * Issue 18, the enterprise's pages: the submit button held back with the reasons above it and who
 * to call at the office when a gate is the office's; the self-assessment laid out by the rubric with
 * character counts; the blind cycle's warning; and a session lost mid-typing, signed in again in a
 * dialog over the page, with nothing typed lost.
 */
describe('the enterprise applies, in the console', () => {
  let ctx: TestContext;
  let server: ConsoleServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let enterprise: Enterprise;
  let cycle: { id: string; title: string };
  let applicationId: string;
  const step = (name: string, fn: () => Promise<void>) => it(name, fn, 300_000);
  const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    ensureWebBuild();
    rmSync(SCREENSHOTS, { recursive: true, force: true });
    mkdirSync(SCREENSHOTS, { recursive: true });
    ctx = await startTestApp();
    server = await serveConsole(ctx);
    const admin = await ctx.adminToken();
    enterprise = await registerEnterprise(ctx, ORG_NAME);
    // Never graded (the office grades organisations): this cycle asks for a grade (requireGrade).
    await ctx.dataSource.query(`UPDATE organizations SET credit_grade = NULL WHERE id = $1`, [enterprise.organizationId]);
    const eligibility = getAward('district-quality-award').defaultEligibility.map((r) => (r.rule === 'min_credit_grade' ? { rule: r.rule, params: { grade: 'B', requireGrade: true } } : r));
    cycle = await openCycle(ctx, { title: '2026年度渝中区区长质量管理奖（申报页测试）', blindReview: true, reviewersPerApplication: 1, quota: { awards: 1 }, eligibility });
    // Whichever office the cycle was opened in says who to call.
    const [{ office_id: officeId }] = await ctx.dataSource.query(`SELECT office_id FROM cycles WHERE id = $1`, [cycle.id]);
    await ctx.http.put(`/offices/${officeId}/contact`).set('Authorization', admin).send({ contactUnit: '渝中区市场监督管理局质量发展科', contactPhone: '023-63871234' }).expect(200);
    browser = await launchChromium();
    context = await consoleContext(browser);
    page = await consolePage(context);
  }, 600_000);
  afterAll(() => closeSpec({ browser, server, ctx }));

  step('starts an application: the self-assessment follows the rubric, with a count per category', async () => {
    await signIn(page, server.baseUrl, enterprise);
    await page.goto(`${server.baseUrl}/my/cycles`);
    await page.getByTestId(`cycle-${cycle.id}`).getByRole('button', { name: '在线申报' }).click();
    await page.waitForURL(/\/application\/[0-9a-f-]{36}$/);
    applicationId = page.url().split('/').pop()!;
    // Each category with its items and their points, as the experts will score it.
    await page.getByTestId('sa-leadership-guide').filter({ hasText: '4.1.2 高层领导的作用（50 分）' }).waitFor();
    await page.getByTestId('sa-results-guide').filter({ hasText: '4.7' }).waitFor();
    await page.getByTestId('sa-strategy').fill('以卓越绩效模式统领战略制定与部署。');
    await page.getByTestId('sa-strategy-count').filter({ hasText: '本类目 17 字' }).waitFor();
    await page.getByTestId('sa-total').filter({ hasText: '合计 17 / 30000 字' }).waitFor();
    await page.locator('[data-testid="autosave-status"][data-state="saved"]').waitFor();
  });

  step("warns, in a blind cycle, to keep the organisation's name out, and points at where it was typed", async () => {
    await page.getByTestId('blind-warning').filter({ hasText: '本届为匿名评审' }).waitFor();
    await page.getByTestId('blind-materials-warning').waitFor();
    await page.getByTestId('sa-leadership').fill(`${ORG_NAME}高层领导确立质量优先战略。`);
    await page.getByTestId('blind-findings').filter({ hasText: `自评报告·领导中出现了本单位名称「${ORG_NAME}」` }).waitFor();
    await shot('01-blind-warning');
    await page.getByTestId('sa-leadership').fill('高层领导确立质量优先战略。');
    await page.getByTestId('blind-findings').waitFor({ state: 'detached' });
  });

  step("holds the submit button back with the reasons on top, and says who to call at the office for the credit grade", async () => {
    const blocked = page.getByTestId('submit-blocked');
    await blocked.filter({ hasText: '暂不能「提交申报」' }).waitFor();
    const text = await blocked.innerText();
    expect(text).toContain('缺少申报材料');
    expect(text).toContain('尚未评定质量信用等级');
    expect(text).toContain('申报书未填写');
    // Chinese only, as the server words it: no field paths.
    expect(text).not.toMatch(/form\.|selfAssessment|[A-Za-z]{4,}/);
    await expect(page.locator('[data-testid="actions"] button[data-action="submit"]').isDisabled()).resolves.toBe(true);
    const contact = page.getByTestId('office-contact');
    await contact.filter({ hasText: '需评奖办公室办理' }).waitFor();
    await expect(contact.getByTestId('office-contact-phone').innerText()).resolves.toBe('023-63871234');
    await shot('02-submit-held-back');
  });

  step('loses its session while typing: signs in again in a dialog over the page, and what was typed is saved', async () => {
    await page.locator('[data-testid="autosave-status"][data-state="saved"]').waitFor();
    // The session is lost (a token the server no longer accepts), and the user goes on typing.
    await page.evaluate(() => (globalThis as unknown as { localStorage: BrowserStorage }).localStorage.setItem('awardflow.token', 'expired.session.token'));
    const typed = '在会话失效后输入的资源类目内容：人才、财务、信息与技术资源保障到位。';
    await page.getByTestId('sa-resources').fill(typed);
    await page.getByRole('dialog').filter({ hasText: '登录已过期，请重新登录' }).waitFor();
    await page.locator('[data-testid="autosave-status"][data-state="lapsed"]').waitFor();
    // Still on the application (no redirect to /login), and the typing is kept in this browser.
    expect(page.url()).toContain(`/application/${applicationId}`);
    const kept = await page.evaluate((id) => (globalThis as unknown as { localStorage: BrowserStorage }).localStorage.getItem(`awardflow.unsaved.${id}`), applicationId);
    expect(kept).toContain(typed);
    await expect(page.getByTestId('sa-resources').inputValue()).resolves.toBe(typed);
    await shot('03-relogin-dialog');

    await page.getByTestId('relogin-password').fill(enterprise.password);
    await page.getByTestId('relogin-submit').click();
    await page.getByRole('dialog').filter({ hasText: '登录已过期' }).waitFor({ state: 'hidden' });
    await page.locator('[data-testid="autosave-status"][data-state="saved"]').waitFor();
    const [{ form }] = await ctx.dataSource.query(`SELECT form FROM applications WHERE id = $1`, [applicationId]);
    expect(form.selfAssessment.resources).toBe(typed);
    expect(await page.evaluate((id) => (globalThis as unknown as { localStorage: BrowserStorage }).localStorage.getItem(`awardflow.unsaved.${id}`), applicationId)).toBeNull();
    await page.reload();
    await expect(page.getByTestId('sa-resources').inputValue()).resolves.toBe(typed);
    await shot('04-saved-after-relogin');
  });

  step('keeps typing the server never got in this browser: after a reload it is put back and saved', async () => {
    // The server is unreachable for saves (a dropped connection): the edit stays in this browser.
    await page.route(`**/applications/${applicationId}`, (route) => (route.request().method() === 'PATCH' ? route.abort('connectionfailed') : route.continue()));
    const typed = '断网时输入的过程管理内容：关键过程识别、设计与持续改进。';
    await page.getByTestId('sa-processManagement').fill(typed);
    await page.locator('[data-testid="autosave-status"][data-state="error"]').waitFor();
    expect(await page.evaluate((id) => (globalThis as unknown as { localStorage: BrowserStorage }).localStorage.getItem(`awardflow.unsaved.${id}`), applicationId)).toContain(typed);
    await page.unroute(`**/applications/${applicationId}`);
    await page.reload();
    await page.getByTestId('restored-local').waitFor();
    await expect(page.getByTestId('sa-processManagement').inputValue()).resolves.toBe(typed);
    await page.locator('[data-testid="autosave-status"][data-state="saved"]').waitFor();
    const [{ form }] = await ctx.dataSource.query(`SELECT form FROM applications WHERE id = $1`, [applicationId]);
    expect(form.selfAssessment.processManagement).toBe(typed);
    await shot('05-restored-after-reload');
  });

  step('opens its menu without motion for a user who asked the system for less, and slides it in for the others', async () => {
    const phone = await consolePage(context);
    await phone.setViewportSize(PHONE);
    await phone.goto(`${server.baseUrl}/my/cycles`);
    // Every class an element is given while it moves in (rc-motion's -appear / -enter), recorded as it is set.
    await phone.evaluate(`(() => {
      const moved = (window.__moved = []);
      const note = (el) => { if (el && typeof el.className === 'string' && /-(appear|enter)(-|$|\\s)/.test(el.className)) moved.push(el.className); };
      new MutationObserver((records) => records.forEach((r) => {
        note(r.target);
        r.addedNodes.forEach((n) => { if (n.nodeType === 1) { note(n); n.querySelectorAll('*').forEach(note); } });
      })).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
    })()`);
    const openAndClose = async () => {
      await phone.getByRole('button', { name: '打开菜单' }).click();
      await phone.locator('.ant-drawer-open').getByRole('menuitem').first().waitFor();
      await phone.keyboard.press('Escape');
      await phone.locator('.ant-drawer-open').waitFor({ state: 'detached' });
    };
    await openAndClose();
    expect(await phone.evaluate('window.__moved')).toEqual([]);

    await phone.emulateMedia({ reducedMotion: 'no-preference' });
    await phone.getByRole('button', { name: '打开菜单' }).click();
    await phone.waitForFunction('window.__moved.length > 0');
    await phone.close();
  });
});
