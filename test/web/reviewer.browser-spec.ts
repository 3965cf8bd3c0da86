import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { getAward, rubricItems } from '../../libs/awards/src';
import { samplePdf } from '../../libs/applications/src/testing/material-fixtures';
import { openCycle, qualityForm, QUALITY_REQUIRED, registerEnterprise } from '../support/award-fixtures';
import { assignmentsOf, intoExpertReview, Reviewer, reviewerPool, scoreSheet, waitForState } from '../support/review-fixtures';
import { waitFor } from '../support/throwaway-redis';
import { startTestApp, TestContext } from '../support/test-app';
import { closeSpec, ConsoleServer, consoleContext, consolePage, ensureWebBuild, launchChromium, SCREENSHOTS, serveConsole, signIn } from './console-host';

const SHOTS = join(SCREENSHOTS, 'reviewer');
const AWARD = 'district-quality-award';
const FONT = { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' };
/** What the 申报书 material says: the expert must read it in the page, in pdf.js's text layer. */
const PDF_LINES = ['Awardflow inline reading check', '卓越绩效自评报告：高层领导的作用'];
const PHONE = { width: 390, height: 844 };

/** A one-page A4 PDF with real text (CJK font embedded), as an enterprise's scanned-and-typed material is. */
function readablePdf(lines: string[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56 });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', FONT.path, FONT.face);
  doc.font('cjk').fontSize(22);
  for (const line of lines) doc.text(line).moveDown();
  doc.end();
  return done;
}

/** The page scrolls sideways when the document is wider than the viewport. */
const scrollWidth = (page: Page) => page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);

/**
 * Issue 18, the expert's assignment: the 申报书 read inline (pdf.js, canvas and text layer) beside
 * the score sheet; GB/Z 19579 bands per item (ADLI for a process item, LeTCI for a result item), a
 * score within the band, 优势/改进机会 per category, a value above the maximum refused with a
 * message and kept as typed; the draft on the server, picked up in a second browser; the sheet
 * read-only once the last expert's score ends the stage; the list and the sheet at phone width.
 */
describe('the expert scores an assignment, in the console', () => {
  let ctx: TestContext;
  let server: ConsoleServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let page: Page;
  let expert: Reviewer;
  let other: { assignmentId: string; expert: Reviewer };
  let assignmentId: string;
  let applicationId: string;
  const items = rubricItems(getAward(AWARD).rubric);
  const processItem = items.find((i) => i.criterion === '4.1.2')!;
  const resultItem = items.find((i) => i.criterion.startsWith('4.7.'))!;
  const step = (name: string, fn: () => Promise<void>) => it(name, fn, 300_000);
  const shot = (p: Page, name: string) => p.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true, timeout: 180_000 });
  const numberInput = (p: Page, testId: string) => p.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
  const textarea = (p: Page, testId: string) => p.locator(`textarea[data-testid="${testId}"]`);

  async function signedIn(viewport: { width: number; height: number } = { width: 1400, height: 1000 }): Promise<Page> {
    const context = await consoleContext(browser, { viewport });
    contexts.push(context);
    const p = await consolePage(context);
    await signIn(p, server.baseUrl, { username: expert.username, password: 'user-password-1' });
    return p;
  }

  beforeAll(async () => {
    ensureWebBuild();
    rmSync(SHOTS, { recursive: true, force: true });
    mkdirSync(SHOTS, { recursive: true });
    ctx = await startTestApp({ worker: true, env: { OUTBOX_POLL_INTERVAL_MS: '200' } });
    server = await serveConsole(ctx);
    const experts = await reviewerPool(ctx, 2);
    const enterprise = await registerEnterprise(ctx, '重庆专家评分页测试精工有限公司');
    // Two experts per application: the second one's score ends the stage while the first has the sheet open.
    const cycle = await openCycle(ctx, { title: '2026年度渝中区区长质量管理奖（专家评分页测试）', reviewersPerApplication: 2 });
    applicationId = (await ctx.http.post('/applications').set('Authorization', enterprise.token).send({ cycleId: cycle.id, form: qualityForm() }).expect(201)).body.id;
    const readable = await readablePdf(PDF_LINES);
    for (const type of QUALITY_REQUIRED) {
      await ctx.http.post(`/applications/${applicationId}/attachments`).set('Authorization', enterprise.token).field('documentType', type)
        .attach('file', type === 'application_form' ? readable : samplePdf(type), { filename: `${type}.pdf`, contentType: 'application/pdf' }).expect(201);
    }
    await intoExpertReview(ctx, enterprise, applicationId);
    const assigned = await waitFor(async () => {
      const rows = await assignmentsOf(ctx, applicationId);
      return rows.length === 2 ? rows : null;
    }, 60_000, 'two assignments');
    assignmentId = assigned[0].id;
    expert = experts.find((e) => e.id === assigned[0].reviewer_id)!;
    other = { assignmentId: assigned[1].id, expert: experts.find((e) => e.id === assigned[1].reviewer_id)! };
    browser = await launchChromium();
    page = await signedIn();
  }, 600_000);
  afterAll(() => closeSpec({ contexts, browser, server, ctx }));

  step('opens the assignment: the PDF material is drawn inline beside the score sheet, its text in the text layer', async () => {
    await page.goto(`${server.baseUrl}/expert/assignments`);
    await page.getByTestId(`assignment-${assignmentId}`).getByRole('link').first().click();
    await page.waitForURL(new RegExp(`/expert/assignments/${assignmentId}$`));
    const first = page.getByTestId('pdf-page-1');
    await first.locator('canvas').waitFor();
    const textLayer = first.locator('.textLayer');
    await textLayer.filter({ hasText: 'Awardflow' }).waitFor();
    const text = (await textLayer.innerText()).replace(/\s+/g, '');
    for (const line of PDF_LINES) expect(text).toContain(line.replace(/\s+/g, ''));
    // Drawn, not blank: the canvas has a size and the pane says how many pages.
    const canvas = await first.locator('canvas').boundingBox();
    expect(canvas!.width).toBeGreaterThan(200);
    await page.getByTestId('pdf-pane').filter({ hasText: '共 1 页' }).waitFor();
    // Beside the sheet, not above it: the reading pane ends left of where the sheet begins.
    const pane = (await page.getByTestId('reading-pane').boundingBox())!;
    const sheet = (await page.getByTestId('category-4.1').boundingBox())!;
    expect(pane.x + pane.width).toBeLessThanOrEqual(sheet.x);
    expect(Math.abs(pane.y - sheet.y)).toBeLessThan(400);
    await shot(page, '01-pdf-beside-sheet');
  });

  step('shows the GB/Z 19579 bands per item: six bands, ADLI for a process item and LeTCI for a result item; a score within the band', async () => {
    await page.getByTestId('guidance-note').filter({ hasText: 'GB/Z 19579-2012' }).waitFor();
    const bands = page.getByTestId(`band-${processItem.criterion}`);
    await expect(bands.locator('.ant-radio-button-wrapper').allInnerTexts()).resolves.toEqual(['0%–5%', '10%–25%', '30%–45%', '50%–65%', '70%–85%', '90%–100%']);
    await bands.getByText('70%–85%').click();
    const process = page.getByTestId(`band-guidance-${processItem.criterion}`);
    await process.filter({ hasText: '方法得到了很好的展开，无显著的差距' }).waitFor();
    expect((await process.locator('li b').allInnerTexts())).toEqual(['方法', '展开', '学习', '整合']);
    const [lo, hi] = [Math.round(processItem.max * 70) / 100, Math.round(processItem.max * 85) / 100];
    await page.getByTestId(`band-range-${processItem.criterion}`).filter({ hasText: `本档 ${lo}–${hi} 分` }).waitFor();
    await numberInput(page, `score-${processItem.criterion}`).fill(String(lo + 1));
    await page.getByTestId(`item-${processItem.criterion}`).locator('.ant-form-item-explain-error').waitFor({ state: 'detached' });

    const resultBands = page.getByTestId(`band-${resultItem.criterion}`);
    await expect(resultBands.locator('.ant-radio-button-wrapper').count()).resolves.toBe(6);
    await resultBands.getByText('50%–65%').click();
    const results = page.getByTestId(`band-guidance-${resultItem.criterion}`);
    await results.waitFor();
    expect((await results.locator('li b').allInnerTexts())).toEqual(['水平', '趋势', '对比', '整合']);
    await results.filter({ hasText: '在对组织关键经营要求重要的方面，没有不良趋势和不良绩效水平' }).waitFor();
    await shot(page, '02-band-guidance');
  });

  step('takes 优势 and 改进机会 per category, and refuses a value above the maximum with a message, keeping what was typed', async () => {
    await textarea(page, 'strengths-4.1').fill('高层领导亲自推进卓越绩效模式，质量方针层层分解');
    await textarea(page, 'opportunities-4.1').fill('组织治理的评价机制尚未形成闭环');
    const input = numberInput(page, `score-${processItem.criterion}`);
    await input.fill(String(processItem.max + 5));
    await page.getByTestId(`item-${processItem.criterion}`).locator('.ant-form-item-explain-error').filter({ hasText: `不能超过该项满分 ${processItem.max} 分` }).waitFor();
    // Never silently changed: the value stays as typed, after the field loses focus too.
    await textarea(page, 'score-comment').click();
    // (The number shows one decimal once the field is left: 55 reads 55.0, the same value.)
    expect(Number(await input.inputValue())).toBe(processItem.max + 5);
    await shot(page, '03-over-maximum-refused');
    // The server refuses it as well, in Chinese (the page never sends it: the draft keeps valid scores only).
    const refused = await ctx.http.put(`/reviews/assignments/${assignmentId}/draft`).set('Authorization', expert.token).send({ items: [{ criterion: processItem.criterion, score: processItem.max + 5 }] });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toMatch(/[\u4e00-\u9fa5]/);
    await input.fill(String(Math.round(processItem.max * 0.8 * 10) / 10));
    await page.getByTestId(`item-${processItem.criterion}`).locator('.ant-form-item-explain-error').waitFor({ state: 'detached' });
  });

  step('keeps the draft on the server: a second browser of the same expert picks it up', async () => {
    await textarea(page, 'score-comment').fill('自评报告条理清晰，结果数据较完整。');
    await page.getByTestId('draft-status').filter({ hasText: '草稿已保存到服务器' }).waitFor();
    const processScore = Math.round(processItem.max * 0.8 * 10) / 10;
    const saved = await waitFor(async () => {
      const d = (await ctx.http.get(`/reviews/assignments/${assignmentId}/draft`).set('Authorization', expert.token).expect(200)).body;
      return d.draft?.comment === '自评报告条理清晰，结果数据较完整。' ? d : null;
    }, 30_000, 'the draft on the server');
    expect(saved.open).toBe(true);
    expect(saved.draft.items).toEqual(expect.arrayContaining([{ criterion: processItem.criterion, score: processScore, band: 4 }, { criterion: resultItem.criterion, band: 3 }]));
    expect(saved.draft.categories).toEqual([{ category: '4.1', strengths: '高层领导亲自推进卓越绩效模式，质量方针层层分解', opportunities: '组织治理的评价机制尚未形成闭环' }]);

    const second = await signedIn();
    await second.goto(page.url());
    await waitFor(async () => Number(await numberInput(second, `score-${processItem.criterion}`).inputValue()) === processScore, 20_000, 'the server draft in a second browser');
    expect(await textarea(second, 'strengths-4.1').inputValue()).toBe('高层领导亲自推进卓越绩效模式，质量方针层层分解');
    expect(await textarea(second, 'opportunities-4.1').inputValue()).toBe('组织治理的评价机制尚未形成闭环');
    expect(await textarea(second, 'score-comment').inputValue()).toBe('自评报告条理清晰，结果数据较完整。');
    expect(await second.getByTestId(`band-${processItem.criterion}`).locator('.ant-radio-button-wrapper-checked').innerText()).toBe('70%–85%');
    expect(await second.getByTestId(`band-${resultItem.criterion}`).locator('.ant-radio-button-wrapper-checked').innerText()).toBe('50%–65%');
    await shot(second, '04-draft-second-browser');
    await second.context().close();
  });

  step('fits a phone: the assignment list and the assignment page never scroll sideways', async () => {
    const phone = await signedIn(PHONE);
    await phone.goto(`${server.baseUrl}/expert/assignments`);
    await phone.getByTestId(`assignment-${assignmentId}`).waitFor();
    await phone.getByTestId('assignment-cards').waitFor();
    await shot(phone, '05-phone-assignments');
    expect(await scrollWidth(phone)).toBeLessThanOrEqual(PHONE.width);
    await phone.goto(`${server.baseUrl}/expert/assignments/${assignmentId}`);
    await phone.getByTestId('pdf-page-1').locator('canvas').waitFor();
    await phone.getByTestId(`band-${processItem.criterion}`).waitFor();
    await waitFor(async () => (await textarea(phone, 'strengths-4.1').inputValue()) !== '', 20_000, 'the draft on the phone');
    await shot(phone, '06-phone-assignment');
    expect(await scrollWidth(phone)).toBeLessThanOrEqual(PHONE.width);
    await phone.context().close();
  });

  step('submits; once the last expert scores the stage ends and the open sheet turns read-only with its notice', async () => {
    for (const item of items) {
      if (item.criterion === processItem.criterion) continue;
      await numberInput(page, `score-${item.criterion}`).fill(String(Math.round(item.max * 0.6 * 10) / 10));
    }
    await page.getByRole('button', { name: '提交评分' }).click();
    await page.getByText(/评分已提交，总分/).waitFor();
    // The other expert's sheet is the last one: the stage ends (资料评审 → 入围审核).
    await ctx.http.post(`/reviews/assignments/${other.assignmentId}/scores`).set('Authorization', other.expert.token).send(scoreSheet(AWARD, 0.7)).expect(200);
    await waitForState(ctx, applicationId, 'shortlisting');
    // Typed on the sheet still open: the server refuses the draft and the sheet closes at once.
    await textarea(page, 'opportunities-4.1').fill('阶段结束后再输入的内容');
    const closed = page.getByTestId('sheet-closed');
    await closed.filter({ hasText: '本申报的专家评审阶段已结束，评分表只读' }).waitFor();
    await closed.filter({ hasText: '阶段在您填写期间结束' }).waitFor();
    await waitFor(async () => (await textarea(page, 'opportunities-4.1').inputValue()) === '组织治理的评价机制尚未形成闭环', 20_000, 'the submitted text back on the closed sheet');
    expect(await textarea(page, 'strengths-4.1').isDisabled()).toBe(true);
    expect(await numberInput(page, `score-${processItem.criterion}`).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: '提交评分' }).count()).toBe(0);
    await shot(page, '07-sheet-closed-while-open');
    await page.reload();
    await page.getByTestId('sheet-closed').filter({ hasText: '已提交的评分' }).waitFor();
    await waitFor(async () => (await textarea(page, 'strengths-4.1').inputValue()) === '高层领导亲自推进卓越绩效模式，质量方针层层分解', 20_000, 'the submitted 优势 after a reload');
    expect(await page.getByTestId('draft-status').count()).toBe(0);
    await shot(page, '08-sheet-closed');
  });
});
