import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { samplePdf } from '../../libs/applications/src/testing/material-fixtures';
import { Enterprise, openCycle, QUALITY_REQUIRED, qualityForm, registerEnterprise } from '../support/award-fixtures';
import { assignmentsOf, intoExpertReview, Reviewer, reviewerPool, scoreSheet, waitForState } from '../support/review-fixtures';
import { waitFor } from '../support/throwaway-redis';
import { startTestApp, TestContext } from '../support/test-app';

const AWARD = 'district-quality-award';

/**
 * The expert's score sheet with GB/Z 19579 guidance: drafts kept on the server per assignment (only
 * its own expert reads or writes them, they survive between sessions, they stop with the stage), the
 * per-category 优势 / 改进机会 kept with the score, and a score over an item's maximum refused by name.
 */
describe('score drafts and feedback', () => {
  let ctx: TestContext;
  let enterprise: Enterprise;
  let pool: Reviewer[];
  let applicationId: string;
  let assigned: Array<{ id: string; reviewer_id: string }>;
  const byId = (id: string) => pool.find((r) => r.id === id)!;

  beforeAll(async () => {
    ctx = await startTestApp({ worker: true, env: { OUTBOX_POLL_INTERVAL_MS: '200' } });
    enterprise = await registerEnterprise(ctx, '重庆草稿测试精密机械有限公司');
    pool = await reviewerPool(ctx, 3);
    const cycleId = (await openCycle(ctx, { reviewersPerApplication: 2 })).id;
    const created = await ctx.http.post('/applications').set('Authorization', enterprise.token).send({ cycleId, form: qualityForm() }).expect(201);
    applicationId = created.body.id;
    for (const type of QUALITY_REQUIRED) {
      await ctx.http.post(`/applications/${applicationId}/attachments`).set('Authorization', enterprise.token).field('documentType', type).attach('file', samplePdf(type), { filename: `${type}.pdf`, contentType: 'application/pdf' }).expect(201);
    }
    await intoExpertReview(ctx, enterprise, applicationId);
    assigned = await waitFor(async () => {
      const rows = await assignmentsOf(ctx, applicationId);
      return rows.length === 2 ? rows : null;
    }, 20_000, 'two assignments');
  });
  afterAll(async () => ctx?.close());

  it('serves the GB/Z 19579 bands with the rubric and an open sheet', async () => {
    const [a] = assigned;
    const view = await ctx.http.get(`/reviews/assignments/${a.id}/application`).set('Authorization', byId(a.reviewer_id).token).expect(200);
    expect(view.body.scoringOpen).toBe(true);
    expect(view.body.rubric.guidance.source).toContain('GB/Z 19579-2012');
    expect(view.body.rubric.guidance.process.bands.map((b: { label: string }) => b.label)).toEqual(['0%–5%', '10%–25%', '30%–45%', '50%–65%', '70%–85%', '90%–100%']);
    expect(view.body.rubric.categories[0].items[0]).toMatchObject({ criterion: '4.1.2', guidance: 'process' });
    expect(view.body.rubric.categories[6].items[0]).toMatchObject({ criterion: '4.7.2', guidance: 'results' });
  });

  it("keeps a draft for the assignment's own expert only, across sessions, refusing a score over the maximum", async () => {
    const [a, b] = assigned;
    const owner = byId(a.reviewer_id);
    const other = byId(b.reviewer_id);
    const outsider = pool.find((r) => !assigned.some((x) => x.reviewer_id === r.id))!;
    expect((await ctx.http.get(`/reviews/assignments/${a.id}/draft`).set('Authorization', owner.token).expect(200)).body).toEqual({ draft: null, updatedAt: null, open: true });

    const draft = {
      items: [{ criterion: '4.1.2', band: 3, score: 30 }, { criterion: '4.1.3', band: 2 }],
      comment: '尚在阅读结果部分',
      categories: [{ category: '4.1', strengths: '  高层领导亲自推进卓越绩效模式 ', opportunities: '组织治理的评价机制尚未形成闭环' }, { category: '4.2', strengths: '   ' }],
    };
    const saved = await ctx.http.put(`/reviews/assignments/${a.id}/draft`).set('Authorization', owner.token).send(draft).expect(200);
    expect(typeof saved.body.updatedAt).toBe('string');
    // A fresh sign-in (another computer) finds it, texts trimmed and blank ones dropped.
    const relogin = await ctx.login(owner.username, 'user-password-1');
    const read = await ctx.http.get(`/reviews/assignments/${a.id}/draft`).set('Authorization', relogin).expect(200);
    expect(read.body).toEqual({
      open: true,
      updatedAt: saved.body.updatedAt,
      draft: { items: draft.items, comment: draft.comment, categories: [{ category: '4.1', strengths: '高层领导亲自推进卓越绩效模式', opportunities: '组织治理的评价机制尚未形成闭环' }] },
    });

    // The other expert of the same application, an expert of none of it, and the applicant: no.
    for (const token of [other.token, outsider.token]) {
      await ctx.http.get(`/reviews/assignments/${a.id}/draft`).set('Authorization', token).expect(404);
      await ctx.http.put(`/reviews/assignments/${a.id}/draft`).set('Authorization', token).send(draft).expect(404);
    }
    await ctx.http.get(`/reviews/assignments/${a.id}/draft`).set('Authorization', enterprise.token).expect(403);
    await ctx.http.put(`/reviews/assignments/${a.id}/draft`).set('Authorization', await ctx.adminToken()).send(draft).expect(404);

    // Over the maximum: refused, naming the item, never clamped; the kept draft is unchanged.
    const over = await ctx.http.put(`/reviews/assignments/${a.id}/draft`).set('Authorization', owner.token).send({ items: [{ criterion: '4.1.2', score: 55 }] }).expect(400);
    expect(over.body.errors).toEqual([{ field: 'items[4.1.2]', label: '评分项 4.1.2', messages: ['不能超过该项满分 50 分（高层领导的作用）'] }]);
    expect(over.body.message).toContain('不能超过该项满分 50 分（高层领导的作用）');
    expect((await ctx.http.get(`/reviews/assignments/${a.id}/draft`).set('Authorization', owner.token).expect(200)).body.draft.items).toEqual(draft.items);
    const badBand = await ctx.http.put(`/reviews/assignments/${a.id}/draft`).set('Authorization', owner.token).send({ items: [{ criterion: '4.1.2', band: 6 }] }).expect(400);
    expect(JSON.stringify(badBand.body.errors)).toContain('评分档位');
  });

  it('keeps 优势 / 改进机会 with the score, refuses over-max and bad categories in Chinese, and drops the draft', async () => {
    const [a] = assigned;
    const owner = byId(a.reviewer_id);
    const sheet = scoreSheet(AWARD, 0.6);
    const over = await ctx.http.post(`/reviews/assignments/${a.id}/scores`).set('Authorization', owner.token)
      .send({ ...sheet, items: sheet.items.map((i) => (i.criterion === '4.4.6' ? { ...i, score: 10.5 } : i)) }).expect(400);
    expect(over.body.errors).toEqual([{ field: 'items[4.4.6]', label: '评分项 4.4.6', messages: ['不能超过该项满分 10 分（基础设施）'] }]);
    const badText = await ctx.http.post(`/reviews/assignments/${a.id}/scores`).set('Authorization', owner.token).send({ ...sheet, categories: [{ category: '4.1', strengths: 42 }] }).expect(400);
    expect(badText.body.message).toContain('优势');
    const unknown = await ctx.http.post(`/reviews/assignments/${a.id}/scores`).set('Authorization', owner.token).send({ ...sheet, categories: [{ category: '9.9', strengths: '好' }] }).expect(400);
    expect(unknown.body.errors).toEqual([{ field: 'categories[9.9]', label: '评分类目 9.9', messages: ['9.9 不是卓越绩效评价准则（GB/T 19580）中的评分类目'] }]);

    const categories = [{ category: '4.1', strengths: '高层领导率先垂范', opportunities: '治理评价待完善' }, { category: '4.7', opportunities: '缺少与标杆的对比数据' }];
    await ctx.http.post(`/reviews/assignments/${a.id}/scores`).set('Authorization', owner.token).send({ ...sheet, categories }).expect(200);
    const view = await ctx.http.get(`/reviews/assignments/${a.id}/application`).set('Authorization', owner.token).expect(200);
    expect(view.body.myScore.categories).toEqual(categories);
    expect((await ctx.http.get(`/reviews/assignments/${a.id}/draft`).set('Authorization', owner.token).expect(200)).body.draft).toBeNull();
  });

  it('refuses drafts once the stage has closed and says the sheet is read-only', async () => {
    const [a, b] = assigned;
    await ctx.http.put(`/reviews/assignments/${b.id}/draft`).set('Authorization', byId(b.reviewer_id).token).send({ items: [{ criterion: '4.1.2', score: 40 }] }).expect(200);
    await ctx.http.post(`/reviews/assignments/${b.id}/scores`).set('Authorization', byId(b.reviewer_id).token).send(scoreSheet(AWARD, 0.7)).expect(200);
    await waitForState(ctx, applicationId, 'shortlisting');
    const owner = byId(a.reviewer_id);
    const closed = await ctx.http.put(`/reviews/assignments/${a.id}/draft`).set('Authorization', owner.token).send({ items: [{ criterion: '4.1.2', score: 20 }] }).expect(409);
    expect(closed.body).toMatchObject({ code: 'SCORING_CLOSED', message: '该申报的专家评审已结束，评分不能再修改' });
    expect((await ctx.http.get(`/reviews/assignments/${a.id}/draft`).set('Authorization', owner.token).expect(200)).body).toMatchObject({ open: false });
    const view = await ctx.http.get(`/reviews/assignments/${a.id}/application`).set('Authorization', owner.token).expect(200);
    expect(view.body.scoringOpen).toBe(false);
  });

  it("gives a panel member the score summary the panel deliberates on, and nobody else's", async () => {
    const [a, b] = assigned;
    const member = byId(a.reviewer_id);
    const cycleId = (await ctx.http.get(`/applications/${applicationId}`).set('Authorization', await ctx.adminToken()).expect(200)).body.cycleId;
    await ctx.http.post(`/cycles/${cycleId}/panel`).set('Authorization', await ctx.adminToken()).send({ memberIds: [member.id] }).expect(200);
    const brief = await ctx.http.get(`/applications/${applicationId}/panel`).set('Authorization', member.token).expect(200);
    const sheets = [scoreSheet(AWARD, 0.6), scoreSheet(AWARD, 0.7)].map((s) => Math.round(s.items.reduce((t, i) => t + i.score, 0) * 10) / 10);
    expect(brief.body).toMatchObject({ applicationId, member: true, open: false, myVote: null });
    expect(brief.body.summary.expertTotals).toEqual([...sheets].sort((x, y) => y - x));
    expect(brief.body.summary.composite).toBeCloseTo((sheets[0] + sheets[1]) / 2, 2);
    expect(brief.body.summary.categories[0]).toEqual({ code: '4.1', label: '领导', max: 110, mean: Math.round(((0.6 + 0.7) / 2) * 110 * 100) / 100 });
    // No expert is named in it.
    expect(JSON.stringify(brief.body)).not.toContain(b.reviewer_id);
    const outsider = pool.find((r) => !assigned.some((x) => x.reviewer_id === r.id))!;
    await ctx.http.get(`/applications/${applicationId}/panel`).set('Authorization', outsider.token).expect(404);
    await ctx.http.get(`/applications/${applicationId}/panel`).set('Authorization', enterprise.token).expect(403);
  });
});
