import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Enterprise, openCycle, qualityForm, registerEnterprise, uploadMaterials } from '../support/award-fixtures';
import { binaryBody } from '../support/binary-body';
import { intoExpertReview, Reviewer, reviewerPool } from '../support/review-fixtures';
import { waitFor } from '../support/throwaway-redis';
import { startTestApp, TestContext } from '../support/test-app';

/**
 * 打印申报书: GET /applications/:id/application-form.pdf prints the form with its Chinese labels,
 * the materials list and the 申报单位承诺 with a place for the 公章, for the enterprise and the
 * office; another enterprise and an assigned expert of a blind cycle are refused without learning
 * anything (404, as every application route answers those who may not see it), and a blind reader
 * who may see the application (a named 形式审查 expert) is refused by the route (403).
 */
describe('the 申报书 PDF', () => {
  let ctx: TestContext;
  let work: string;
  let admin: string;
  let enterprise: Enterprise;
  let other: Enterprise;
  let openId: string;
  let blindId: string;
  let blindCycleId: string;
  let experts: Reviewer[];

  const pdf = (id: string, token: string) => ctx.http.get(`/applications/${id}/application-form.pdf`).set('Authorization', token).buffer(true).parse(binaryBody);
  const textOf = (body: Buffer, name: string) => {
    const file = join(work, `${name}.pdf`);
    writeFileSync(file, body);
    return execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8');
  };

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'awardflow-form-pdf-'));
    ctx = await startTestApp({ worker: true, env: { OUTBOX_POLL_INTERVAL_MS: '200' } });
    admin = await ctx.adminToken();
    enterprise = await registerEnterprise(ctx, '重庆申报书精密制造有限公司');
    other = await registerEnterprise(ctx, '重庆旁观者电子有限公司');
    experts = await reviewerPool(ctx, 2);

    const open = await openCycle(ctx, { title: '渝中区区长质量管理奖 申报书打印' });
    const form = qualityForm({ selfAssessment: { ...qualityForm().selfAssessment, leadership: '董事会确立“质量立企”方针，总经理每月主持质量例会。' } });
    openId = (await ctx.http.post('/applications').set('Authorization', enterprise.token).send({ cycleId: open.id, form }).expect(201)).body.id;
    await uploadMaterials(ctx, enterprise.token, openId);
    await ctx.http.post(`/applications/${openId}/actions/submit`).set('Authorization', enterprise.token).send({}).expect(200);

    const blind = await openCycle(ctx, { title: '渝中区区长质量管理奖 匿名申报书', blindReview: true, reviewersPerApplication: 2 });
    blindCycleId = blind.id;
    blindId = (await ctx.http.post('/applications').set('Authorization', enterprise.token).send({ cycleId: blind.id, form: qualityForm() }).expect(201)).body.id;
    await uploadMaterials(ctx, enterprise.token, blindId);
    await intoExpertReview(ctx, enterprise, blindId);
    await waitFor(async () => {
      const rows = await ctx.dataSource.query(`SELECT 1 FROM review_assignments WHERE application_id = $1 AND status = 'assigned'`, [blindId]);
      return rows.length === 2 ? rows : null;
    }, 30_000, 'two assignments of the blind application');
  });

  afterAll(async () => {
    await ctx?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it("gives the enterprise its 申报书: the applicant, every section with its Chinese labels and values, the materials list and the declaration with the 公章", async () => {
    const res = await pdf(openId, enterprise.token).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.body.subarray(0, 5).toString()).toBe('%PDF-');
    const text = textOf(res.body, 'enterprise');
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain('区长质量管理奖');
    expect(flat).toContain('申报书');
    expect(flat).toContain(enterprise.name);
    expect(flat).toContain(enterprise.uscc);
    // Every section of the form under its Chinese label, with the values typed.
    for (const label of ['自评报告', '领导', '战略', '顾客与市场', '资源', '过程管理', '测量、分析与改进', '结果', '关键绩效指标']) expect(flat).toContain(label);
    expect(flat).toContain('董事会确立“质量立企”方针，总经理每月主持质量例会。');
    expect(flat).toContain('主要经营指标连续三年增长。');
    expect(flat).toContain('产品一次交验合格率');
    // The materials list names each required document as uploaded.
    expect(flat).toContain('申报材料清单');
    expect(flat).toMatch(/营业执照.*已上传1份/);
    // The declaration, the seal and the date.
    expect(flat).toContain('申报单位承诺');
    expect(flat).toContain('内容真实、准确、完整');
    expect(flat).toContain('申报单位（公章）');
    expect(flat).toContain('年月日');
    // The receipt number given at submission.
    const receipt = (await ctx.http.get(`/applications/${openId}`).set('Authorization', enterprise.token).expect(200)).body.receiptNumber as string;
    expect(receipt).toBeTruthy();
    expect(flat).toContain(receipt);
  });

  it('gives the office the same 申报书', async () => {
    const text = textOf((await pdf(openId, admin).expect(200)).body, 'office').replace(/\s+/g, '');
    expect(text).toContain(enterprise.uscc);
    expect(text).toContain('董事会确立“质量立企”方针');
    expect(text).toContain('申报单位承诺');
  });

  it('refuses another enterprise without saying the application exists, and an expert of a blind cycle', async () => {
    const stranger = await pdf(openId, other.token).expect(404);
    expect(JSON.parse(stranger.body.toString('utf8')).message).toMatch(/未找到该申报/);
    // An assigned expert of a blind cycle reads the application only through its blind review copy, never by this route.
    for (const expert of experts) {
      const refused = await pdf(blindId, expert.token).expect(404);
      const body = refused.body.toString('utf8');
      expect(JSON.parse(body).message).toMatch(/^未找到/);
      expect(body).not.toContain(enterprise.uscc);
      expect(body).not.toContain(enterprise.name);
    }
    // An expert the office named for 形式审查 reads the application, blind: the route itself refuses it.
    const formal = (await ctx.http.post('/applications').set('Authorization', other.token).send({ cycleId: blindCycleId, form: qualityForm() }).expect(201)).body.id;
    await uploadMaterials(ctx, other.token, formal);
    await ctx.http.post(`/applications/${formal}/actions/submit`).set('Authorization', other.token).send({}).expect(200);
    await ctx.http.post(`/applications/${formal}/actions/start_review`).set('Authorization', admin).send({}).expect(200);
    await ctx.http.put(`/cycles/${blindCycleId}/stage-reviewers`).set('Authorization', admin).send({ stage: 'formal_review', userIds: [experts[0].id] }).expect(200);
    const view = (await ctx.http.get(`/applications/${formal}`).set('Authorization', experts[0].token).expect(200)).body;
    expect(view.organization).toBeUndefined();
    const refused = await pdf(formal, experts[0].token).expect(403);
    const body = refused.body.toString('utf8');
    expect(JSON.parse(body).message).toBe('「打印申报书」只能由申报单位、评奖办公室办理');
    expect(body).not.toContain(other.uscc);
    // The enterprise still prints its blind-cycle application.
    expect(textOf((await pdf(blindId, enterprise.token).expect(200)).body, 'blind-own').replace(/\s+/g, '')).toContain(enterprise.uscc);
  });
});
