import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Enterprise, openCycle, qualityForm, registerEnterprise, uploadMaterials } from '../support/award-fixtures';
import { binaryBody } from '../support/binary-body';
import { assignmentsOf, intoExpertReview, Reviewer, reviewerPool, scoreSheet } from '../support/review-fixtures';
import { waitFor } from '../support/throwaway-redis';
import { startTestApp, TestContext } from '../support/test-app';

const AWARD = 'district-quality-award';

/**
 * 反馈报告: the experts' per-category 优势 and 改进机会 for the enterprise, once the office has
 * released it for the cycle (409 before, in Chinese); the office reads it any time; experts and
 * other enterprises never; no expert is named or identified in the JSON or the PDF.
 */
describe('the feedback report', () => {
  let ctx: TestContext;
  let work: string;
  let admin: string;
  let enterprise: Enterprise;
  let other: Enterprise;
  let experts: Reviewer[];
  let cycleId: string;
  let applicationId: string;

  const json = (token: string) => ctx.http.get(`/applications/${applicationId}/feedback-report`).set('Authorization', token);
  const pdf = (token: string) => ctx.http.get(`/applications/${applicationId}/feedback-report.pdf`).set('Authorization', token).buffer(true).parse(binaryBody);

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'awardflow-feedback-'));
    ctx = await startTestApp({ worker: true, env: { OUTBOX_POLL_INTERVAL_MS: '200' } });
    admin = await ctx.adminToken();
    enterprise = await registerEnterprise(ctx, '重庆反馈报告精工有限公司');
    other = await registerEnterprise(ctx, '重庆旁观反馈电子有限公司');
    experts = await reviewerPool(ctx, 2);
    const cycle = await openCycle(ctx, { title: '渝中区区长质量管理奖 反馈报告', blindReview: true, reviewersPerApplication: 2 });
    cycleId = cycle.id;
    applicationId = (await ctx.http.post('/applications').set('Authorization', enterprise.token).send({ cycleId, form: qualityForm() }).expect(201)).body.id;
    await uploadMaterials(ctx, enterprise.token, applicationId);
    await intoExpertReview(ctx, enterprise, applicationId);
    const assigned = await waitFor(async () => {
      const rows = await assignmentsOf(ctx, applicationId);
      return rows.length === 2 ? rows : null;
    }, 30_000, 'two assignments');
    const texts = [
      [{ category: '4.1', strengths: '高层领导亲自推进卓越绩效模式', opportunities: '组织治理的评价机制尚未形成闭环' }, { category: '4.7', opportunities: '缺少与标杆企业的对比数据' }],
      [{ category: '4.1', strengths: '质量方针层层分解到班组' }],
    ];
    for (const [i, a] of assigned.entries()) {
      const expert = experts.find((e) => e.id === a.reviewer_id)!;
      await ctx.http.post(`/reviews/assignments/${a.id}/scores`).set('Authorization', expert.token).send({ ...scoreSheet(AWARD, i ? 0.7 : 0.5), categories: texts[i] }).expect(200);
    }
  }, 180_000);

  afterAll(async () => {
    await ctx?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('refuses the enterprise before release with a Chinese 409, lets the office preview it, and never experts or others', async () => {
    const status = (token: string) => ctx.http.get(`/applications/${applicationId}/feedback-report/status`).set('Authorization', token);
    expect((await status(enterprise.token).expect(200)).body).toEqual({ cycleId, scored: true, releasedAt: null, available: false });
    expect((await status(admin).expect(200)).body).toEqual({ cycleId, scored: true, releasedAt: null, available: true });
    await status(experts[0].token).expect(403);
    const before = await json(enterprise.token).expect(409);
    expect(before.body).toMatchObject({ message: '评奖办公室尚未发布本届评审反馈报告，发布后可在此查看和下载', reason: 'not_released' });
    await pdf(enterprise.token).expect(409);
    expect((await ctx.http.get(`/cycles/${cycleId}/feedback-report/release`).set('Authorization', admin).expect(200)).body).toEqual({ cycleId, releasedAt: null });
    const preview = await json(admin).expect(200);
    expect(preview.body.releasedAt).toBeNull();
    expect(preview.body.expertCount).toBe(2);
    // An expert of the application (may see it blind) and another enterprise (may not see it).
    const expert = await json(experts[0].token).expect(403);
    expect(expert.body.message).toMatch(/[\u4e00-\u9fa5]/);
    await json(other.token).expect((r) => expect([403, 404]).toContain(r.status));
    await ctx.http.post(`/cycles/${cycleId}/feedback-report/release`).set('Authorization', enterprise.token).expect(403);
  });

  it('releases once per cycle, audited; the enterprise then reads per category 优势 and 改进机会 with the score rate, no expert named', async () => {
    const released = await ctx.http.post(`/cycles/${cycleId}/feedback-report/release`).set('Authorization', admin).expect(200);
    expect(released.body.cycleId).toBe(cycleId);
    expect(typeof released.body.releasedAt).toBe('string');
    const again = await ctx.http.post(`/cycles/${cycleId}/feedback-report/release`).set('Authorization', admin).expect(200);
    expect(again.body.releasedAt).toBe(released.body.releasedAt);
    const audit = await ctx.http.get('/audit').query({ entityType: 'cycle', entityId: cycleId, action: 'feedback_report_released', pageSize: 50 }).set('Authorization', admin).expect(200);
    expect(audit.body.items.filter((r: { action: string }) => r.action === 'feedback_report_released')).toHaveLength(1);

    expect((await ctx.http.get(`/applications/${applicationId}/feedback-report/status`).set('Authorization', enterprise.token).expect(200)).body).toMatchObject({ available: true, releasedAt: released.body.releasedAt });
    const report = (await json(enterprise.token).expect(200)).body;
    expect(report).toMatchObject({ applicationId, organizationName: enterprise.name, expertCount: 2, totalPercent: 60, releasedAt: released.body.releasedAt });
    expect(report.categories.map((c: { code: string }) => c.code)).toEqual(['4.1', '4.2', '4.3', '4.4', '4.5', '4.6', '4.7']);
    const leadership = report.categories[0];
    expect(leadership).toMatchObject({ label: '领导', scorePercent: 60 });
    expect([...leadership.strengths].sort()).toEqual(['质量方针层层分解到班组', '高层领导亲自推进卓越绩效模式'].sort());
    expect(leadership.opportunities).toEqual(['组织治理的评价机制尚未形成闭环']);
    expect(report.categories[6].opportunities).toEqual(['缺少与标杆企业的对比数据']);
    expect(report.categories[1]).toMatchObject({ strengths: [], opportunities: [] });
    const raw = JSON.stringify(report);
    for (const e of experts) {
      expect(raw).not.toContain(e.id);
      expect(raw).not.toContain(e.username);
    }
    expect(raw).not.toMatch(/专家\d/);

    const res = await pdf(enterprise.token).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const file = join(work, 'report.pdf');
    writeFileSync(file, res.body);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8').replace(/\s+/g, '');
    for (const s of ['评审反馈报告', enterprise.name, '4.1领导（得分率60%）', '优势', '改进机会', '高层领导亲自推进卓越绩效模式', '质量方针层层分解到班组', '缺少与标杆企业的对比数据']) expect(text).toContain(s);
    for (const e of experts) expect(text).not.toContain(e.username);
    expect(text).not.toMatch(/专家\d/);
    // Still nobody else's.
    await json(other.token).expect((r) => expect([403, 404]).toContain(r.status));
    await json(experts[1].token).expect(403);
  });
});
