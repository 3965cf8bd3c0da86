import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { beijingDate, nextUsualWindow } from '@awardflow/rules';
import { openCycle } from '../support/award-fixtures';
import { seedApplication } from '../support/seed-application';
import { ADMIN, startTestApp, TestContext } from '../support/test-app';
import { closeSpec, ConsoleServer, consoleContext, consolePage, ensureWebBuild, launchChromium, screenshotFolder, serveConsole, signIn } from './console-host';
import { rowKeys, settles, sortBy } from './table-helpers';

const COUNT = 26;
const DAY = 24 * 3600_000;
const T0 = Date.parse('2033-03-01T02:00:00Z');
/** The ranking's scores (two 85s: 并列). */
const SCORES = [90, 85, 85, 70, 60, 75];
/** The admin's inbox: more than a page of 20, every third one read. */
const NOTIFICATIONS = 24;

/**
 * 期限管理 in headless Chromium: the office's deadlines sorted by 到期时间 either way in the server's
 * order, paged, filtered to 仅看已逾期, one extended (延期) and shown at its new due time; the page at
 * phone width without sideways scrolling; the cycle's ranking sorted by 得分 with 并列 still shown;
 * the new-cycle form's window from the award's usual calendar; the 申报单位 table and the inbox in
 * the server's order.
 */
describe('console: the office deadline list (headless Chromium)', () => {
  let ctx: TestContext;
  let server: ConsoleServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let admin: string;
  let cycleId: string;
  let shots: string;
  const errors: string[] = [];

  const screenshot = async (name: string, on: Page = page) => {
    await on.mouse.move(0, 0); // no sorter tooltip over the rows
    await on.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  };
  const api = async (path: string, query: Record<string, string | number>) => (await ctx.http.get(path).query(query).set('Authorization', admin).expect(200)).body;
  const deadlines = async (query: Record<string, string | number>) => (await api('/admin/deadlines', { cycleId, status: 'pending', ...query })) as { items: Array<{ id: string; dueAt: string }>; total: number };

  beforeAll(async () => {
    ensureWebBuild();
    shots = screenshotFolder('office-deadlines');
    ctx = await startTestApp();
    admin = await ctx.adminToken();
    cycleId = (await openCycle(ctx, { year: 2033, title: '2033年度渝中区区长质量管理奖（期限测试）' })).id;
    // Written straight into the tables: each application's instance names its cycle, each has one pending
    // 补正 deadline (the API runs no timers here), due from 5 days ago onwards, a day apart.
    for (let i = 0; i < COUNT; i++) {
      const id = await seedApplication(ctx, cycleId, 'C3825', [['draft', 0], ['submitted', 0], ['formal_review', 1]], { t0: T0 + i * 60_000 });
      await ctx.dataSource.query(`UPDATE applications SET receipt_number = $2 WHERE id = $1`, [id, `YZ2033-${String(((i + 1) * 7) % 100).padStart(4, '0')}`]);
      await ctx.dataSource.query(`UPDATE workflow_instances SET context = jsonb_build_object('cycleId', $2::text) WHERE id = (SELECT instance_id FROM applications WHERE id = $1)`, [id, cycleId]);
      await ctx.dataSource.query(`INSERT INTO deadlines (instance_id, kind, action, due_at, status) SELECT instance_id, 'supplement', 'supplement_timeout', $2, 'pending' FROM applications WHERE id = $1`, [
        id,
        new Date(Date.now() + ((i * 11) % COUNT - 5) * DAY + 3600_000),
      ]);
      if (i < SCORES.length) {
        await ctx.dataSource.query(
          `INSERT INTO application_scores (application_id, cycle_id, rule, aggregated, onsite_adjustment, results_subtotal, reviewer_count) VALUES ($1, $2, 'trimmed_mean', $3, 0, $4, 5)`,
          [id, cycleId, SCORES[i], 40 - i],
        );
      }
    }
    const [{ id: adminId }] = await ctx.dataSource.query(`SELECT id FROM users WHERE username = $1`, [ADMIN.username]);
    for (let i = 0; i < NOTIFICATIONS; i++) {
      await ctx.dataSource.query(`INSERT INTO notifications (user_id, event_key, template, title, body, created_at, read_at) VALUES ($1, $2, 'test', $3, '正文', $4, $5)`, [
        adminId,
        `office-deadlines-${i}`,
        `排序测试通知${String(i).padStart(2, '0')}`,
        new Date(T0 + ((i * 7) % NOTIFICATIONS) * 60_000),
        i % 3 ? null : new Date(T0),
      ]);
    }
    server = await serveConsole(ctx);
    browser = await launchChromium();
    context = await consoleContext(browser, { timezoneId: 'America/Los_Angeles' });
    page = await consolePage(context);
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, server.baseUrl, ADMIN);
  }, 600_000);

  afterAll(() => closeSpec({ browser, server, ctx }));

  it('sorts by 到期时间 either way in the order of the API ?sort=, pages, and filters 仅看已逾期', async () => {
    await page.getByRole('navigation', { name: '主菜单' }).getByText('期限管理').click();
    await page.waitForURL(/\/office\/deadlines$/);
    await page.getByRole('heading', { level: 1, name: '期限管理' }).waitFor({ state: 'attached' });
    await page.getByRole('combobox', { name: '评审周期' }).click();
    await page.locator('.ant-select-dropdown').getByText('2033年度渝中区区长质量管理奖（期限测试）').click();
    await page.getByText(`共 ${COUNT} 项`).waitFor();

    await sortBy(page, '到期时间', 'ascending');
    await settles(() => rowKeys(page), (await deadlines({ sort: 'dueAt' })).items.map((d) => d.id));
    // Beijing time, marked so, though the browser is in Los Angeles; the first is overdue.
    const first = (await deadlines({ sort: 'dueAt' })).items[0];
    const firstRow = page.locator(`tr[data-row-key="${first.id}"]`);
    await expect(firstRow.getByTestId('due-at').innerText()).resolves.toBe(`${new Date(first.dueAt).toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 16)} 北京时间`);
    await firstRow.getByText(/已逾期 \d+ 天/).waitFor();
    await screenshot('01-due-ascending');

    await sortBy(page, '到期时间', 'descending');
    const descending = (await deadlines({ sort: '-dueAt' })).items.map((d) => d.id);
    await settles(() => rowKeys(page), descending);
    await page.locator('tr.ant-table-row').first().getByText(/剩 \d+ 天/).waitFor();
    await page.locator('.ant-pagination-item-2').click();
    await settles(() => rowKeys(page), (await deadlines({ sort: '-dueAt', page: 2 })).items.map((d) => d.id));
    await screenshot('02-due-descending-page-2');

    await page.getByTestId('deadline-overdue-only').click();
    const overdue = await deadlines({ sort: '-dueAt', overdue: 'true' });
    expect(overdue.total).toBeGreaterThan(0);
    await settles(() => rowKeys(page), overdue.items.map((d) => d.id));
    await page.getByText(`共 ${overdue.total} 项`).waitFor();
    await page.getByTestId('deadline-overdue-only').click();
    await page.getByText(`共 ${COUNT} 项`).waitFor();
  });

  it('extends one deadline (延期 with a reason) and shows its new due time', async () => {
    // The soonest due, overdue: extended to 2099-06-15, the end of that day in Beijing.
    await sortBy(page, '到期时间', 'ascending');
    const target = (await deadlines({ sort: 'dueAt' })).items[0];
    await settles(async () => (await rowKeys(page))[0], target.id);
    const row = page.locator(`tr[data-row-key="${target.id}"]`);
    await row.getByTestId('extend-deadline').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('extend-value').fill('2099-06-15');
    await dialog.getByTestId('extend-reason').fill('企业申请延期补正，理由充分');
    await dialog.getByRole('button', { name: /延\s*期/ }).click();
    await page.getByText('期限已延至 2099-06-15 23:59 北京时间').waitFor();
    // Sorted soonest first, it has left the first page; descending, it heads it with its new time.
    await sortBy(page, '到期时间', 'descending');
    await settles(async () => (await rowKeys(page))[0], target.id);
    await expect(row.getByTestId('due-at').innerText()).resolves.toBe('2099-06-15 23:59 北京时间');
    await row.getByText(/剩 \d+ 天/).waitFor();
    expect((await deadlines({ sort: '-dueAt' })).items[0]).toMatchObject({ id: target.id, dueAt: '2099-06-15T15:59:59.999Z' });
    await screenshot('03-extended');
  });

  it('fits a 390 px phone without sideways scrolling', async () => {
    const phone = await consolePage(context);
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${server.baseUrl}/office/deadlines`);
    await phone.getByTestId('data-card').first().waitFor();
    expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await screenshot('04-phone', phone);
    await phone.close();
  });

  it('sorts the ranking by 得分 either way, 并列 still shown', async () => {
    await page.goto(`${server.baseUrl}/office/cycles/${cycleId}`);
    await page.getByRole('tab', { name: '排名与入围' }).click();
    const scores = () => page.getByTestId('ranking-score').allInnerTexts();
    const ranking = async (sort: string) => ((await api(`/cycles/${cycleId}/ranking`, { sort })).items as Array<{ score: number }>).map((r) => r.score.toFixed(2));
    await settles(scores, ['90.00', '85.00', '85.00', '75.00', '70.00', '60.00']);
    await sortBy(page, '综合得分', 'ascending');
    await settles(scores, await ranking('score'));
    expect(await scores()).toEqual(['60.00', '70.00', '75.00', '85.00', '85.00', '90.00']);
    await expect(page.getByText('并列第 2').count()).resolves.toBe(2);
    await page.getByTestId('ranking-sorted-note').waitFor();
    await screenshot('05-ranking-by-score-ascending');
    await sortBy(page, '综合得分', 'descending');
    await settles(scores, await ranking('-score'));
    expect(errors).toEqual([]);
  });

  it('defaults a new cycle’s 申报 window and 年度 to the award’s usual calendar, before the office’s last cycle of it', async () => {
    const calendar = (await api('/awards/district-quality-award', {})).usualCalendar as { opens: string; closes: string; text: string };
    expect(calendar.text).toBe('每年4月1日至5月31日');
    const next = nextUsualWindow(calendar, beijingDate(new Date().toISOString()));
    await page.goto(`${server.baseUrl}/office/cycles/new`);
    await page.getByTestId('award-select').click();
    await page.locator('.ant-select-dropdown').getByText('区长质量管理奖', { exact: true }).click();
    // The office has a 2033 cycle of this award (2026-01-01 to 2099-12-31): the award's calendar wins.
    await page.getByTestId('window-source').filter({ hasText: '默认按该奖项惯例（每年4月1日至5月31日），可修改' }).waitFor();
    await settles(async () => [await page.getByLabel('申报开始').inputValue(), await page.getByLabel('申报截止').inputValue(), await page.getByLabel('年度').inputValue()], [next.opens, next.closes, String(next.year)]);
    await screenshot('06-cycle-usual-calendar');
    // Another 年度 typed: the usual window of that year.
    await page.getByLabel('年度').fill('2030');
    await settles(async () => [await page.getByLabel('申报开始').inputValue(), await page.getByLabel('申报截止').inputValue()], ['2030-04-01', '2030-05-31']);
    // An award announced from above each time (鲁班奖), never run by this office: from today for 60 days.
    await page.getByTestId('award-select').click();
    await page.locator('.ant-select-dropdown:visible').getByText('鲁班奖', { exact: false }).first().click();
    await page.getByTestId('window-source').filter({ hasText: '默认自今日起 60 天，可修改' }).waitFor();
    const today = beijingDate(new Date().toISOString());
    await settles(async () => page.getByLabel('申报开始').inputValue(), today);
    // A date the user picked stays when the award changes again.
    await page.getByLabel('申报截止').click();
    await page.getByLabel('申报截止').fill('2099-06-30');
    await page.getByLabel('申报截止').press('Enter');
    await page.getByLabel('标题').click(); // closes the calendar
    await page.getByTestId('award-select').click();
    await page.locator('.ant-select-dropdown:visible').getByText('市长质量管理奖', { exact: true }).click();
    await page.getByTestId('window-source').filter({ hasText: '默认按该奖项惯例（每年5月1日至6月30日）' }).waitFor();
    await expect(page.getByLabel('申报截止').inputValue()).resolves.toBe('2099-06-30');
    await expect(page.getByLabel('申报开始').inputValue()).resolves.toBe(today);
  });

  it('sorts the 申报单位 table and the inbox (最早/最新, 仅看未读) as the API ?sort= does', async () => {
    await page.goto(`${server.baseUrl}/office/compliance`);
    const organizations = async (sort: string) => ((await api('/organizations', { sort, page: 1, pageSize: 20 })).items as Array<{ id: string }>).map((o) => o.id);
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    await sortBy(page, '单位名称', 'ascending');
    await settles(() => rowKeys(page), await organizations('name'));
    await sortBy(page, '单位名称', 'descending');
    await settles(() => rowKeys(page), await organizations('-name'));
    await sortBy(page, '注册时间', 'ascending');
    await settles(() => rowKeys(page), await organizations('createdAt'));
    await screenshot('07-organizations-by-registration');

    await page.goto(`${server.baseUrl}/inbox`);
    const titles = async () => (await page.locator('[data-testid="notification"] .ant-list-item-meta-title').allInnerTexts()).map((t) => t.trim());
    const inbox = async (query: Record<string, string | number>) => ((await api('/notifications', { page: 1, pageSize: 20, ...query })).items as Array<{ title: string }>).map((n) => n.title);
    const newest = await inbox({ sort: '-createdAt' });
    expect(newest).toHaveLength(20);
    await settles(titles, newest);
    await page.getByTestId('inbox-sort').click();
    await page.locator('.ant-select-dropdown').getByText('最早在前', { exact: true }).click();
    await settles(titles, await inbox({ sort: 'createdAt' }));
    await page.getByTestId('inbox-unread').click();
    const unreadOldest = await inbox({ sort: 'createdAt', unread: 'true' });
    // The seeded ones read (every third) are gone, the others are there.
    expect(unreadOldest.filter((t) => t.startsWith('排序测试通知'))).toHaveLength(NOTIFICATIONS - NOTIFICATIONS / 3);
    await settles(titles, unreadOldest);
    await page.getByTestId('inbox-sort').click();
    await page.locator('.ant-select-dropdown').getByText('最新在前', { exact: true }).click();
    await settles(titles, await inbox({ sort: '-createdAt', unread: 'true' }));
    await screenshot('08-inbox-unread-newest');
    expect(errors).toEqual([]);
  });
});
