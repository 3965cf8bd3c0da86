import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { compileStagePlan, getAward } from '../../libs/awards/src';
import { DefinitionRegistry } from '../../libs/workflow/src';
import { Enterprise, openCycle, readyApplication, registerEnterprise, uploadMaterials } from '../support/award-fixtures';
import { endWindow } from '../support/end-window';
import { act, assignmentsOf, publishPublicity, Reviewer, reviewerPool, scoreSheet, stateOf, waitForState } from '../support/review-fixtures';
import { waitFor } from '../support/throwaway-redis';
import { createUser, startTestApp, TestContext } from '../support/test-app';

/**
 * Stage plans v3 driven through HTTP: the 8th 市长质量管理奖's order (区县推荐, a scored 答辩,
 * 综合评选, the committee, 市政府审批, then 社会公示 and 颁奖表彰), a 鲁班奖 nomination scored by
 * experts on the engineering rubric, and a 老字号 with a 现场检查.
 */
describe('stage plans: 综合评选, 公示 after 政府审批, scored 答辩, engineering 专家评审, brand 现场检查', () => {
  let ctx: TestContext;
  let admin: string;
  let recommender: { id: string; token: string };
  let experts: Reviewer[];
  let officeOf: (code: string) => string;

  beforeAll(async () => {
    ctx = await startTestApp({ worker: true, env: { ALLOW_SHORT_DURATIONS: 'true', OUTBOX_POLL_INTERVAL_MS: '200', DEADLINE_SCHEDULE_INTERVAL_MS: '100' } });
    admin = await ctx.adminToken();
    recommender = await createUser(ctx, { username: 'yzscjgj', role: 'recommender', displayName: '渝中区市场监督管理局（推荐）' });
    experts = await reviewerPool(ctx, 3);
    const offices: Array<{ id: string; code: string }> = await ctx.dataSource.query(`SELECT id, code FROM offices`);
    officeOf = (code: string) => offices.find((o) => o.code === code)!.id;
  });
  afterAll(async () => ctx?.close());

  const scoreAll = async (applicationId: string, awardCode: string, fraction: number) => {
    const assigned = await waitFor(async () => {
      const rows = await assignmentsOf(ctx, applicationId);
      return rows.length === 3 ? rows : null;
    }, 30_000, `three assignments of ${applicationId}`);
    for (const a of assigned) {
      const expert = experts.find((e) => e.id === a.reviewer_id)!;
      await ctx.http.post(`/reviews/assignments/${a.id}/scores`).set('Authorization', expert.token).send(scoreSheet(awardCode, fraction)).expect(200);
    }
    return assigned;
  };

  const votePanel = async (cycleId: string, applicationId: string) => {
    await ctx.http.post(`/cycles/${cycleId}/panel`).set('Authorization', admin).send({ memberIds: experts.map((e) => e.id) }).expect(200);
    for (const e of experts) await ctx.http.post(`/applications/${applicationId}/votes`).set('Authorization', e.token).send({ vote: 'approve' }).expect(200);
    return (await ctx.http.post(`/applications/${applicationId}/votes/close`).set('Authorization', admin).expect(200)).body;
  };

  it('refuses a plan value the family does not offer, and reads a plan saved with publicityBeforePanel', async () => {
    const engineering = await ctx.http
      .post('/cycles')
      .set('Authorization', admin)
      .send({ awardCode: 'luban-award', year: 2031, title: '2031年度鲁班奖推荐', applicationOpensAt: '2026-01-01', applicationClosesAt: '2099-12-31', quota: { awards: 1 }, reviewersPerApplication: 3, stagePlan: { publicity: 'after_approval' } })
      .expect(400);
    expect(engineering.body.errors).toEqual([{ field: 'stagePlan.publicity', label: '公示位置', messages: ['鲁班奖（中国建设工程鲁班奖）的评审流程不提供此选项，可选：先审议后公示、先公示后审议'] }]);
    const unscored = await ctx.http
      .post('/cycles')
      .set('Authorization', admin)
      .send({ awardCode: 'district-quality-award', year: 2031, title: '2031年度渝中区区长质量管理奖', applicationOpensAt: '2026-01-01', applicationClosesAt: '2099-12-31', quota: { awards: 1 }, reviewersPerApplication: 3, stagePlan: { defense: false, scoredDefense: true } })
      .expect(400);
    expect(unscored.body.errors).toEqual([{ field: 'stagePlan.scoredDefense', label: '答辩评分', messages: ['答辩评分须同时设企业答辩'] }]);

    const legacy = await ctx.http
      .post('/cycles')
      .set('Authorization', admin)
      .send({ awardCode: 'district-quality-award', year: 2032, title: '2032年度渝中区区长质量管理奖', applicationOpensAt: '2026-01-01', applicationClosesAt: '2099-12-31', quota: { awards: 1 }, reviewersPerApplication: 3, stagePlan: { publicityBeforePanel: false } })
      .expect(201);
    expect(legacy.body.stagePlan).toMatchObject({ publicity: 'after_panel', publicityBeforePanel: false, comprehensiveSelection: false, districtRecommendation: false });
    // A later change in the newer form wins over the stored older one.
    const changed = await ctx.http.patch(`/cycles/${legacy.body.id}`).set('Authorization', admin).send({ stagePlan: { publicity: 'after_approval' } }).expect(200);
    expect(changed.body.stagePlan).toMatchObject({ publicity: 'after_approval', publicityBeforePanel: false });
    const back = await ctx.http.patch(`/cycles/${legacy.body.id}`).set('Authorization', admin).send({ stagePlan: { publicityBeforePanel: true } }).expect(200);
    expect(back.body.stagePlan).toMatchObject({ publicity: 'before_panel', publicityBeforePanel: true });
  });

  it('市长质量管理奖 (8th edition order): 区县推荐 → 形式审查 → 资料评审 → 入围 → scored 答辩 → 现场评审 → 综合评选 → 审定 → 市政府审批 → 社会公示 → 已获奖', async () => {
    const cycle = await openCycle(ctx, {
      officeId: officeOf('CQ'),
      awardCode: 'city-quality-award',
      year: 2026,
      title: '第八届重庆市市长质量管理奖',
      quota: { awards: 1, secondTier: { label: '提名奖', count: 1 } },
      reviewersPerApplication: 3,
      stagePlan: { districtRecommendation: true, defense: true, scoredDefense: true, onsiteReview: true, comprehensiveSelection: true, publicity: 'after_approval' },
      panel: { quorum: 3 },
      durationOverrides: { publicity: 'PT1H' },
    });
    const workflow = (await ctx.http.get(`/cycles/${cycle.id}/workflow`).set('Authorization', admin).expect(200)).body;
    expect(JSON.stringify(workflow)).toContain('quality:r1-d1-s1-o1-c1-pg');

    const enterprises: Enterprise[] = [await registerEnterprise(ctx, '重庆长安精工有限公司'), await registerEnterprise(ctx, '重庆渝江精密机械有限公司')];
    const apps: string[] = [];
    for (const e of enterprises) apps.push(await readyApplication(ctx, e, cycle.id));
    const [won, left] = apps;

    // The district recommends before the city's 形式审查.
    for (const [i, id] of apps.entries()) expect((await act(ctx, enterprises[i].token, id, 'submit')).state).toBe('awaiting_endorsement');
    await act(ctx, admin, won, 'pass_formal_review', {}, 409);
    for (const id of apps) expect((await act(ctx, recommender.token, id, 'endorse')).state).toBe('formal_review');
    for (const id of apps) expect((await act(ctx, admin, id, 'pass_formal_review')).state).toBe('expert_review');

    await scoreAll(won, 'city-quality-award', 0.8);
    await scoreAll(left, 'city-quality-award', 0.7);
    for (const id of apps) await waitForState(ctx, id, 'shortlisting');
    const shortlisted = (await ctx.http.post(`/cycles/${cycle.id}/shortlist`).set('Authorization', admin).send({ top: 2 }).expect(200)).body;
    expect(new Set(shortlisted.shortlisted)).toEqual(new Set(apps));

    // A scored 答辩: the office is offered it as such (the console asks for the score), no score, no move;
    // the score goes into the ranking's 综合得分.
    const inDefense = (await ctx.http.get(`/applications/${won}`).set('Authorization', admin).expect(200)).body;
    expect(inDefense.stateLabel).toBe('企业答辩（评分）');
    expect(inDefense.availableActions).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'pass_defense', label: '答辩通过（记录答辩得分）' })]));
    const noScore = await act(ctx, admin, won, 'pass_defense', {}, 400);
    expect(noScore).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'payload.defenseScore', label: '答辩得分' }] });
    await act(ctx, admin, won, 'pass_defense', { payload: { defenseScore: 101 } }, 400);
    expect(await stateOf(ctx, won)).toBe('defense');
    expect((await act(ctx, admin, won, 'pass_defense', { payload: { defenseScore: 88.5 } })).state).toBe('onsite_review');
    expect((await act(ctx, admin, left, 'pass_defense', { payload: { defenseScore: 60 } })).state).toBe('onsite_review');
    for (const id of apps) expect((await act(ctx, admin, id, 'pass_onsite_review', { comment: '现场查证与申报材料一致' })).state).toBe('comprehensive_selection');

    const ranking = (await ctx.http.get(`/cycles/${cycle.id}/ranking`).set('Authorization', admin).expect(200)).body.items;
    expect(ranking.map((r: { applicationId: string }) => r.applicationId)).toEqual([won, left]);
    expect(ranking[0]).toMatchObject({ defenseScore: 88.5, state: 'comprehensive_selection' });
    expect(ranking[0].score).toBeCloseTo(ranking[0].aggregated + ranking[0].onsiteAdjustment + 88.5, 2);

    // 综合评选: the office takes the top of the ranking by its 综合得分 to the committee.
    const selection = (await ctx.http.post(`/cycles/${cycle.id}/comprehensive-selection`).set('Authorization', admin).send({ top: 1 }).expect(200)).body;
    expect(selection).toEqual({ selected: [won], notSelected: [left] });
    expect(await stateOf(ctx, left)).toBe('not_selected');
    expect(await stateOf(ctx, won)).toBe('panel');
    // The committee's vote leads to 市政府审批, not to 公示.
    expect(await votePanel(cycle.id, won)).toMatchObject({ state: 'government_approval', outcome: { passed: true } });
    // The government's approval, recorded by the office (here for the list, in bulk).
    const approved = (await ctx.http.post(`/cycles/${cycle.id}/bulk-actions/government_approve`).set('Authorization', admin).send({ applicationIds: [won], comment: '市政府常务会议审批同意' }).expect(200)).body;
    expect(approved.moved.map((m: { applicationId: string }) => m.applicationId)).toEqual([won]);
    expect(await stateOf(ctx, won)).toBe('awaiting_publicity');

    // 社会公示 after the 审批, then 颁奖表彰.
    await publishPublicity(ctx, admin, cycle.id);
    expect(await stateOf(ctx, won)).toBe('publicity');
    await endWindow(ctx, won, 'publicity_end');
    await waitForState(ctx, won, 'awaiting_approval');
    expect((await act(ctx, admin, won, 'approve')).state).toBe('awarded');

    const history = (await ctx.http.get(`/applications/${won}/history`).set('Authorization', admin).expect(200)).body;
    expect(history.chainValid).toBe(true);
    expect(history.entries.map((e: { action: string }) => e.action)).toEqual([
      'create',
      'submit',
      'endorse',
      'pass_formal_review',
      'finish_expert_review',
      'shortlist',
      'pass_defense',
      'pass_onsite_review',
      'pass_comprehensive_selection',
      'close_panel_vote',
      'government_approve',
      'publish_publicity',
      'publicity_ended',
      'approve',
    ]);
    const defense = history.entries.find((e: { action: string }) => e.action === 'pass_defense');
    expect(defense.payload).toMatchObject({ defenseScore: 88.5 });
  });

  it('鲁班奖 with 专家评审: the experts score the engineering rubric, not GB/T 19580', async () => {
    const cycle = await openCycle(ctx, {
      awardCode: 'luban-award',
      year: 2026,
      title: '2026年度鲁班奖推荐（专家评审）',
      quota: { awards: 1 },
      reviewersPerApplication: 3,
      stagePlan: { expertReview: true, onsiteReview: false },
      panel: { quorum: 3 },
      durationOverrides: { publicity: 'PT1H' },
    });
    const builder = await registerEnterprise(ctx, '重庆建工住宅建设有限公司', { industry: 'E4710' });
    const form = {
      project: { name: '重庆国际博览中心二期', location: '重庆市渝北区', scale: '建筑面积 21 万平方米', investment: 120000, constructionUnit: '重庆悦来投资集团有限公司', completionAcceptanceDate: '2025-03-31' },
    };
    const res = await ctx.http.post('/applications').set('Authorization', builder.token).send({ cycleId: cycle.id, form }).expect(201);
    const id = res.body.id as string;
    await uploadMaterials(ctx, builder.token, id, ['application_form', 'completion_acceptance', 'quality_evaluation', 'business_license']);
    await act(ctx, builder.token, id, 'submit');
    await act(ctx, recommender.token, id, 'endorse');
    expect((await act(ctx, admin, id, 'pass_preliminary_review')).state).toBe('expert_review');
    expect((await ctx.http.get(`/applications/${id}`).set('Authorization', admin).expect(200)).body.stateLabel).toBe('专家评审');

    const assigned = await waitFor(async () => {
      const rows = await assignmentsOf(ctx, id);
      return rows.length === 3 ? rows : null;
    }, 30_000, 'three assignments');
    const first = experts.find((e) => e.id === assigned[0].reviewer_id)!;
    // A GB/T 19580 sheet does not fit the engineering rubric.
    await ctx.http.post(`/reviews/assignments/${assigned[0].id}/scores`).set('Authorization', first.token).send(scoreSheet('district-quality-award', 0.8)).expect(400);
    await scoreAll(id, 'luban-award', 0.9);
    await waitForState(ctx, id, 'panel');
    const [score] = await ctx.dataSource.query(`SELECT aggregated::float8 AS aggregated, reviewer_count FROM application_scores WHERE application_id = $1`, [id]);
    const sheetTotal = scoreSheet('luban-award', 0.9).items.reduce((s, i) => s + i.score, 0);
    expect(score).toMatchObject({ reviewer_count: 3 });
    expect(score.aggregated).toBeCloseTo(sheetTotal, 1);

    expect(await votePanel(cycle.id, id)).toMatchObject({ state: 'awaiting_publicity' });
    await publishPublicity(ctx, admin, cycle.id);
    await endWindow(ctx, id, 'publicity_end');
    await waitForState(ctx, id, 'awaiting_approval');
    expect((await act(ctx, admin, id, 'approve')).state).toBe('awarded');
  });

  it('重庆老字号 with 现场检查: experts visit after 形式审查, then 公示 and 认定', async () => {
    const cycle = await openCycle(ctx, {
      awardCode: 'cq-time-honored-brand',
      year: 2026,
      title: '2026年度重庆老字号认定（现场检查）',
      quota: { awards: 10 },
      stagePlan: { expertReview: false, onsiteReview: true },
      durationOverrides: { publicity: 'PT1H' },
    });
    const shop = await registerEnterprise(ctx, '重庆白市驿板鸭食品有限公司', { industry: 'C1353', foundedAt: '1990-01-01' });
    const res = await ctx.http
      .post('/applications')
      .set('Authorization', shop.token)
      .send({ cycleId: cycle.id, form: { brand: { name: '白市驿板鸭', foundedYear: 1911, category: '传统食品', description: '白市驿传统腌腊工艺' } } })
      .expect(201);
    const id = res.body.id as string;
    await uploadMaterials(ctx, shop.token, id, ['application_form', 'business_license', 'quality_certificates', 'brand_history']);
    await act(ctx, shop.token, id, 'submit');
    await act(ctx, recommender.token, id, 'endorse');
    expect((await act(ctx, admin, id, 'pass_formal_review')).state).toBe('onsite_review');
    expect((await ctx.http.get(`/applications/${id}`).set('Authorization', admin).expect(200)).body.stateLabel).toBe('现场检查');
    expect((await act(ctx, admin, id, 'pass_onsite_review', { payload: { findings: '现场检查：传统腌制工艺与申报一致，生产场所符合要求' } })).state).toBe('awaiting_publicity');
    const findings = (await ctx.http.get(`/applications/${id}/onsite-findings`).set('Authorization', admin).expect(200)).body;
    expect(findings).toEqual([expect.objectContaining({ outcome: 'pass', findings: '现场检查：传统腌制工艺与申报一致，生产场所符合要求' })]);
    await publishPublicity(ctx, admin, cycle.id);
    await endWindow(ctx, id, 'publicity_end');
    await waitForState(ctx, id, 'awaiting_approval');
    expect((await act(ctx, admin, id, 'approve')).state).toBe('recognised');
  });

  it('keeps a cycle opened on v2 running: its pinned definition and its older plan (an unscored 答辩)', async () => {
    const cycle = await openCycle(ctx, { year: 2033, title: '2033年度渝中区区长质量管理奖（v2）', quota: { awards: 1 }, reviewersPerApplication: 3 });
    // What v2 registered for { defense, no 现场评审, 公示 first }: the v3 compile of that plan under v2's code and label
    // (family-definitions.spec checks it against v2's recorded hash).
    const legacyPlan = { defense: true, onsiteReview: false, publicityBeforePanel: true, expertReview: true };
    const v2 = { ...compileStagePlan(getAward('district-quality-award'), legacyPlan), code: 'quality:d1-o0-pb', version: 2, label: '政府质量奖评审流程（含企业答辩，无现场评审，先公示后审议）' };
    await ctx.api.get(DefinitionRegistry).register(v2);
    await ctx.dataSource.query(`UPDATE cycles SET definition_code = $2, definition_version = 2, stage_plan = $3 WHERE id = $1`, [cycle.id, v2.code, JSON.stringify(legacyPlan)]);
    const pinned = (await ctx.http.get(`/cycles/${cycle.id}/workflow`).set('Authorization', admin).expect(200)).body;
    expect(pinned.definition).toMatchObject({ code: 'quality:d1-o0-pb', version: 2 });
    expect((await ctx.http.get(`/cycles/${cycle.id}`).set('Authorization', admin).expect(200)).body.stagePlan).toMatchObject({ publicity: 'before_panel', scoredDefense: false });

    const enterprise = await registerEnterprise(ctx, '重庆渝中老牌仪表有限公司');
    const id = await readyApplication(ctx, enterprise, cycle.id);
    await act(ctx, enterprise.token, id, 'submit');
    await act(ctx, admin, id, 'start_review');
    await act(ctx, admin, id, 'pass_formal_review');
    await scoreAll(id, 'district-quality-award', 0.75);
    await waitForState(ctx, id, 'shortlisting');
    await ctx.http.post(`/cycles/${cycle.id}/shortlist`).set('Authorization', admin).send({ top: 1 }).expect(200);
    // The older plan does not score the 答辩: it passes without a score, and a score is refused.
    await act(ctx, admin, id, 'pass_defense', { payload: { defenseScore: 80 } }, 400);
    expect((await act(ctx, admin, id, 'pass_defense')).state).toBe('awaiting_publicity');
    const [instance] = await ctx.dataSource.query(`SELECT i.definition_code AS code, i.definition_version AS version FROM workflow_instances i JOIN applications a ON a.instance_id = i.id WHERE a.id = $1`, [id]);
    expect(instance).toEqual({ code: 'quality:d1-o0-pb', version: 2 });
  });
});
