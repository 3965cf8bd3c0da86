import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Enterprise, openCycle, readyApplication, registerEnterprise } from '../support/award-fixtures';
import { act, assignmentsOf, publishPublicity, Reviewer, reviewerPool, scoreSheet, stateOf, waitForState } from '../support/review-fixtures';
import { waitFor } from '../support/throwaway-redis';
import { endWindow } from '../support/end-window';
import { createUser, startTestApp, TestContext } from '../support/test-app';
import { binaryBody } from '../support/binary-body';

const AWARD = 'district-quality-award';

/**
 * A whole 区长质量管理奖 cycle through the public API with the worker running: ten enterprises,
 * five experts, one award and one 提名奖 in the quota, 形式审查 with a 补正, 资料评审, ranking,
 * 入围, 现场评审, 社会公示 with an upheld objection, 评审委员会 votes, 审定 and a revocation.
 */
describe('a 区长质量管理奖 cycle from application to revocation', () => {
  let ctx: TestContext;
  let admin: string;
  let experts: Reviewer[];
  let enterprises: Enterprise[];
  let apps: string[];
  let cycleId: string;
  let officeOf: (code: string) => string;

  beforeAll(async () => {
    ctx = await startTestApp({ worker: true, env: { ALLOW_SHORT_DURATIONS: 'true', OUTBOX_POLL_INTERVAL_MS: '200', DEADLINE_SCHEDULE_INTERVAL_MS: '100' } });
    admin = await ctx.adminToken();
    enterprises = [];
    for (let i = 0; i < 10; i++) enterprises.push(await registerEnterprise(ctx, `重庆第${i + 1}精密制造有限公司`));
    experts = await reviewerPool(ctx, 5, (i) => (i === 0 ? [enterprises[0].uscc] : []));
    const offices: Array<{ id: string; code: string }> = await ctx.dataSource.query(`SELECT id, code FROM offices`);
    officeOf = (code: string) => offices.find((o) => o.code === code)!.id;
    cycleId = (
      await openCycle(ctx, {
        officeId: officeOf('CQ-YZ'),
        year: 2026,
        title: '2026年度渝中区区长质量管理奖',
        quota: { awards: 1, secondTier: { label: '提名奖', count: 1 } },
        reviewersPerApplication: 3,
        stagePlan: { defense: false, onsiteReview: true, publicityBeforePanel: true },
        panel: { quorum: 3 },
        // 公示 stays open while the test acts in it; the test ends it (endWindow) once done.
        durationOverrides: { publicity: 'PT1H' },
      })
    ).id;
    apps = [];
    for (const e of enterprises) apps.push(await readyApplication(ctx, e, cycleId));
  });
  afterAll(async () => ctx?.close());

  it('takes ten submissions with gap-free receipt numbers and closes the window into 形式审查', async () => {
    const receipts: string[] = [];
    for (const [i, id] of apps.entries()) receipts.push((await act(ctx, enterprises[i].token, id, 'submit')).receiptNumber);
    expect(receipts).toEqual(Array.from({ length: 10 }, (_, i) => `2026-DMQ-${String(i + 1).padStart(4, '0')}`));
    const closed = await ctx.http.post(`/cycles/${cycleId}/close`).set('Authorization', admin).expect(200);
    expect(JSON.stringify(closed.body)).toContain('10');
    for (const id of apps) expect(await stateOf(ctx, id)).toBe('formal_review');
  });

  it('passes 形式审查, one after a 补正 answered by the enterprise', async () => {
    const supplement = await act(ctx, admin, apps[3], 'request_supplement', { comment: '营业执照副本不清晰，请重新上传' });
    expect(supplement.state).toBe('supplement_requested');
    await act(ctx, enterprises[3].token, apps[3], 'resubmit');
    // The expert the office named for 形式审查 finds the work in its task list; the others do not.
    await ctx.http.put(`/cycles/${cycleId}/stage-reviewers`).set('Authorization', admin).send({ stage: 'formal_review', userIds: [experts[1].id] }).expect(200);
    expect((await ctx.http.get('/reviews/tasks').set('Authorization', experts[2].token).expect(200)).body.items).toEqual([]);
    const tasks = (await ctx.http.get('/reviews/tasks').set('Authorization', experts[1].token).expect(200)).body.items;
    expect(tasks.filter((t: { stage: string }) => t.stage === '形式审查').map((t: { applicationId: string }) => t.applicationId).sort()).toEqual([...apps].sort());
    // The named expert passes one; it leaves the expert's sight, and the answer still says where it went.
    const passed = await act(ctx, experts[1].token, apps[0], 'pass_formal_review');
    expect(passed).toMatchObject({ id: apps[0], state: 'expert_review', availableActions: [] });
    await ctx.http.get(`/applications/${apps[0]}`).set('Authorization', experts[1].token).expect(404);
    for (const id of apps.slice(1)) await act(ctx, admin, id, 'pass_formal_review');
    for (const id of apps) expect(await stateOf(ctx, id)).toBe('expert_review');
  });

  it('assigns three experts to each application, scores them, and aggregates into 入围审核', async () => {
    const all = await waitFor(async () => {
      const rows: Array<{ id: string; application_id: string; reviewer_id: string }> = await ctx.dataSource.query(
        `SELECT id, application_id, reviewer_id FROM review_assignments WHERE cycle_id = $1 AND status = 'assigned'`,
        [cycleId],
      );
      return rows.length === 30 ? rows : null;
    }, 30_000, 'thirty assignments');
    expect(all.filter((a) => a.application_id === apps[0]).map((a) => a.reviewer_id)).not.toContain(experts[0].id);
    // Balanced load: five experts, thirty assignments, each within one of the even six.
    const load = new Map<string, number>();
    for (const a of all) load.set(a.reviewer_id, (load.get(a.reviewer_id) ?? 0) + 1);
    expect(load.size).toBe(5);
    for (const n of load.values()) expect(Math.abs(n - 6)).toBeLessThanOrEqual(1);

    // Application i is better than i-1; each expert a little harsher or more lenient.
    for (const a of all) {
      const i = apps.indexOf(a.application_id);
      const e = experts.findIndex((x) => x.id === a.reviewer_id);
      await ctx.http.post(`/reviews/assignments/${a.id}/scores`).set('Authorization', experts[e].token).send(scoreSheet(AWARD, 0.4 + i * 0.05 + (e - 2) * 0.01)).expect(200);
    }
    for (const id of apps) await waitForState(ctx, id, 'shortlisting');
  });

  it('ranks with the quota line and exports the ranking for Excel', async () => {
    const page = (await ctx.http.get(`/cycles/${cycleId}/ranking`).set('Authorization', admin).expect(200)).body;
    expect(page).toMatchObject({ total: 10, page: 1, pageSize: 20 });
    const ranking = page.items;
    expect(ranking.map((r: { applicationId: string }) => r.applicationId)).toEqual([...apps].reverse());
    expect(ranking.map((r: { rank: number }) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(ranking.slice(0, 3).map((r: { insideQuota: string | null }) => r.insideQuota)).toEqual(['award', 'second_tier', null]);
    expect(ranking.map((r: { quotaLine: boolean }) => r.quotaLine).indexOf(true)).toBe(1);
    for (let i = 1; i < ranking.length; i++) expect(ranking[i - 1].aggregated).toBeGreaterThanOrEqual(ranking[i].aggregated);

    const csv = await ctx.http.get(`/cycles/${cycleId}/ranking.csv`).set('Authorization', admin).buffer(true).parse(binaryBody).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const bytes = csv.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe('"排名","受理编号","申报单位","综合得分","资料评审得分","现场评审调整","结果类得分","评审专家数","名额"');
    expect(lines).toHaveLength(11);
    expect(lines[1]).toContain('"2026-DMQ-0010"');
    expect(lines[1]).toContain('"获奖名额内"');
    expect(lines[2]).toContain('"提名奖名额内"');
    expect(lines[3]).toContain('"名额外"');
    await ctx.http.get(`/cycles/${cycleId}/ranking`).set('Authorization', enterprises[9].token).expect(403);
  });

  it('shortlists the top five and runs 现场评审', async () => {
    const bad = await ctx.http.post(`/cycles/${cycleId}/shortlist`).set('Authorization', admin).send({}).expect(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', message: '入围名额：请填写入围名额或入围分数线（二选一）', errors: [{ field: 'top', label: '入围名额' }] });
    const moved = (await ctx.http.post(`/cycles/${cycleId}/shortlist`).set('Authorization', admin).send({ top: 5 }).expect(200)).body;
    expect(new Set(moved.shortlisted)).toEqual(new Set(apps.slice(5)));
    for (const id of apps.slice(0, 5)) expect(await stateOf(ctx, id)).toBe('not_selected');
    for (const id of apps.slice(5)) expect(await stateOf(ctx, id)).toBe('onsite_review');

    const noReason = await act(ctx, admin, apps[5], 'fail_onsite_review', { payload: { scoreAdjustment: 1.25 } }, 400);
    expect(noReason.errors.map((e: { field: string }) => e.field)).toEqual(['payload.findings', 'payload.scoreAdjustment']);
    expect(noReason.message).toBe('现场评审发现：请填写现场评审发现（或写在意见中）；现场评审分数调整：须为 -100 到 100 之间、最多一位小数的数字');
    await act(ctx, admin, apps[5], 'fail_onsite_review', { comment: '现场查证的过程管理与申报材料不符' });
    for (const id of apps.slice(6, 9)) await act(ctx, admin, id, 'pass_onsite_review', { comment: '现场查证与申报材料一致' });
    await act(ctx, admin, apps[9], 'pass_onsite_review', { payload: { findings: '计量器具校准记录缺失两项', scoreAdjustment: -5 } });
    expect(await stateOf(ctx, apps[5])).toBe('not_selected');

    const findings = (await ctx.http.get(`/applications/${apps[9]}/onsite-findings`).set('Authorization', admin).expect(200)).body;
    expect(findings).toEqual([expect.objectContaining({ outcome: 'pass', findings: '计量器具校准记录缺失两项', scoreAdjustment: -5 })]);
    const top = (await ctx.http.get(`/cycles/${cycleId}/ranking`).set('Authorization', admin).expect(200)).body.items[0];
    expect(top).toMatchObject({ applicationId: apps[9], onsiteAdjustment: -5 });
    expect(top.score).toBeCloseTo(top.aggregated - 5, 2);
  });

  it('takes real-name objections during 社会公示; an upheld one rejects the application', async () => {
    // The four that passed 现场评审 wait in 待公示 until the office publishes one dated list for them.
    for (const id of apps.slice(6)) expect(await stateOf(ctx, id)).toBe('awaiting_publicity');
    const batch = await publishPublicity(ctx, admin, cycleId);
    expect(batch.entries.map((e) => e.applicationId).sort()).toEqual(apps.slice(6).sort());
    for (const id of apps.slice(6)) expect(await stateOf(ctx, id)).toBe('publicity');
    const anonymous = await ctx.http.post(`/applications/${apps[6]}/objections`).set('Authorization', enterprises[0].token).send({ objectorName: '', contactPhone: 'x', content: '短', evidence: '' }).expect(400);
    expect(anonymous.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['objectorName', 'contactPhone', 'content', 'evidence']));
    for (const label of ['异议人姓名：请填写真实姓名', '联系电话：电话号码格式不正确', '异议内容：请写明异议内容', '证据：请提供证据']) expect(anonymous.body.message).toContain(label);
    const filed = await ctx.http
      .post(`/applications/${apps[6]}/objections`)
      .set('Authorization', enterprises[0].token)
      .send({ objectorName: '李四', contactPhone: '13800000000', content: '该企业2025年发生产品质量事故，申报材料中未如实说明。', evidence: '重庆市市场监管局行政处罚决定书（渝市监罚〔2025〕12号）' })
      .expect(201);
    expect(await stateOf(ctx, apps[6])).toBe('objection_review');
    // The enterprise sees that there is an objection, not who filed it.
    const seen = (await ctx.http.get(`/applications/${apps[6]}/objections`).set('Authorization', enterprises[6].token).expect(200)).body;
    expect(seen).toHaveLength(1);
    expect(JSON.stringify(seen)).not.toContain('李四');
    expect(JSON.stringify(seen)).not.toContain('13800000000');
    const resolved = await ctx.http.post(`/objections/${filed.body.id}/resolve`).set('Authorization', admin).send({ decision: 'uphold', resolution: '经核查异议属实，取消评选资格' }).expect(200);
    expect(resolved.body).toMatchObject({ status: 'upheld', applicationState: 'rejected' });
    await ctx.http.post(`/objections/${filed.body.id}/resolve`).set('Authorization', admin).send({ decision: 'dismiss', resolution: '再次处理' }).expect(409);

    // The others' 公示 ends by its deadline (fired here rather than waited for): on to the panel.
    for (const id of apps.slice(7)) await endWindow(ctx, id, 'publicity_end');
    for (const id of apps.slice(7)) await waitForState(ctx, id, 'panel');
    await ctx.http.post(`/applications/${apps[8]}/objections`).set('Authorization', enterprises[0].token)
      .send({ objectorName: '王五', contactPhone: '13900000000', content: '公示期已经结束之后才提出的异议，应当不予受理。', evidence: '本人掌握的现场照片三张' }).expect(409);
  });

  it('counts 评审委员会 votes with quorum and a two-thirds majority', async () => {
    const panel = experts.slice(1, 5).map((e) => e.id);
    await ctx.http.post(`/cycles/${cycleId}/panel`).set('Authorization', admin).send({ memberIds: panel }).expect(200);
    const panelTasks = (await ctx.http.get('/reviews/tasks').set('Authorization', experts[1].token).expect(200)).body.items.filter((t: { stage: string }) => t.stage === '评审委员会表决');
    expect(panelTasks.map((t: { applicationId: string }) => t.applicationId).sort()).toEqual(apps.slice(7).sort());
    expect((await ctx.http.get('/reviews/tasks').set('Authorization', experts[0].token).expect(200)).body.items).toEqual([]);
    const vote = (member: Reviewer, app: string, v: string) => ctx.http.post(`/applications/${app}/votes`).set('Authorization', member.token).send({ vote: v }).expect(200);
    await ctx.http.post(`/applications/${apps[7]}/votes`).set('Authorization', experts[0].token).send({ vote: 'approve' }).expect(404);

    // Two of three needed members voted: no quorum, nothing moves.
    await vote(experts[1], apps[7], 'approve');
    await vote(experts[2], apps[7], 'reject');
    const noQuorum = await ctx.http.post(`/applications/${apps[7]}/votes/close`).set('Authorization', admin).expect(409);
    expect(noQuorum.body).toMatchObject({ code: 'NO_QUORUM', present: 2, quorum: 3, message: '未达法定人数：应到 3 人，实际表决 2 人' });
    expect(await stateOf(ctx, apps[7])).toBe('panel');
    // 1 approve, 2 reject (one changed their mind), 1 abstain: fails.
    await vote(experts[3], apps[7], 'reject');
    await vote(experts[4], apps[7], 'abstain');
    const failed = await ctx.http.post(`/applications/${apps[7]}/votes/close`).set('Authorization', admin).expect(200);
    expect(failed.body).toMatchObject({ state: 'not_selected', outcome: { present: 4, approve: 1, reject: 2, abstain: 1, passed: false } });

    // 3 of 4 present approve (≥ 2/3): passes.
    for (const app of [apps[8], apps[9]]) {
      for (const [i, e] of experts.slice(1, 5).entries()) await vote(e, app, i === 0 ? 'reject' : 'approve');
      const passed = await ctx.http.post(`/applications/${app}/votes/close`).set('Authorization', admin).expect(200);
      expect(passed.body).toMatchObject({ state: 'awaiting_approval', outcome: { approve: 3, passed: true } });
    }
  });

  it('approves within the quota with certificate numbers, then revokes with a re-application ban', async () => {
    const won = await act(ctx, admin, apps[9], 'approve');
    expect(won.state).toBe('awarded');
    const over = await act(ctx, admin, apps[8], 'approve', {}, 409);
    expect(over).toMatchObject({ code: 'QUOTA_EXHAUSTED', quota: 1, tier: 'award', issued: 1, message: '本届获奖名额（1 名）已用完' });
    expect(await act(ctx, admin, apps[8], 'approve_second_tier')).toMatchObject({ state: 'nominated' });
    expect(await ctx.dataSource.query(`SELECT number, tier FROM certificates WHERE cycle_id = $1 ORDER BY number`, [cycleId])).toEqual([
      { number: '2026DMQ-500103-J001', tier: 'award' },
      { number: '2026DMQ-500103-T001', tier: 'second' },
    ]);

    const noReason = await act(ctx, admin, apps[9], 'revoke', { payload: { banEditions: 2 } }, 400);
    expect(noReason).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'comment', label: '意见（理由）' }] });
    expect(noReason.message).toMatch(/^意见（理由）：办理「.+」须填写意见（理由）$/);
    await act(ctx, admin, apps[9], 'revoke', { comment: '获奖后发生重大质量事故', payload: { banEditions: 2 } });
    expect(await stateOf(ctx, apps[9])).toBe('revoked');
    const history = (await ctx.http.get(`/applications/${apps[9]}/history`).set('Authorization', enterprises[9].token).expect(200)).body;
    expect(history.chainValid).toBe(true);
    expect(history.entries.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['submit', 'start_review', 'pass_formal_review', 'finish_expert_review', 'shortlist', 'pass_onsite_review', 'publicity_ended', 'close_panel_vote', 'approve', 'revoke']),
    );

    // The ban holds at the next cycle's submit.
    const next = await openCycle(ctx, { year: 2027, title: '2027年度渝中区区长质量管理奖' });
    const again = await readyApplication(ctx, enterprises[9], next.id);
    const refused = await act(ctx, enterprises[9].token, again, 'submit', {}, 422);
    expect(JSON.stringify(refused)).toMatch(/禁|撤销/);

    // The enterprise was told at each step, in its inbox.
    await waitFor(async () => {
      const res = await ctx.http.get('/notifications?pageSize=100').set('Authorization', enterprises[9].token);
      const titles: string[] = (res.body.items ?? []).map((n: { title: string }) => n.title);
      return titles.some((t) => t.includes('撤销')) && titles.some((t) => t.includes('获奖') || t.includes('授予'));
    }, 20_000, 'the award and revocation notices');
  });

  it('recommends a selected district application into the city 市长质量管理奖 cycle, linked and prefilled', async () => {
    const city = await openCycle(ctx, { officeId: officeOf('CQ'), awardCode: 'city-quality-award', year: 2026, title: '2026年度重庆市市长质量管理奖' });
    const notSelected = await ctx.http.post(`/applications/${apps[3]}/recommend`).set('Authorization', admin).send({ cycleId: city.id }).expect(409);
    expect(notSelected.body).toMatchObject({ code: 'NOT_SELECTED', message: expect.stringMatching(/^只有获奖的申报可以推荐；该申报现为「.+」$/) });
    const otherDistrict = await openCycle(ctx, { officeId: officeOf('CQ-YZ'), year: 2028, title: '2028年度渝中区区长质量管理奖' });
    const wrongCycle = await ctx.http.post(`/applications/${apps[8]}/recommend`).set('Authorization', admin).send({ cycleId: otherDistrict.id }).expect(400);
    expect(wrongCycle.body.errors).toEqual([{ field: 'cycleId', label: '评审周期', messages: ['须为上级评奖办公室开放申报中的市长质量管理奖评审周期'] }]);
    await ctx.http.post(`/applications/${apps[8]}/recommend`).set('Authorization', enterprises[8].token).send({ cycleId: city.id }).expect(403);

    const recommended = await ctx.http.post(`/applications/${apps[8]}/recommend`).set('Authorization', admin).send({ cycleId: city.id, comment: '区长质量管理奖提名奖，推荐申报市长质量管理奖' }).expect(201);
    expect(recommended.body.recommendedFromId).toBe(apps[8]);
    await ctx.http.post(`/applications/${apps[8]}/recommend`).set('Authorization', admin).send({ cycleId: city.id }).expect(409);

    // The enterprise finds a draft with its district form and materials, and submits it.
    const draft = (await ctx.http.get(`/applications/${recommended.body.id}`).set('Authorization', enterprises[8].token).expect(200)).body;
    expect(draft).toMatchObject({ state: 'draft', recommendedFromId: apps[8], cycle: { awardCode: 'city-quality-award' } });
    const district = (await ctx.http.get(`/applications/${apps[8]}`).set('Authorization', enterprises[8].token).expect(200)).body;
    expect(draft.form).toEqual(district.form);
    const materials = (await ctx.http.get(`/applications/${recommended.body.id}/attachments`).set('Authorization', enterprises[8].token).expect(200)).body;
    expect(materials).toHaveLength(4);
    const submitted = await act(ctx, enterprises[8].token, recommended.body.id, 'submit');
    expect(submitted.receiptNumber).toBe('2026-CMQ-0001');

    // The city's own admin sees what was sent up to it, and nothing of the district's own cycle.
    const cityAdmin = await createUser(ctx, { username: 'city.only.admin', role: 'admin', officeIds: [officeOf('CQ')] });
    const cityList = await ctx.http.get('/applications').query({ cycleId: city.id }).set('Authorization', cityAdmin.token).expect(200);
    expect(cityList.body).toMatchObject({ total: 1, items: [expect.objectContaining({ id: recommended.body.id, state: 'submitted', recommendedFromId: apps[8] })] });
    await ctx.http.get(`/applications/${recommended.body.id}`).set('Authorization', cityAdmin.token).expect(200);
    await ctx.http.get(`/applications/${apps[8]}`).set('Authorization', cityAdmin.token).expect(404);
  });
});
