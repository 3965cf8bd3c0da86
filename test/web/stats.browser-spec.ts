import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { STATS_SHEETS } from '../../libs/stats/src/statistics/statistics-workbook';
import { openCycle } from '../support/award-fixtures';
import { seedApplication } from '../support/seed-application';
import { ADMIN, startTestApp, TestContext } from '../support/test-app';
import { closeSpec, ConsoleServer, consoleContext, consolePage, ensureWebBuild, launchChromium, SCREENSHOTS, serveConsole, signIn } from './console-host';

const SHOTS = join(SCREENSHOTS, 'stats');

/**
 * The 工作台 the office's admin lands on (its cycle's stages link to the filtered list), then the
 * 统计 page in headless Chromium: the admin opens it from the menu, the charts load
 * (their own chunk), the year filter narrows the figures, and 导出 Excel downloads the workbook.
 */
describe('console: 工作台 and 统计 (headless Chromium)', () => {
  let ctx: TestContext;
  let server: ConsoleServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  let cycleId: string;

  const screenshot = async (name: string) => {
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  };

  beforeAll(async () => {
    ensureWebBuild();
    ctx = await startTestApp();
    const cycle = await openCycle(ctx, { year: 2030 });
    cycleId = cycle.id;
    await seedApplication(ctx, cycle.id, 'C3825', [['draft', 0], ['submitted', 0], ['formal_review', 1]], { t0: Date.parse('2030-03-01T02:00:00Z') });
    server = await serveConsole(ctx);
    browser = await launchChromium();
    page = await consolePage(await consoleContext(browser, { acceptDownloads: true }));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
  }, 600_000);

  afterAll(() => closeSpec({ browser, server, ctx }));

  it('shows the figures with charts, filters by year and exports the workbook', async () => {
    await signIn(page, server.baseUrl, ADMIN);

    // The office lands on its 工作台: the cycle's desk, its stages as links to the list, the charts.
    await page.waitForURL(/\/office\/workbench$/);
    const desk = page.getByTestId(`workbench-cycle-${cycleId}`);
    await desk.getByTestId('workbench-stages').getByText('形式审查 1').waitFor();
    await desk.locator('[aria-label$="按阶段的申报数"] canvas').waitFor();
    await expect(desk.getByTestId('workbench-overdue').innerText()).resolves.toContain('逾期评审（0）');
    await screenshot('00-workbench');
    await desk.getByTestId('workbench-stages').getByText('形式审查 1').click();
    await page.waitForURL(new RegExp(`/office/applications\\?cycleId=${cycleId}&state=formal_review$`));
    await page.getByRole('cell', { name: /统计测试企业/ }).waitFor();

    await page.getByRole('menuitem', { name: '统计' }).click();
    await page.waitForURL(/\/office\/stats$/);
    await page.getByText('质量强区统计 · ').waitFor();
    await page.getByText('申报数').first().waitFor();
    await page.getByText(/数据截至 \d{4}/).waitFor();
    // The charts' chunk loaded and drew on its canvases.
    await page.locator('[aria-label="按年度统计图"] canvas').waitFor();
    await page.locator('[aria-label="各环节统计图"] canvas').waitFor();
    await screenshot('01-stats');

    const stats = page.waitForResponse((r) => r.url().includes('/stats?year=2030') && r.status() === 200);
    await page.getByRole('combobox', { name: '年度' }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '2030年' }).click();
    await stats;

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: /导出 Excel/ }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('质量强区统计.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync((await download.path())!) as never);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(Object.values(STATS_SHEETS));
    const totals = new Map((workbook.getWorksheet(STATS_SHEETS.totals)!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => [r[1], r[2]]));
    expect(totals.get('年度')).toBe(2030);
    await screenshot('02-stats-2030');
    expect(errors).toEqual([]);
  });
});
