import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { samplePdf } from '../../libs/applications/src/testing/material-fixtures';
import { Enterprise, openCycle, QUALITY_REQUIRED, qualityForm, registerEnterprise } from '../support/award-fixtures';
import { act, assignmentsOf, intoExpertReview, Reviewer, reviewerPool, scoreSheet, waitForState } from '../support/review-fixtures';
import { waitFor } from '../support/throwaway-redis';
import { startTestApp, TestContext } from '../support/test-app';

const AWARD = 'district-quality-award';

/**
 * One blind cycle, three experts per application, a pool of five where one expert works for the
 * applicant: assignment, blindness, conflicts and their replacement, the flag when the pool runs
 * dry, score validation, and aggregation moving the application on.
 */
describe('expert review', () => {
  let ctx: TestContext;
  let enterprise: Enterprise;
  let pool: Reviewer[];
  let applicationId: string;
  let cycleId: string;
  const byId = (id: string) => pool.find((r) => r.id === id)!;

  beforeAll(async () => {
    ctx = await startTestApp({ worker: true, env: { OUTBOX_POLL_INTERVAL_MS: '200' } });
    enterprise = await registerEnterprise(ctx, '重庆盲评测试精密机械有限公司');
    // pool[0] works for the applicant: it must never be assigned.
    pool = await reviewerPool(ctx, 5, (i) => (i === 0 ? [enterprise.uscc] : []));
    cycleId = (await openCycle(ctx, { blindReview: true, reviewersPerApplication: 3 })).id;
    const created = await ctx.http.post('/applications').set('Authorization', enterprise.token).send({ cycleId, form: qualityForm() }).expect(201);
    applicationId = created.body.id;
    for (const type of QUALITY_REQUIRED) {
      // Uploaded names often carry the company's name: blind review must not pass them on.
      await ctx.http
        .post(`/applications/${applicationId}/attachments`)
        .set('Authorization', enterprise.token)
        .field('documentType', type)
        .attach('file', samplePdf(type), { filename: `${enterprise.name}-${type}.pdf`, contentType: 'application/pdf' })
        .expect(201);
    }
    await intoExpertReview(ctx, enterprise, applicationId);
  });
  afterAll(async () => ctx?.close());

  it('assigns three experts, never the one tied to the applicant, each with a due date and reminders', async () => {
    const assigned = await waitFor(async () => {
      const rows = await assignmentsOf(ctx, applicationId);
      return rows.length === 3 ? rows : null;
    }, 20_000, 'three assignments');
    expect(assigned.map((a) => a.reviewer_id)).not.toContain(pool[0].id);
    const deadlines = await ctx.dataSource.query(`SELECT kind, count(*)::int AS n FROM deadlines WHERE kind LIKE 'review%' AND status = 'pending' GROUP BY kind ORDER BY kind`);
    expect(deadlines).toEqual([
      { kind: 'review_due', n: 3 },
      { kind: 'review_reminder', n: 6 },
    ]);
    // Each expert is told, in the inbox.
    for (const a of assigned) {
      await waitFor(async () => {
        const res = await ctx.http.get('/notifications').set('Authorization', byId(a.reviewer_id).token);
        return res.body.items?.some((n: { title: string }) => n.title.includes('评审任务')) ?? false;
      }, 20_000, 'the assignment notice');
    }
  });

  it('shows experts a blind view: no name, credit code or uploaded file names, in JSON or downloads', async () => {
    const [first] = await assignmentsOf(ctx, applicationId);
    const expert = byId(first.reviewer_id);
    const list = await ctx.http.get('/reviews/assignments').set('Authorization', expert.token).expect(200);
    expect(list.body).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    expect(list.body.items[0]).toMatchObject({ id: first.id, status: 'assigned', overdue: false });
    const view = await ctx.http.get(`/reviews/assignments/${first.id}/application`).set('Authorization', expert.token).expect(200);
    const json = JSON.stringify(view.body) + JSON.stringify(list.body);
    expect(json).not.toContain(enterprise.name);
    expect(json).not.toContain(enterprise.uscc);
    expect(json).not.toContain('解放碑');
    expect(view.body.organization).toBeUndefined();
    expect(view.body.rubric.categories).toHaveLength(7);
    expect(view.body.materials.map((m: { name: string }) => m.name)).toEqual(['材料1-申报书.pdf', '材料2-自评报告.pdf', '材料3-营业执照（副本）.pdf', '材料4-无重大质量、安全、环保事故承诺书.pdf']);

    const download = await ctx.http.get(view.body.materials[1].url).set('Authorization', expert.token).buffer(true).expect(200);
    expect(download.headers['content-disposition']).not.toContain(encodeURIComponent(enterprise.name));
    expect(decodeURIComponent(download.headers['content-disposition'])).toContain('材料2-自评报告.pdf');
    expect(Buffer.compare(download.body, samplePdf('self_assessment_report'))).toBe(0);

    // The office sees the names as uploaded (UTF-8 file names survive the multipart upload).
    const listed = await ctx.http.get(`/applications/${applicationId}/attachments`).set('Authorization', await ctx.adminToken()).expect(200);
    expect(listed.body.map((m: { originalName: string }) => m.originalName)).toContain(`${enterprise.name}-application_form.pdf`);

    // The generic application route does not lift the blind: 404 for the expert.
    await ctx.http.get(`/applications/${applicationId}`).set('Authorization', expert.token).expect(404);
  });

  it('hides the application from experts not assigned to it', async () => {
    const assigned = new Set((await assignmentsOf(ctx, applicationId)).map((a) => a.reviewer_id));
    const outsider = pool.find((r) => !assigned.has(r.id) && r !== pool[0])!;
    const [first] = await assignmentsOf(ctx, applicationId);
    await ctx.http.get(`/reviews/assignments/${first.id}/application`).set('Authorization', outsider.token).expect(404);
    await ctx.http.get(`/reviews/assignments/${first.id}/attachments/1/content`).set('Authorization', outsider.token).expect(404);
    await ctx.http.post(`/reviews/assignments/${first.id}/scores`).set('Authorization', outsider.token).send(scoreSheet(AWARD, 0.8)).expect(404);
    await ctx.http.get(`/applications/${applicationId}`).set('Authorization', outsider.token).expect(404);
    expect((await ctx.http.get('/reviews/assignments').set('Authorization', outsider.token).expect(200)).body).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
  });

  it('refuses bad score sheets naming each item, and changes nothing', async () => {
    const [first] = await assignmentsOf(ctx, applicationId);
    const expert = byId(first.reviewer_id);
    const sheet = scoreSheet(AWARD, 0.7);
    const bad = {
      comment: sheet.comment,
      items: sheet.items
        .filter((i) => i.criterion !== '4.2.2')
        .map((i) => (i.criterion === '4.1.2' ? { ...i, score: 999 } : i.criterion === '4.1.3' ? { ...i, score: 10.25 } : i.criterion === '4.3.2' ? { ...i, score: -1 } : i))
        .concat([{ criterion: '9.9.9', score: 1 }]),
    };
    const res = await ctx.http.post(`/reviews/assignments/${first.id}/scores`).set('Authorization', expert.token).send(bad).expect(400);
    const byField = Object.fromEntries((res.body.errors as Array<{ field: string; messages: string[] }>).map((e) => [e.field, e.messages.join('；')]));
    for (const [field, expected] of [['items[4.1.2]', '不能超过该项满分 50 分'], ['items[4.1.3]', '最多保留一位小数'], ['items[4.3.2]', '不能为负数'], ['items[4.2.2]', '尚未评分'], ['items[9.9.9]', '中的评分项']]) {
      expect(byField[field]).toContain(expected);
    }
    // The message a person reads names each item by its number, not by the API's path.
    expect(res.body.message).toContain('评分项 4.1.2：不能超过该项满分 50 分');
    expect(res.body.message).not.toContain('items[');
    await ctx.http.post(`/reviews/assignments/${first.id}/scores`).set('Authorization', expert.token).send({ items: sheet.items }).expect(400);
    expect(await ctx.dataSource.query(`SELECT 1 FROM review_scores`)).toEqual([]);
  });

  it('replaces an expert who declares a conflict, and flags the application when the pool runs dry', async () => {
    const [first, second] = await assignmentsOf(ctx, applicationId);
    const declaring = byId(first.reviewer_id);
    await ctx.http.post(`/reviews/assignments/${first.id}/conflict`).set('Authorization', declaring.token).send({ reason: '本人曾任该企业质量顾问' }).expect(200);
    // The fourth free expert takes the place; the tied one still never does.
    const replaced = await waitFor(async () => {
      const rows = await assignmentsOf(ctx, applicationId);
      return rows.length === 3 && !rows.some((r) => r.id === first.id) ? rows : null;
    }, 20_000, 'the replacement');
    expect(replaced.map((r) => r.reviewer_id)).not.toContain(pool[0].id);
    expect(replaced.map((r) => r.reviewer_id)).not.toContain(declaring.id);
    expect(await ctx.dataSource.query(`SELECT status FROM deadlines WHERE payload->>'assignmentId' = $1 AND status = 'pending'`, [first.id])).toEqual([]);
    await ctx.http.post(`/reviews/assignments/${first.id}/conflict`).set('Authorization', declaring.token).send({ reason: '重复声明' }).expect(409);

    // A second conflict: nobody is left who may review it, so the office is told instead.
    await ctx.http.post(`/reviews/assignments/${second.id}/conflict`).set('Authorization', byId(second.reviewer_id).token).send({ reason: '与该企业有业务往来' }).expect(200);
    const [flag] = await waitFor(async () => {
      const rows = await ctx.dataSource.query(`SELECT reason FROM review_flags WHERE application_id = $1 AND resolved_at IS NULL`, [applicationId]);
      return rows.length ? rows : null;
    }, 20_000, 'the flag');
    expect(flag.reason).toBeTruthy();
    expect(await assignmentsOf(ctx, applicationId)).toHaveLength(2);
    const admin = await ctx.adminToken();
    await waitFor(async () => {
      const res = await ctx.http.get('/notifications').set('Authorization', admin);
      return res.body.items?.some((n: { body: string; title: string }) => (n.title + n.body).includes('专家')) ?? false;
    }, 20_000, 'the admins to be told');

    const flags = await ctx.http.get('/reviews/flags').set('Authorization', admin).expect(200);
    expect(flags.body).toEqual({ items: [expect.objectContaining({ applicationId, reason: flag.reason, organizationName: enterprise.name })], total: 1, page: 1, pageSize: 20 });

    // The office widens the pool and assigns by hand; a tied expert is refused by name.
    const refused = await ctx.http.post(`/reviews/applications/${applicationId}/assignments`).set('Authorization', admin).send({ reviewerId: pool[0].id }).expect(400);
    expect(refused.body.errors).toEqual([{ field: 'reviewerId', label: '评审专家', messages: ['该专家与申报单位存在关联关系，须回避'] }]);
    expect(refused.body.message).toBe('评审专家：该专家与申报单位存在关联关系，须回避');
    const [extra, another] = await reviewerPool(ctx, 2);
    pool.push(extra, another);
    const added = await ctx.http.post(`/reviews/applications/${applicationId}/assignments`).set('Authorization', admin).send({}).expect(200);
    expect(added.body.assigned).toHaveLength(1);
    expect((await ctx.http.get('/reviews/flags').set('Authorization', admin).expect(200)).body).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
    expect(await assignmentsOf(ctx, applicationId)).toHaveLength(3);

    // Reassignment by name moves one assignment to another expert.
    const [moving] = await assignmentsOf(ctx, applicationId);
    const spare = [extra, another].find((r) => !((added.body.assigned as string[]).includes(r.id)))!;
    const moved = await ctx.http.post(`/reviews/assignments/${moving.id}/reassign`).set('Authorization', admin).send({ reviewerId: spare.id }).expect(200);
    const now = await assignmentsOf(ctx, applicationId);
    expect(now.map((a) => a.reviewer_id)).toContain(spare.id);
    expect(now.map((a) => a.id)).toContain(moved.body.assignmentId);
    expect(now).toHaveLength(3);
    const history = (await ctx.http.get(`/reviews/applications/${applicationId}/assignments`).set('Authorization', admin).expect(200)).body;
    expect(history.map((a: { status: string }) => a.status).sort()).toEqual(['assigned', 'assigned', 'assigned', 'conflict', 'conflict', 'replaced']);
    await ctx.http.get(`/reviews/applications/${applicationId}/assignments`).set('Authorization', pool[1].token).expect(403);
    // An applicant reaches none of this.
    await ctx.http.get('/reviews/flags').set('Authorization', enterprise.token).expect(403);
  });

  it('aggregates when the last expert scores, moves the application on, and closes scoring', async () => {
    const open = await assignmentsOf(ctx, applicationId);
    const fractions = [0.6, 0.7, 0.9];
    const totals: number[] = [];
    for (const [i, a] of open.entries()) {
      const res = await ctx.http.post(`/reviews/assignments/${a.id}/scores`).set('Authorization', byId(a.reviewer_id).token).send(scoreSheet(AWARD, i === 0 ? 0.1 : fractions[i])).expect(200);
      expect(res.body.stageComplete).toBe(false);
      if (i === 0) {
        // Editable until the stage closes.
        const again = await ctx.http.post(`/reviews/assignments/${a.id}/scores`).set('Authorization', byId(a.reviewer_id).token).send(scoreSheet(AWARD, fractions[0])).expect(200);
        totals.push(again.body.total);
      } else totals.push(res.body.total);
      if (i === open.length - 2) break;
    }
    const last = open.at(-1)!;
    const done = await ctx.http.post(`/reviews/assignments/${last.id}/scores`).set('Authorization', byId(last.reviewer_id).token).send(scoreSheet(AWARD, fractions[2])).expect(200);
    totals.push(done.body.total);
    expect(done.body.stageComplete).toBe(true);

    await waitForState(ctx, applicationId, 'shortlisting');
    const [score] = await ctx.dataSource.query(`SELECT aggregated, reviewer_count FROM application_scores WHERE application_id = $1`, [applicationId]);
    // Fewer than five experts: plain mean (drop-extremes needs at least five).
    expect(Number(score.aggregated)).toBeCloseTo(totals.reduce((s, t) => s + t, 0) / 3, 2);
    expect(score.reviewer_count).toBe(3);
    const conflict = await ctx.http.post(`/reviews/assignments/${last.id}/scores`).set('Authorization', byId(last.reviewer_id).token).send(scoreSheet(AWARD, 0.2)).expect(409);
    expect(conflict.body).toMatchObject({ code: 'SCORING_CLOSED', message: '该申报的专家评审已结束，评分不能再修改' });
    // An admin who is not an expert of it cannot slip a score in either.
    await ctx.http.post(`/reviews/assignments/${last.id}/scores`).set('Authorization', await ctx.adminToken()).send(scoreSheet(AWARD, 0.2)).expect(404);
  });

  it('refuses reviewer registrations that are wrong, naming the field', async () => {
    const res = await ctx.http.post('/reviews/reviewers').set('Authorization', await ctx.adminToken()).send({ userId: enterprise.userId, expertise: ['C'], ties: [] });
    // Applicants belong to no office: refused like a user of another office, naming the field.
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'userId' })]);
    const bad = await ctx.http.post('/reviews/reviewers').set('Authorization', await ctx.adminToken()).send({ userId: pool[1].id, expertise: ['zz'], ties: ['short'] }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['expertise', 'ties']);
    expect(bad.body.message).toBe('专业领域：须为 GB/T 4754 行业门类或代码（如 C、C38）；关联单位：须为 18 位统一社会信用代码');
    await ctx.http.post('/reviews/reviewers').set('Authorization', enterprise.token).send({ userId: pool[1].id, expertise: ['C'], ties: [] }).expect(403);
    // An applicant cannot move its own application through the office's stages.
    const refused = await act(ctx, enterprise.token, applicationId, 'not_shortlist', {}, 403);
    expect(refused).toMatchObject({ code: 'FORBIDDEN', action: 'not_shortlist', message: '「未入围」只能由评奖办公室办理' });
  });
});
