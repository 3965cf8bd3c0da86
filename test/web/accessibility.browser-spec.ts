import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { Enterprise, openCycle, readyApplication, registerEnterprise } from '../support/award-fixtures';
import { act, assignmentsOf, publishPublicity, Reviewer, reviewerPool, scoreSheet, waitForState } from '../support/review-fixtures';
import { ADMIN, createUser, startTestApp, TestContext } from '../support/test-app';
import { waitFor } from '../support/throwaway-redis';
import { CHROMIUM, ConsoleServer, ensureWebBuild, PAGE_TIMEOUT, REDUCED_MOTION, ROOT, screenshotFolder, serveConsole } from './console-host';

const AWARD = 'district-quality-award';
const STEP_TIMEOUT = 600_000;
const DESKTOP = { width: 1400, height: 1000 };
const PHONE = { width: 390, height: 844 };
/** Pages checked at once (two cores here): one page's waits are the other's working time. */
const LANES = 2;
/**
 * Every page is photographed as its user first sees it (the screen, not the whole page: a full page of
 * a long form took seconds to capture and encode, most of a page's time under load); a page with a
 * problem is photographed whole, and A11Y_SCREENSHOTS=all photographs every page whole.
 */
const EVERY_SCREENSHOT = process.env.A11Y_SCREENSHOTS === 'all';
type Screen = typeof DESKTOP;
/** axe-core's own bundle, run in the page through the DevTools protocol: the console's CSP (script-src 'self') stays as served. */
const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const RECOMMENDER = { username: 'a11y-recommender', password: 'user-password-1' };

type Who = 'anonymous' | 'enterprise' | 'expert' | 'recommender' | 'admin';
interface Route {
  who: Who;
  name: string;
  path: () => string;
}

/** What axe reports of a page (the test compiles without the DOM's types: plain data back). */
interface Finding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Issue 18: every page of the console, as the user who works on it, passes axe-core with no
 * critical or serious violation (labels, contrast, landmarks), has exactly one h1 and one main
 * landmark; and on a phone (390 px) nothing scrolls sideways and the menu opens from its button.
 * Seeded through the API: one cycle with an application through 资料评审 and in 公示 (the public
 * pages have a batch), another with an application waiting for the expert's scores.
 */
describe('accessibility of every page (axe-core, headless Chromium)', () => {
  let ctx: TestContext;
  let server: ConsoleServer;
  let browser: Browser;
  let expert: Reviewer;
  let enterprise: Enterprise;
  let officeCode: string;
  let batchId: string;
  let publicityCycleId: string;
  let inPublicity: string;
  let assignmentId: string;
  /** By user and screen width (see contextOf). */
  const contexts = new Map<string, Promise<BrowserContext>>();
  /** Each route's problems at each width ('' for none), by label, as the lanes get to them. */
  const outcomes = new Map<string, Promise<string>>();
  let lanes: Promise<unknown> | undefined;
  let closing = false;
  const errors: string[] = [];
  let shots: string;
  let launching: Promise<Browser> | undefined;

  beforeAll(async () => {
    ensureWebBuild();
    shots = screenshotFolder('a11y');
    // The browser starts while the data is seeded.
    launching = chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
    launching.catch(() => undefined);
    ctx = await startTestApp({ worker: true, env: { OUTBOX_POLL_INTERVAL_MS: '200', DEADLINE_SCHEDULE_INTERVAL_MS: '100' } });
    server = await serveConsole(ctx);
    const admin = await ctx.adminToken();
    [expert] = await reviewerPool(ctx, 1);
    await createUser(ctx, { username: RECOMMENDER.username, password: RECOMMENDER.password, role: 'recommender', displayName: '区县推荐单位' });

    // Through 资料评审 and 入围 into 公示.
    const cycle = await openCycle(ctx, {
      title: '2026年度渝中区区长质量管理奖（无障碍测试）',
      reviewersPerApplication: 1,
      quota: { awards: 1 },
      stagePlan: { defense: false, onsiteReview: false, publicityBeforePanel: true },
      panel: { quorum: 1 },
    });
    publicityCycleId = cycle.id;
    enterprise = await registerEnterprise(ctx, '重庆渝中无障碍测试精密仪器有限公司');
    inPublicity = await readyApplication(ctx, enterprise, cycle.id);
    await act(ctx, enterprise.token, inPublicity, 'submit');
    await ctx.http.post(`/cycles/${cycle.id}/close`).set('Authorization', admin).expect(200);
    await act(ctx, admin, inPublicity, 'pass_formal_review');
    const [scored] = await waitFor(async () => {
      const rows = await assignmentsOf(ctx, inPublicity);
      return rows.length === 1 ? rows : null;
    }, 30_000, 'the first assignment');
    await ctx.http.post(`/reviews/assignments/${scored.id}/scores`).set('Authorization', expert.token).send(scoreSheet(AWARD, 0.8)).expect(200);
    await waitForState(ctx, inPublicity, 'shortlisting');
    await ctx.http.post(`/cycles/${cycle.id}/shortlist`).set('Authorization', admin).send({ top: 1 }).expect(200);
    await waitForState(ctx, inPublicity, 'awaiting_publicity');
    batchId = (await publishPublicity(ctx, admin, cycle.id)).id;
    const { officeId } = (await ctx.http.get(`/cycles/${cycle.id}`).set('Authorization', admin).expect(200)).body;
    officeCode = (await ctx.http.get(`/offices/${officeId}`).set('Authorization', admin).expect(200)).body.divisionCode;

    // Another cycle's application waits for the expert's scores: the scoring page is live.
    const second = await openCycle(ctx, { title: '2027年度渝中区区长质量管理奖（无障碍测试）', reviewersPerApplication: 1 });
    const other = await registerEnterprise(ctx, '重庆渝中无障碍测试智能装备有限公司');
    const inReview = await readyApplication(ctx, other, second.id);
    await act(ctx, other.token, inReview, 'submit');
    await ctx.http.post(`/cycles/${second.id}/close`).set('Authorization', admin).expect(200);
    await act(ctx, admin, inReview, 'pass_formal_review');
    [{ id: assignmentId }] = await waitFor(async () => {
      const rows = await assignmentsOf(ctx, inReview);
      return rows.length === 1 ? rows : null;
    }, 30_000, 'the second assignment');

    browser = await launching;
    lanes = Promise.all(Array.from({ length: LANES }, (_, i) => runLane(i)));
  }, STEP_TIMEOUT);

  afterAll(async () => {
    // Whatever a lane still does fails fast once its pages close, and it checks nothing more.
    closing = true;
    for (const c of contexts.values()) await (await c.catch(() => undefined))?.close().catch(() => undefined);
    await lanes;
    await (await launching?.catch(() => undefined))?.close();
    await server?.close();
    await ctx?.close();
  });

  const ROUTES: Route[] = [
    { who: 'anonymous', name: 'login', path: () => '/login' },
    { who: 'anonymous', name: 'public-offices', path: () => '/public' },
    { who: 'anonymous', name: 'public-office', path: () => `/public/offices/${officeCode}` },
    { who: 'anonymous', name: 'public-publicity', path: () => `/public/publicity/${batchId}` },
    { who: 'anonymous', name: 'public-certificates', path: () => '/public/certificates' },
    { who: 'anonymous', name: 'public-certificate-unknown', path: () => '/public/certificates/2099-XX-Z999' },
    { who: 'enterprise', name: 'my-applications', path: () => '/my/applications' },
    { who: 'enterprise', name: 'my-cycles', path: () => '/my/cycles' },
    { who: 'enterprise', name: 'my-organization', path: () => '/my/organization' },
    { who: 'enterprise', name: 'enterprise-application', path: () => `/application/${inPublicity}` },
    { who: 'enterprise', name: 'enterprise-inbox', path: () => '/inbox' },
    { who: 'expert', name: 'expert-tasks', path: () => '/expert/tasks' },
    { who: 'expert', name: 'expert-assignments', path: () => '/expert/assignments' },
    { who: 'expert', name: 'expert-assignment', path: () => `/expert/assignments/${assignmentId}` },
    { who: 'expert', name: 'expert-inbox', path: () => '/inbox' },
    { who: 'recommender', name: 'recommender-list', path: () => '/office/applications?state=awaiting_endorsement' },
    { who: 'admin', name: 'workbench', path: () => '/office/workbench' },
    { who: 'admin', name: 'stats', path: () => '/office/stats' },
    { who: 'admin', name: 'applications', path: () => '/office/applications' },
    { who: 'admin', name: 'cycles', path: () => '/office/cycles' },
    { who: 'admin', name: 'cycle-new', path: () => '/office/cycles/new' },
    { who: 'admin', name: 'cycle-detail', path: () => `/office/cycles/${publicityCycleId}` },
    { who: 'admin', name: 'office-application', path: () => `/application/${inPublicity}` },
    { who: 'admin', name: 'people', path: () => '/office/people' },
    { who: 'admin', name: 'offices', path: () => '/office/offices' },
    { who: 'admin', name: 'compliance', path: () => '/office/compliance' },
    { who: 'admin', name: 'flags', path: () => '/office/flags' },
    { who: 'admin', name: 'deadlines', path: () => '/office/deadlines' },
    { who: 'admin', name: 'rechecks', path: () => '/office/rechecks' },
    { who: 'admin', name: 'failed-jobs', path: () => '/office/jobs' },
    { who: 'admin', name: 'admin-inbox', path: () => '/inbox' },
    { who: 'admin', name: 'not-found', path: () => '/no/such/page' },
  ];

  const credentials = (who: Who) =>
    ({ enterprise: enterprise, expert: { username: expert.username, password: 'user-password-1' }, recommender: RECOMMENDER, admin: ADMIN })[who as Exclude<Who, 'anonymous'>];

  const contextOptions = (viewport: Screen) => ({ ...REDUCED_MOTION, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport, ...(viewport.width < 500 ? { isMobile: true, hasTouch: true } : {}) });

  /**
   * One browser context per user and screen width, shared by the lanes (one HTTP cache: the console's
   * bundle is fetched and compiled once per context, not per page). Each user signs in once, through
   * the login page, at the desktop width; the phone's context starts from the session that leaves
   * (the token in localStorage) instead of signing in again.
   */
  function contextOf(who: Who, viewport: Screen): Promise<BrowserContext> {
    const key = `${who}-${viewport.width}`;
    let known = contexts.get(key);
    if (!known) {
      known = (async () => {
        if (who === 'anonymous') return browser.newContext(contextOptions(viewport));
        if (viewport !== DESKTOP) {
          const storageState = await (await contextOf(who, DESKTOP)).storageState();
          return browser.newContext({ ...contextOptions(viewport), storageState });
        }
        const context = await browser.newContext(contextOptions(viewport));
        const page = await context.newPage();
        page.setDefaultTimeout(PAGE_TIMEOUT);
        const { username, password } = credentials(who);
        await page.goto(`${server.baseUrl}/login`);
        await page.getByLabel('用户名').fill(username);
        await page.getByLabel('密码').fill(password);
        await page.getByRole('button', { name: /登\s*录/ }).click();
        // Signed in when the login page gives way.
        await page.waitForURL((url) => !url.pathname.startsWith('/login'));
        await page.close();
        return context;
      })();
      contexts.set(key, known);
    }
    return known;
  }

  /** A lane's page for one user at one width. */
  async function openPage(who: Who, viewport: Screen, lane: number): Promise<Page> {
    const page = await (await contextOf(who, viewport)).newPage();
    page.setDefaultTimeout(PAGE_TIMEOUT);
    const key = `${who}-${viewport.width}#${lane}`;
    // axe-core itself evaluates strings somewhere, which the CSP (no 'unsafe-eval') refuses: seen on
    // pages without any such code (/office/flags, /office/people), so not counted as the page's error.
    page.on('pageerror', (e) => {
      if (!/'unsafe-eval' is not an allowed source/.test(e.message)) errors.push(`[${key}] ${page.url()}: ${e.message}`);
    });
    return page;
  }

  /** The page has drawn its data: the network is quiet and no spinner or skeleton is left. */
  async function settled(page: Page): Promise<void> {
    await page.locator('h1').first().waitFor({ state: 'attached' });
    // Bounded and not fatal: a page that keeps a spinner (a preview still loading) is checked as it stands.
    await page.waitForLoadState('networkidle', { timeout: 20_000 }).catch(() => undefined);
    await page.waitForFunction('document.querySelectorAll(".ant-spin-spinning, .ant-skeleton-active").length === 0', undefined, { timeout: 20_000 }).catch(() => undefined);
    // antd fades things in: the checks see them settled (finite animations only, and bounded).
    await page.evaluate(`Promise.race([
      Promise.all(document.getAnimations().filter((a) => a.effect && a.effect.getComputedTiming().endTime !== Infinity).map((a) => a.finished)),
      new Promise((resolve) => setTimeout(resolve, 3000)),
    ]).then(() => undefined, () => undefined)`);
  }

  async function axeFindings(page: Page): Promise<Finding[]> {
    await page.evaluate(AXE_SOURCE);
    return page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations
      .filter((v) => v.impact === 'critical' || v.impact === 'serious')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ') + ' — ' + n.failureSummary.replace(/\\s+/g, ' ').slice(0, 200)) })))`);
  }

  const report = (findings: Finding[]) => findings.map((f) => `${f.impact} ${f.id}: ${f.help}\n    ${f.targets.join('\n    ')}`).join('\n');
  const labelOf = (route: Route, viewport: Screen) => `${viewport.width < 500 ? 'phone' : 'desktop'}-${route.name}`;

  /** Every problem of one route at one width, '' when there is none. */
  async function check(page: Page, route: Route, viewport: Screen): Promise<string> {
    const label = labelOf(route, viewport);
    const times: string[] = [];
    let since = Date.now();
    const lap = (what: string) => {
      times.push(`${what} ${Date.now() - since}`);
      since = Date.now();
    };
    await page.goto(`${server.baseUrl}${route.path()}`);
    lap('goto');
    await settled(page);
    lap('settled');
    const findings = await axeFindings(page);
    lap('axe');
    const outline = (await page.evaluate(`({ h1: document.querySelectorAll('h1').length, main: document.querySelectorAll('main, [role="main"]').length, scrollWidth: document.documentElement.scrollWidth })`)) as { h1: number; main: number; scrollWidth: number };
    // Every problem of the page at once (and written down as it goes, for the whole run).
    const problems = [report(findings), outline.h1 === 1 ? '' : `${outline.h1} h1`, outline.main === 1 ? '' : `${outline.main} main landmarks`];
    // Nothing wider than the screen on a phone: no sideways scrolling.
    if (viewport.width < 500 && outline.scrollWidth > viewport.width) problems.push(`scrolls sideways: ${outline.scrollWidth} px wide`);
    await page.screenshot({ path: join(shots, `${label}.png`), fullPage: EVERY_SCREENSHOT || problems.some(Boolean) });
    lap('shot');
    if (viewport.width < 500) {
      if (route.who !== 'anonymous') {
        // The menu is behind its button on a phone, and opens from it.
        await page.getByRole('button', { name: '打开菜单' }).click();
        const drawer = page.locator('.ant-drawer-open').getByRole('navigation', { name: '主菜单' });
        await drawer.getByRole('menuitem').first().waitFor();
        await settled(page);
        lap('menu');
        const inDrawer = report(await axeFindings(page));
        if (inDrawer) problems.push(`with the menu open:\n${inDrawer}`);
        lap('menu-axe');
        await page.screenshot({ path: join(shots, `${label}-menu.png`) });
        await page.keyboard.press('Escape');
        await page.locator('.ant-drawer-open').waitFor({ state: 'detached' });
        lap('menu-close');
      }
    }
    const found = problems.filter(Boolean).join('\n');
    appendFileSync(join(shots, 'axe-report.txt'), `${label}\n${found || '  none'}\n`);
    // Where each page's time went (ms per step), for the next one who wants this spec faster.
    appendFileSync(join(shots, 'timings.txt'), `${label}: ${times.join(', ')} ms\n`);
    return found;
  }

  /** Every route at both widths, in the tests' order: what the lanes work through. */
  const JOBS = [DESKTOP, PHONE].flatMap((viewport) => ROUTES.map((route) => ({ route, viewport, label: labelOf(route, viewport) })));
  const settle = new Map<string, (problems: string) => void>();
  for (const { label } of JOBS) outcomes.set(label, new Promise((resolve) => settle.set(label, resolve)));
  let next = 0;

  /**
   * LANES lanes take the next route and width from JOBS, one at a time, each in its own pages, while
   * the tests (one per route and width, in the same order) wait for their route's outcome: one lane's
   * waits (the network going quiet, a fade) are the other's working time. A lane keeps its page while
   * the user and width stay the same (only the route changes). A route that throws is that route's
   * failure; the lane drops the page and goes on.
   */
  async function runLane(lane: number): Promise<void> {
    let current: { key: string; page: Page } | undefined;
    const drop = async () => {
      await current?.page.close().catch(() => undefined);
      current = undefined;
    };
    while (next < JOBS.length) {
      const { route, viewport, label } = JOBS[next++];
      if (closing) {
        settle.get(label)!('not checked: the run ended first');
        continue;
      }
      const key = `${route.who}-${viewport.width}`;
      try {
        if (current?.key !== key) {
          await drop();
          current = { key, page: await openPage(route.who, viewport, lane) };
        }
        settle.get(label)!(await check(current.page, route, viewport));
      } catch (e) {
        await drop();
        settle.get(label)!(`failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      }
    }
    await drop();
  }

  async function expectClean(route: Route, viewport: Screen): Promise<void> {
    const label = labelOf(route, viewport);
    if (!lanes) throw new Error(`${label} was never checked: the setup did not get as far as the pages`);
    expect({ route: label, problems: await outcomes.get(label) }).toEqual({ route: label, problems: '' });
  }

  describe('on a desktop (1400 px)', () => {
    for (const route of ROUTES) it(`${route.name} (${route.who})`, () => expectClean(route, DESKTOP), STEP_TIMEOUT);
  });

  describe('on a phone (390 × 844)', () => {
    for (const route of ROUTES) it(`${route.name} (${route.who})`, () => expectClean(route, PHONE), STEP_TIMEOUT);
  });

  it('raised no error in any page', async () => {
    await lanes;
    expect(errors).toEqual([]);
  });
});
