import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Browser } from 'playwright-core';
import { createUser, startTestApp, TestContext } from '../support/test-app';
import { closeSpec, ConsoleServer, consoleContext, consolePage, ensureWebBuild, launchChromium, ROOT, serveConsole, signIn } from './console-host';

const SCREENSHOTS = join(ROOT, 'test-results', 'web-cycle-timeline');

/** The plan preview on the cycle page: a draft 重庆名牌产品 cycle whose 5-working-day 公示 crosses 国庆 2025. */
describe('the cycle plan preview in the console', () => {
  let ctx: TestContext;
  let server: ConsoleServer;
  let browser: Browser;
  let cycleId: string;

  beforeAll(async () => {
    ensureWebBuild();
    rmSync(SCREENSHOTS, { recursive: true, force: true });
    mkdirSync(SCREENSHOTS, { recursive: true });
    ctx = await startTestApp();
    server = await serveConsole(ctx);
    const [yuzhong] = await ctx.dataSource.query(`SELECT id FROM offices WHERE code = 'CQ-YZ'`);
    const admin = await createUser(ctx, { username: 'yz-planner', role: 'admin', officeIds: [yuzhong.id], password: 'planner-password-1' });
    const cycle = await ctx.http
      .post('/cycles')
      .set('Authorization', admin.token)
      .send({
        awardCode: 'cq-famous-brand-product',
        year: 2025,
        title: '2025年度重庆名牌产品认定',
        applicationOpensAt: '2025-06-01',
        applicationClosesAt: '2025-08-15',
        quota: { awards: 20 },
        reviewersPerApplication: 3,
        publicityDays: 5,
        publicityDayUnit: 'working',
        reviewDueDays: 29,
      })
      .expect(201);
    cycleId = cycle.body.id;
    browser = await launchChromium();
  }, 600_000);
  afterAll(() => closeSpec({ browser, server, ctx }));

  it('shows a draft cycle its planned dates in Beijing time, with how each was computed', async () => {
    const context = await consoleContext(browser, { timezoneId: 'America/Los_Angeles' });
    const page = await consolePage(context);
    await signIn(page, server.baseUrl, { username: 'yz-planner', password: 'planner-password-1' });
    await page.goto(`${server.baseUrl}/office/cycles/${cycleId}`);
    await page.getByTestId('cycle-timeline').waitFor();
    // The browser is in California: the dates are still Beijing's, as the server computed them.
    await expect(page.getByTestId('timeline-publicityStarts').innerText()).resolves.toContain('2025年9月29日（周一）');
    const ends = await page.getByTestId('timeline-publicityEnds').innerText();
    expect(ends).toContain('公示结束');
    expect(ends).toContain('2025年10月13日（周一）');
    expect(ends).toContain('公示开始次日起算 5 个工作日');
    await expect(page.getByTestId('timeline-approval').innerText()).resolves.toContain('2025年10月14日');
    // Times too: the window reads as the office set it, marked as Beijing time.
    await expect(page.locator('main').innerText()).resolves.toContain('2025-06-01 00:00 北京时间 至 2025-08-15 23:59 北京时间');
    await page.screenshot({ path: join(SCREENSHOTS, '01-draft-cycle-plan.png'), fullPage: true });
    await context.close();
  }, 600_000);
});
