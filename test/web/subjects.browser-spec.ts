import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Browser } from 'playwright-core';
import { Enterprise, openCycle, registerEnterprise } from '../support/award-fixtures';
import { startTestApp, TestContext } from '../support/test-app';
import { closeSpec, ConsoleServer, consoleContext, consolePage, ensureWebBuild, launchChromium, ROOT, serveConsole, signIn } from './console-host';

const SCREENSHOTS = join(ROOT, 'test-results', 'web-subjects');

/** Issue 17 in the console: a 名牌产品 is applied for per product, so the enterprise starts a second application for its second product. */
describe('products as the unit of an application, in the console', () => {
  let ctx: TestContext;
  let server: ConsoleServer;
  let browser: Browser;
  let maker: Enterprise;
  let cycle: { id: string; title: string };

  beforeAll(async () => {
    ensureWebBuild();
    rmSync(SCREENSHOTS, { recursive: true, force: true });
    mkdirSync(SCREENSHOTS, { recursive: true });
    ctx = await startTestApp();
    server = await serveConsole(ctx);
    maker = await registerEnterprise(ctx, '重庆陈昌银食品有限公司', { industry: 'C1419' });
    cycle = await openCycle(ctx, { awardCode: 'cq-famous-brand-product', year: 2026, title: '2026年度重庆名牌产品认定（控制台）', quota: { awards: 10 } });
    browser = await launchChromium();
  }, 600_000);
  afterAll(() => closeSpec({ browser, server, ctx }));

  it('names the first product, then starts another application for a second product in the same cycle', async () => {
    const context = await consoleContext(browser);
    const page = await consolePage(context);
    await signIn(page, server.baseUrl, maker);

    await page.goto(`${server.baseUrl}/my/cycles`);
    const row = page.getByTestId(`cycle-${cycle.id}`);
    await row.getByText('每个产品单独申报；同一单位可申报多个产品。').waitFor();
    await row.getByRole('button', { name: '在线申报' }).click();
    await page.waitForURL(/\/application\/[0-9a-f-]{36}$/);
    const first = page.url().split('/').pop()!;
    await page.getByLabel('产品名称（名牌产品）').fill('原味麻花');
    await page.getByTestId('product-trademark').fill('陈昌银');
    await page.getByLabel('规格型号').fill('250g/袋');
    await page.locator('[data-testid="autosave-status"][data-state="saved"]').waitFor();
    await page.reload();
    await expect(page.getByTestId('subject-name').innerText()).resolves.toBe('原味麻花');
    await page.screenshot({ path: join(SCREENSHOTS, '01-first-product.png'), fullPage: true });

    // Back on the open cycles: the draft is there, and a second product can be started beside it.
    await page.goto(`${server.baseUrl}/my/cycles`);
    await row.getByRole('button', { name: '查看我的申报' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, '02-another-product.png'), fullPage: true });
    await row.getByRole('button', { name: '再申报一个产品' }).click();
    await page.waitForURL((url) => /\/application\/[0-9a-f-]{36}$/.test(url.pathname) && !url.pathname.endsWith(first));
    await page.getByLabel('产品名称（名牌产品）').fill('椒盐麻花');
    await page.locator('[data-testid="autosave-status"][data-state="saved"]').waitFor();

    await page.goto(`${server.baseUrl}/my/applications`);
    await page.getByRole('cell', { name: '椒盐麻花' }).waitFor();
    await page.getByRole('cell', { name: '原味麻花' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, '03-my-applications.png'), fullPage: true });
    const names = await ctx.dataSource.query(`SELECT subject_name FROM applications WHERE cycle_id = $1 ORDER BY subject_name`, [cycle.id]);
    expect(names.map((n: { subject_name: string }) => n.subject_name).sort()).toEqual(['原味麻花', '椒盐麻花'].sort());
    await context.close();
  }, 600_000);
});
