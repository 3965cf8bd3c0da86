import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { openCycle, readyApplication, registerEnterprise } from '../support/award-fixtures';
import { reviewerPool } from '../support/review-fixtures';
import { seedApplication } from '../support/seed-application';
import { ADMIN, startTestApp, TestContext } from '../support/test-app';
import { closeSpec, ConsoleServer, consoleContext, consolePage, ensureWebBuild, launchChromium, SCREENSHOTS, serveConsole, signIn } from './console-host';
import { answerConfirmation, settles } from './table-helpers';

const SHOTS = join(SCREENSHOTS, 'office-tables');
const COUNT = 300;
const DAY = 24 * 3600_000;
/** The seeded submissions: ten Beijing days from 2031-03-01, 30 applications a day. */
const T0 = Date.parse('2031-03-01T02:00:00Z');

/** A Beijing date of an instant, as the office reads it. */
const beijingDay = (value: string | number | Date) => new Date(value).toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });

/**
 * The award office's daily tables in headless Chromium, over a cycle of 300 applications: the
 * 工作台, the 申报列表 sorted and paged by the server, a bulk 形式审查通过, the Excel export read
 * back, 提醒专家, and a cycle created with the date pickers from a browser in another time zone
 * (Enter in a date field confirms the date and never sends the form). Beside it a small cycle with a
 * quota of 2 awards: bulk 入围, and bulk 审定 refused over the quota (nothing moved), then within it.
 */
describe('console: the office tables at scale (headless Chromium)', () => {
  let ctx: TestContext;
  let server: ConsoleServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let admin: string;
  let cycleId: string;
  /** The small cycle (quota: 2 awards): two applications at 入围, three awaiting 审定. */
  let small: { id: string; shortlisting: string[]; awaiting: string[] };
  const errors: string[] = [];

  const screenshot = async (name: string, on: Page = page) => {
    mkdirSync(SHOTS, { recursive: true });
    await on.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  };
  const listed = async (query: Record<string, string | number>) =>
    (await ctx.http.get('/applications').query({ cycleId, ...query }).set('Authorization', admin).expect(200)).body as { items: Array<{ id: string; state: string; organization: { name: string } }>; total: number };
  const rowNames = () => page.locator('.ant-table-tbody tr.ant-table-row td:nth-child(3)').allInnerTexts();
  const signInAsAdmin = (on: Page) => signIn(on, server.baseUrl, ADMIN);

  beforeAll(async () => {
    ensureWebBuild();
    ctx = await startTestApp();
    admin = await ctx.adminToken();
    cycleId = (await openCycle(ctx, { year: 2031, title: '2031年度渝中区区长质量管理奖（列表测试）' })).id;
    // Written straight into the tables (engine instance and history included): 300 through the API would take minutes.
    const ids: string[] = [];
    for (let i = 0; i < COUNT; i++) {
      ids.push(await seedApplication(ctx, cycleId, 'C3825', [['draft', 0], ['submitted', 0], ['formal_review', 1]], { t0: T0 + (i % 10) * DAY + i * 60_000 }));
    }
    // Receipt numbers in another order than the names and the submissions, so each column sorts differently.
    await ctx.dataSource.query(
      `UPDATE applications a SET receipt_number = 'YZ2031-' || lpad(((n.ord * 7919) % 1000)::text, 4, '0')
         FROM (SELECT id, row_number() OVER (ORDER BY id) AS ord FROM applications WHERE cycle_id = $1) n WHERE a.id = n.id`,
      [cycleId],
    );
    // Unscored reviews of four experts; the first's are overdue, so it is listed first.
    const experts = await reviewerPool(ctx, 4);
    for (const [n, expert] of experts.entries()) {
      for (const app of ids.slice(n * 3, n * 3 + 3)) {
        await ctx.dataSource.query(`INSERT INTO review_assignments (application_id, cycle_id, reviewer_id, stage, due_at) VALUES ($1, $2, $3, 'expert', $4)`, [
          app,
          cycleId,
          expert.id,
          new Date(Date.now() + (n === 0 ? -3 : 5 + n) * DAY),
        ]);
      }
    }
    // The small cycle, through the API: five enterprises submit, the cycle closes (形式审查), then each is
    // put where the stages between would have left it (they are tested elsewhere).
    const smallCycle = await openCycle(ctx, { year: 2033, title: '2033年度渝中区区长质量管理奖（批量入围与审定）', quota: { awards: 2 } });
    const submitted: string[] = [];
    for (let i = 0; i < 5; i++) {
      const enterprise = await registerEnterprise(ctx, `重庆批量审定测试${'甲乙丙丁戊'[i]}有限公司`);
      const id = await readyApplication(ctx, enterprise, smallCycle.id);
      await ctx.http.post(`/applications/${id}/actions/submit`).set('Authorization', enterprise.token).send({}).expect(200);
      submitted.push(id);
    }
    await ctx.http.post(`/cycles/${smallCycle.id}/close`).set('Authorization', admin).expect(200);
    small = { id: smallCycle.id, shortlisting: submitted.slice(0, 2), awaiting: submitted.slice(2) };
    for (const [state, ids] of [['shortlisting', small.shortlisting], ['awaiting_approval', small.awaiting]] as const) {
      await ctx.dataSource.query(`UPDATE workflow_instances SET state = $2 WHERE id IN (SELECT instance_id FROM applications WHERE id = ANY($1::uuid[]))`, [ids, state]);
      await ctx.dataSource.query(`UPDATE applications SET state = $2 WHERE id = ANY($1::uuid[])`, [ids, state]);
    }
    server = await serveConsole(ctx);
    browser = await launchChromium();
    context = await consoleContext(browser, { acceptDownloads: true });
    page = await consolePage(context);
    page.on('pageerror', (e) => errors.push(e.message));
  }, 600_000);

  afterAll(() => closeSpec({ browser, server, ctx }));

  it('the 工作台 shows the cycle with its 300 applications in 形式审查', async () => {
    await signInAsAdmin(page);
    await page.waitForURL(/\/office\/workbench$/);
    await page.getByTestId(`workbench-cycle-${cycleId}`).getByTestId('workbench-stages').getByText(`形式审查 ${COUNT}`).waitFor();
    await screenshot('01-workbench');
  });

  it('sorts on the server, pages 50 a page with the total, and filters by 提交时间 (Beijing dates)', async () => {
    await page.goto(`${server.baseUrl}/office/applications?cycleId=${cycleId}`);
    await page.getByText(`共 ${COUNT} 份`).waitFor();
    // 50 条/页: 50 rows, the total of the whole cycle.
    await page.locator('.ant-pagination-options .ant-select').click();
    await page.locator('.ant-select-dropdown').getByText('50 条/页').click();
    await page.waitForURL(/pageSize=50/);
    await settles(() => page.locator('.ant-table-tbody tr.ant-table-row').count(), 50);
    await page.getByText(`共 ${COUNT} 份`).waitFor();
    const unsorted = await rowNames();

    // 申报单位 ascending, then descending: each page is the server's first page in that order.
    const header = page.locator('th').filter({ hasText: '申报单位' });
    await header.click();
    await page.waitForURL(/sort=organizationName(&|$)/);
    const ascending = (await listed({ sort: 'organizationName', pageSize: 50 })).items.map((a) => a.organization.name);
    await settles(rowNames, ascending);
    expect(ascending).toEqual([...ascending].sort((a, b) => (a < b ? -1 : 1)));
    expect(ascending).not.toEqual(unsorted);
    await screenshot('02-sorted-by-name');
    await header.click();
    await page.waitForURL(/sort=-organizationName/);
    const descending = (await listed({ sort: '-organizationName', pageSize: 50 })).items.map((a) => a.organization.name);
    await settles(rowNames, descending);
    expect(descending[0] > ascending[0]).toBe(true);
    // Page 2 of that order: the next 50 rows of the server's order, not a re-sorted first page.
    await page.locator('.ant-pagination-item-2').click();
    const second = (await listed({ sort: '-organizationName', pageSize: 50, page: 2 })).items.map((a) => a.organization.name);
    await settles(rowNames, second);
    expect(second[0] < descending[49]).toBe(true);

    // 受理编号: another order again.
    await page.locator('th').filter({ hasText: '受理编号' }).click();
    await page.waitForURL(/sort=receiptNumber/);
    const byReceipt = (await listed({ sort: 'receiptNumber', pageSize: 50 })).items.map((a) => a.organization.name);
    await settles(rowNames, byReceipt);
    expect(byReceipt).not.toEqual(ascending);

    // 提交时间 2031-03-01 to 03-03 (Beijing): three of the ten days, 90 applications.
    await page.getByPlaceholder('提交时间自').fill('2031-03-01');
    await page.getByPlaceholder('提交时间自').press('Enter');
    await page.getByPlaceholder('至（北京时间）').fill('2031-03-03');
    await page.getByPlaceholder('至（北京时间）').press('Enter');
    await page.waitForURL(/from=2031-03-01&to=2031-03-03/);
    const ranged = await listed({ submittedFrom: '2031-03-01T00:00:00+08:00', submittedTo: '2031-03-04T00:00:00+08:00' });
    expect(ranged.total).toBe(90);
    await page.getByText('共 90 份').waitFor();
    await screenshot('03-submitted-range');
  });

  it('形式审查通过 in bulk for the selected rows, confirmed first; a refusal shows the server\'s reason', async () => {
    await page.goto(`${server.baseUrl}/office/applications?cycleId=${cycleId}&pageSize=50&sort=organizationName`);
    await page.getByText(`共 ${COUNT} 份`).waitFor();
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await settles(() => rows.count(), 50);
    const picked: string[] = [];
    for (let i = 0; i < 5; i++) {
      picked.push((await rows.nth(i).getAttribute('data-row-key'))!);
      await rows.nth(i).locator('.ant-checkbox-input').check();
    }
    // One of them is no longer in 形式审查 (another clerk got there first): it is refused, the others move.
    await ctx.http.post(`/cycles/${cycleId}/bulk-actions/pass_formal_review`).set('Authorization', admin).send({ applicationIds: [picked[4]] }).expect(200);
    await page.getByText('已选 5 份').waitFor();
    await page.getByTestId('bulk-pass_formal_review').click();
    const confirm = page.locator('.ant-modal-confirm');
    await confirm.getByText('进入下一评审阶段').waitFor();
    await screenshot('04-bulk-confirm');
    await answerConfirmation(page, '确认形式审查通过');
    const result = page.getByTestId('bulk-result');
    await result.getByText('已办理 4 份，未办理 1 份').waitFor();
    await expect(result.getByTestId('bulk-skipped').innerText()).resolves.toMatch(/[\u4e00-\u9fa5]/);
    await screenshot('05-bulk-result');
    for (const id of picked) {
      const app = (await ctx.http.get(`/applications/${id}`).set('Authorization', admin).expect(200)).body;
      expect(app.state).not.toBe('formal_review');
    }
    await page.getByText('已选 0 份').waitFor();
  });

  it('入围 in bulk on the small cycle: both selected move on', async () => {
    await page.goto(`${server.baseUrl}/office/applications?cycleId=${small.id}&state=shortlisting`);
    await page.getByText('共 2 份').waitFor();
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await settles(() => rows.count(), 2);
    for (let i = 0; i < 2; i++) await rows.nth(i).locator('.ant-checkbox-input').check();
    await page.getByText('已选 2 份').waitFor();
    await page.getByTestId('bulk-shortlist').click();
    const confirm = page.locator('.ant-modal-confirm');
    await confirm.locator('.ant-modal-confirm-title').filter({ hasText: '批量入围：2 份申报' }).waitFor();
    await confirm.getByText('进入下一阶段').waitFor();
    await answerConfirmation(page, '确认入围');
    await page.getByTestId('bulk-result').getByText('入围：已办理 2 份，未办理 0 份').waitFor();
    await page.getByText('已选 0 份').waitFor();
    await screenshot('05a-bulk-shortlist');
    for (const id of small.shortlisting) {
      const app = (await ctx.http.get(`/applications/${id}`).set('Authorization', admin).expect(200)).body;
      expect(app.state).not.toBe('shortlisting');
      const history = (await ctx.http.get(`/applications/${id}/history`).set('Authorization', admin).expect(200)).body;
      expect(history.entries.filter((e: { action: string }) => e.action === 'shortlist')).toHaveLength(1);
    }
  });

  it('审定 in bulk: three against a quota of 2 are refused whole with the server\'s reason, nothing approved; two within it are approved', async () => {
    const stateOf = async (id: string) => (await ctx.http.get(`/applications/${id}`).set('Authorization', admin).expect(200)).body.state as string;
    const certificate = (id: string) => ctx.http.get(`/applications/${id}/certificate`).set('Authorization', admin);
    await page.goto(`${server.baseUrl}/office/applications?cycleId=${small.id}&state=awaiting_approval&sort=organizationName`);
    await page.getByText('共 3 份').waitFor();
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await settles(() => rows.count(), 3);
    const picked: string[] = [];
    for (let i = 0; i < 3; i++) {
      picked.push((await rows.nth(i).getAttribute('data-row-key'))!);
      await rows.nth(i).locator('.ant-checkbox-input').check();
    }
    expect([...picked].sort()).toEqual([...small.awaiting].sort());
    await page.getByText('已选 3 份').waitFor();
    await page.getByTestId('bulk-approve').click();
    await page.locator('.ant-modal-confirm').getByText('整批须在获奖名额之内：超出名额时一份也不办理。').waitFor();
    await answerConfirmation(page, '确认审定');
    await page.getByTestId('bulk-error').getByText('本次批量审定 3 项，超出本届获奖名额（2 名，已审定 0 名，尚余 2 名）；未办理任何一项').waitFor();
    await screenshot('05b-bulk-approve-over-quota');
    // Nothing over the quota changed: all three still await 审定, no certificate issued; the selection is kept.
    for (const id of picked) {
      expect(await stateOf(id)).toBe('awaiting_approval');
      await certificate(id).expect(404);
    }
    await page.getByText('已选 3 份').waitFor();

    // The third one unticked: two, inside the quota, are approved with their certificates.
    await rows.nth(2).locator('.ant-checkbox-input').uncheck();
    await page.getByText('已选 2 份').waitFor();
    await page.getByTestId('bulk-approve').click();
    await page.locator('.ant-modal-confirm').getByText('整批须在获奖名额之内：超出名额时一份也不办理。').waitFor();
    await answerConfirmation(page, '确认审定');
    await page.getByTestId('bulk-result').getByText('审定：已办理 2 份，未办理 0 份').waitFor();
    await expect(page.getByTestId('bulk-error').count()).resolves.toBe(0);
    await page.getByText('已选 0 份').waitFor();
    await screenshot('05c-bulk-approve-within-quota');
    for (const id of picked.slice(0, 2)) {
      expect(await stateOf(id)).not.toBe('awaiting_approval');
      expect((await certificate(id).expect(200)).body.number).toMatch(/00[12]$/);
    }
    expect(await stateOf(picked[2])).toBe('awaiting_approval');
    await certificate(picked[2]).expect(404);
  });

  it('exports the list with its order as xlsx, read back', async () => {
    await page.goto(`${server.baseUrl}/office/applications?cycleId=${cycleId}&sort=-organizationName`);
    await page.getByText(`共 ${COUNT} 份`).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('applications-xlsx').click()]);
    expect(download.suggestedFilename()).toBe('申报列表.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync((await download.path())!) as never);
    const sheet = workbook.getWorksheet('申报列表')!;
    const values = sheet.getSheetValues().filter(Boolean) as unknown as unknown[][];
    expect(values[0].slice(1, 3)).toEqual(['受理编号', '申报单位']);
    const names = values.slice(1).map((r) => r[2]);
    const all = [...(await listed({ sort: '-organizationName', pageSize: 200 })).items, ...(await listed({ sort: '-organizationName', pageSize: 200, page: 2 })).items];
    expect(names).toHaveLength(COUNT);
    expect(names).toEqual(all.map((a) => a.organization.name));
  });

  it('提醒专家: overdue first, reminds the selected expert, and says who was skipped and why', async () => {
    await page.goto(`${server.baseUrl}/office/cycles/${cycleId}`);
    await page.getByRole('tab', { name: '提醒专家与反馈' }).click();
    const card = page.getByTestId('expert-reminders');
    const rows = card.locator('.ant-table-tbody tr.ant-table-row');
    await settles(() => rows.count(), 4);
    await rows.first().locator('.ant-tag-red').getByText('3', { exact: true }).waitFor();
    await rows.first().locator('.ant-checkbox-input').check();
    await card.getByTestId('remind-experts').click();
    await card.getByTestId('reminders-sent').getByText('已提醒 1 位专家，未提醒 0 位').waitFor();
    await rows.first().getByText('24 小时内').waitFor();
    // Again at once: skipped, with the server's reason.
    await rows.first().locator('.ant-checkbox-input').check();
    await card.getByTestId('remind-experts').click();
    await card.getByTestId('reminder-skipped').getByText(/小时内不再提醒/).waitFor();
    await page.getByTestId('feedback-unreleased').waitFor();
    await screenshot('06-expert-reminders');
  });

  it('creates a cycle with the date pickers: Beijing dates, even from a browser in another zone', async () => {
    // A clerk travelling: the browser's zone is Los Angeles, the dates picked are still the Beijing dates sent.
    const abroad = await consoleContext(browser, { timezoneId: 'America/Los_Angeles' });
    const away = await consolePage(abroad);
    try {
      await signInAsAdmin(away);
      await away.goto(`${server.baseUrl}/office/cycles/new`);
      await away.getByTestId('award-select').click();
      await away.locator('.ant-select-dropdown').getByText('区长质量管理奖', { exact: false }).first().click();
      await away.getByLabel('标题').fill('2032年度渝中区区长质量管理奖（日期选择）');
      // The award's usual window (每年4月1日至5月31日), its next occurrence, said under the field.
      const opens = await away.getByLabel('申报开始').inputValue();
      expect(opens).toMatch(/^\d{4}-04-01$/);
      await away.getByText('默认按该奖项惯例').first().waitFor();
      // 申报截止 picked on the calendar: the 15th of the month after it opens (Beijing), its month brought up by typing its 1st,
      const [y, m] = opens.split('-').map(Number);
      const month = `${y}-${String(m + 1).padStart(2, '0')}`;
      const target = `${month}-15`;
      // Enter in a date field confirms the typed date and does nothing else: the form, complete by now, is
      // not sent (no POST /cycles, no cycle more), and the field holds the Beijing date typed.
      const cycleCount = async () => (await ctx.http.get('/cycles').query({ pageSize: 1 }).set('Authorization', admin).expect(200)).body.total as number;
      const before = await cycleCount();
      const posted: string[] = [];
      away.on('request', (r) => {
        if (r.method() === 'POST' && new URL(r.url()).pathname === '/cycles') posted.push(r.url());
      });
      await away.getByLabel('申报截止').click();
      await away.getByLabel('申报截止').fill(`${month}-01`);
      await away.getByLabel('申报截止').press('Enter');
      await expect(away.getByLabel('申报截止').inputValue()).resolves.toBe(`${month}-01`);
      await away.getByLabel('标题').click();
      await expect(away.getByLabel('申报截止').inputValue()).resolves.toBe(`${month}-01`);
      expect(away.url()).toMatch(/\/office\/cycles\/new$/);
      expect(await cycleCount()).toBe(before);
      expect(posted).toEqual([]);
      await screenshot('07a-enter-in-date-field', away);
      // The calendar, opened again, is at the typed date's month: the 15th picked on it.
      await away.getByLabel('申报截止').click();
      await away.locator('.ant-picker-dropdown:visible').locator(`td[title="${target}"]`).click();
      await expect(away.getByLabel('申报截止').inputValue()).resolves.toBe(target);
      await away.getByTestId('short-durations').waitFor();
      await screenshot('07-create-cycle', away);
      await away.getByRole('button', { name: '创建' }).click();
      await away.waitForURL(/\/office\/cycles\/[0-9a-f-]{36}$/);
      // Sent once, by the button.
      expect(posted).toHaveLength(1);
      expect(await cycleCount()).toBe(before + 1);
      const created = (await ctx.http.get(`/cycles/${away.url().split('/').pop()}`).set('Authorization', admin).expect(200)).body;
      expect(beijingDay(created.applicationOpensAt)).toBe(opens);
      expect(beijingDay(created.applicationClosesAt)).toBe(target);
      await away.getByTestId('cycle-status').waitFor();
      await screenshot('08-created-cycle', away);
    } finally {
      await abroad.close();
    }
    expect(errors).toEqual([]);
  });
});
