import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { samplePdf } from '../../libs/applications/src/testing/material-fixtures';
import { openCycle, registerEnterprise, uploadMaterials } from '../support/award-fixtures';
import { act, assignmentsOf, reviewerPool, stateOf } from '../support/review-fixtures';
import { waitFor } from '../support/throwaway-redis';
import { createUser, startTestApp, TestContext } from '../support/test-app';

const BRAND_MATERIALS = ['application_form', 'business_license', 'quality_certificates', 'brand_history'];

/**
 * A recommender sees, is told of and endorses only what it recommends: a district recommender the
 * organisations of its district, an association the awards it recommends for. A recommendation
 * carries its 推荐意见 (opinion, sealed PDF), and a cycle's quota per body is enforced, also when
 * two endorsements race for the last place.
 */
describe('recommenders: scope, 推荐意见 and quota', () => {
  let ctx: TestContext;
  let admin: string;
  let jiulongpo: { id: string; token: string };
  let yuzhong: { id: string; token: string };
  let association: { id: string; token: string };
  let cycle: { id: string; title: string };
  let city: string;
  const jlpApps: string[] = [];
  let yzApp: string;

  const submitted = async (name: string, regionCode: string, i: number) => {
    const e = await registerEnterprise(ctx, name, { industry: 'C3511', foundedAt: '2005-03-01', regionCode });
    const draft = await ctx.http.post('/applications').set('Authorization', e.token)
      .send({ cycleId: cycle.id, form: { brand: { name: `山城${i}`, foundedYear: 1995, category: '机械' }, product: { name: `产品${i}`, batchProductionSince: '2010-05-01' } } });
    if (draft.status !== 201) throw new Error(`draft: ${draft.status} ${JSON.stringify(draft.body)}`);
    await uploadMaterials(ctx, e.token, draft.body.id, BRAND_MATERIALS);
    expect((await act(ctx, e.token, draft.body.id, 'submit')).state).toBe('awaiting_endorsement');
    return draft.body.id as string;
  };
  const letter = (token: string, applicationId: string, file = samplePdf('推荐意见 九龙坡区市场监督管理局（盖章）'), name = '推荐意见.pdf') =>
    ctx.http.post(`/applications/${applicationId}/endorsement-letters`).set('Authorization', token).attach('file', file, { filename: name, contentType: 'application/pdf' });
  const endorse = async (token: string, applicationId: string, expected = 200) => {
    const uploaded = await letter(token, applicationId).expect(201);
    return act(ctx, token, applicationId, 'endorse', { payload: { opinion: '该企业产品质量稳定，同意推荐。', letterId: uploaded.body.id } }, expected);
  };
  const inbox = async (token: string) => (await ctx.http.get('/notifications?pageSize=100').set('Authorization', token).expect(200)).body.items as Array<{ template: string; body: string; link: string | null }>;

  beforeAll(async () => {
    ctx = await startTestApp({ worker: true, env: { OUTBOX_POLL_INTERVAL_MS: '200' } });
    admin = await ctx.adminToken();
    // An admin creates each recommender with its scope, through the API.
    jiulongpo = await createUser(ctx, { username: 'jlpscjgj', role: 'recommender', displayName: '九龙坡区市场监督管理局', recommendsDivisionCode: '500107' } as never);
    yuzhong = await createUser(ctx, { username: 'yzqscjgj2', role: 'recommender', displayName: '渝中区市场监督管理局', recommendsDivisionCode: '500103' } as never);
    association = await createUser(ctx, { username: 'cqjzxh2', role: 'recommender', displayName: '重庆市建筑业协会', recommendsAwardCodes: ['luban-award'] } as never);
    // 重庆名牌产品 is the city's: its cycle is the city office's, which admits the whole city.
    [{ id: city }] = await ctx.dataSource.query(`SELECT id FROM offices WHERE code = 'CQ'`);
    cycle = await openCycle(ctx, {
      officeId: city,
      awardCode: 'cq-famous-brand-product',
      title: '2026年度重庆名牌产品认定（推荐名额）',
      quota: { awards: 10, perRecommender: 3 },
      recommendationLetterRequired: true,
      stagePlan: { expertReview: false },
    });
    for (let i = 1; i <= 5; i++) jlpApps.push(await submitted(`重庆九龙坡${i}号机械有限公司`, '500107', i));
    yzApp = await submitted('重庆渝中精密仪器有限公司', '500103', 9);
  }, 240_000);
  afterAll(async () => ctx?.close());

  it('an admin sets a scope through the API, checked by field in Chinese', async () => {
    const users = (await ctx.http.get('/users').query({ pageSize: 200 }).set('Authorization', admin).expect(200)).body.items as Array<{ id: string; recommendsDivisionCode: string | null; recommendsAwardCodes: string[] | null }>;
    expect(users.find((u) => u.id === jiulongpo.id)).toMatchObject({ recommendsDivisionCode: '500107', recommendsAwardCodes: null });
    expect(users.find((u) => u.id === association.id)).toMatchObject({ recommendsDivisionCode: null, recommendsAwardCodes: ['luban-award'] });
    const bad = await ctx.http.post('/users').set('Authorization', admin)
      .send({ username: 'bad.scope', displayName: '某单位', password: 'user-password-1', role: 'reviewer', recommendsDivisionCode: '500107', recommendsAwardCodes: ['no-such-award'] }).expect(400);
    expect(bad.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'recommendsDivisionCode', label: '推荐范围·行政区划', messages: ['只有推荐单位的账号有推荐范围'] })]));
    const unknown = await ctx.http.post('/users').set('Authorization', admin)
      .send({ username: 'bad.scope2', displayName: '某单位', password: 'user-password-1', role: 'recommender', recommendsAwardCodes: ['no-such-award'] }).expect(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'recommendsAwardCodes', messages: ['奖项不存在：no-such-award'] })]);
  });

  it("a district recommender lists, opens and is told of its own district's applications only", async () => {
    const listed = (await ctx.http.get(`/applications?cycleId=${cycle.id}&pageSize=50`).set('Authorization', jiulongpo.token).expect(200)).body;
    expect(listed.total).toBe(5);
    expect(listed.items.map((a: { id: string }) => a.id).sort()).toEqual([...jlpApps].sort());
    // Its own district's application: its actions are offered.
    const own = (await ctx.http.get(`/applications/${jlpApps[0]}`).set('Authorization', jiulongpo.token).expect(200)).body;
    expect(own.availableActions.map((a: { action: string }) => a.action).sort()).toEqual(['decline_endorsement', 'endorse']);
    // Another district's: as if it did not exist, and it cannot act on it or upload a letter for it.
    await ctx.http.get(`/applications/${yzApp}`).set('Authorization', jiulongpo.token).expect(404);
    await act(ctx, jiulongpo.token, yzApp, 'endorse', { payload: { opinion: '同意推荐' } }, 404);
    await letter(jiulongpo.token, yzApp).expect(404);
    expect(await stateOf(ctx, yzApp)).toBe('awaiting_endorsement');
    // The 渝中区 recommender: its one application.
    const other = (await ctx.http.get(`/applications?cycleId=${cycle.id}`).set('Authorization', yuzhong.token).expect(200)).body;
    expect(other.items.map((a: { id: string }) => a.id)).toEqual([yzApp]);

    // Told of each of its five, never of 渝中区's; 渝中区 of its one only.
    const mine = await waitFor(async () => {
      const items = (await inbox(jiulongpo.token)).filter((n) => n.template === 'endorsement_requested');
      return items.length >= 5 && items;
    }, 30_000, '九龙坡 told of its five applications');
    const yz = await waitFor(async () => {
      const items = (await inbox(yuzhong.token)).filter((n) => n.template === 'endorsement_requested');
      return items.length >= 1 && items;
    }, 30_000, '渝中区 told of its application');
    expect(mine).toHaveLength(5);
    expect(mine.every((n) => !n.link?.includes(yzApp))).toBe(true);
    expect(yz.map((n) => n.link)).toEqual([expect.stringContaining(yzApp)]);
    // The association recommends 鲁班奖 only: nothing of a 名牌产品 round reaches it.
    expect((await inbox(association.token)).filter((n) => n.template === 'endorsement_requested')).toEqual([]);
  });

  it('an association cannot open, list or endorse a 名牌产品 application', async () => {
    await ctx.http.get(`/applications/${jlpApps[0]}`).set('Authorization', association.token).expect(404);
    expect((await ctx.http.get(`/applications?cycleId=${cycle.id}`).set('Authorization', association.token).expect(200)).body).toMatchObject({ total: 0, items: [] });
    await act(ctx, association.token, jlpApps[0], 'endorse', { payload: { opinion: '同意推荐' } }, 404);
  });

  it('a recommendation carries its opinion and a sealed PDF, checked by content', async () => {
    // Required by this cycle: no opinion or letter is refused, naming both.
    const missing = await act(ctx, jiulongpo.token, jlpApps[0], 'endorse', {}, 400);
    expect(missing.errors.map((e: { field: string }) => e.field).sort()).toEqual(['payload.letterId', 'payload.opinion']);
    // A renamed picture is not a PDF.
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const notPdf = await letter(jiulongpo.token, jlpApps[0], png, '推荐意见.pdf').expect(415);
    expect(notPdf.body.message).toBe('只接受 PDF 文件；检测到该文件为：PNG');
    expect((await endorse(jiulongpo.token, jlpApps[0])).state).not.toBe('awaiting_endorsement');
    const view = (await ctx.http.get(`/applications/${jlpApps[0]}/endorsement`).set('Authorization', admin).expect(200)).body;
    expect(view).toMatchObject({ recommenderName: '九龙坡区市场监督管理局', endorsedByRole: 'recommender', opinion: '该企业产品质量稳定，同意推荐。', letter: { fileName: '推荐意见.pdf', contentType: 'application/pdf' } });
    const file = await ctx.http.get(`/applications/${jlpApps[0]}/endorsement-letters/${view.letter.id}/content`).set('Authorization', admin).expect(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    // Another district's recommender does not read it.
    await ctx.http.get(`/applications/${jlpApps[0]}/endorsement`).set('Authorization', yuzhong.token).expect(404);
  });

  it('the quota of 3 per district: two racing for the last place, one passes; the next is refused in Chinese', async () => {
    await endorse(jiulongpo.token, jlpApps[1]);
    // Two endorsements race for the third and last place.
    const letters = await Promise.all([letter(jiulongpo.token, jlpApps[2]).expect(201), letter(jiulongpo.token, jlpApps[3]).expect(201)]);
    const raced = await Promise.all([2, 3].map((i, k) =>
      ctx.http.post(`/applications/${jlpApps[i]}/actions/endorse`).set('Authorization', jiulongpo.token).send({ payload: { opinion: '同意推荐。', letterId: letters[k].body.id } })));
    expect(raced.map((r) => r.status).sort()).toEqual([200, 409]);
    const refused = raced.find((r) => r.status === 409)!;
    expect(refused.body).toMatchObject({ code: 'RECOMMENDER_QUOTA_REACHED', message: `九龙坡区市场监督管理局在「${cycle.title}」的推荐名额（3 个）已用完，不能再推荐` });
    // The fourth (the fifth application) is refused as well, and nothing moved.
    const fourth = await endorse(jiulongpo.token, jlpApps[4], 409);
    expect(fourth.message).toBe(`九龙坡区市场监督管理局在「${cycle.title}」的推荐名额（3 个）已用完，不能再推荐`);
    expect(await stateOf(ctx, jlpApps[4])).toBe('awaiting_endorsement');
    const [{ n }] = await ctx.dataSource.query(`SELECT count(*)::int AS n FROM endorsements WHERE cycle_id = $1 AND recommender_key = 'division:500107'`, [cycle.id]);
    expect(n).toBe(3);
    // Another district's places are its own.
    await endorse(yuzhong.token, yzApp);
  });

  it("an admin widens the association's scope through the API; it applies to the next request", async () => {
    const changed = await ctx.http.patch(`/users/${association.id}`).set('Authorization', admin).send({ recommendsAwardCodes: ['luban-award', 'cq-famous-brand-product'] }).expect(200);
    expect(changed.body).toMatchObject({ recommendsAwardCodes: ['luban-award', 'cq-famous-brand-product'], recommendsDivisionCode: null });
    expect((await ctx.http.get(`/applications?cycleId=${cycle.id}`).set('Authorization', association.token).expect(200)).body.total).toBe(6);
    // A scope belongs to a recommender: made a reviewer, the account loses it.
    const reviewer = await ctx.http.patch(`/users/${association.id}`).set('Authorization', admin).send({ role: 'reviewer' }).expect(200);
    expect(reviewer.body).toMatchObject({ role: 'reviewer', recommendsAwardCodes: null });
    const bad = await ctx.http.patch(`/users/${jiulongpo.id}`).set('Authorization', admin).send({ recommendsDivisionCode: '990101' }).expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'recommendsDivisionCode', messages: ['不是有效的行政区划代码：990101'] })]);
  });

  it('a blind expert learns nothing of the 推荐意见 (its assignment is its only view); the enterprise reads its own whole', async () => {
    const blind = await openCycle(ctx, { officeId: city, awardCode: 'cq-famous-brand-product', title: '2026年度重庆名牌产品认定（盲审）', quota: { awards: 5 }, blindReview: true, reviewersPerApplication: 1 });
    const [expert] = await reviewerPool(ctx, 1);
    const firm = await registerEnterprise(ctx, '重庆九龙坡盲审机械有限公司', { industry: 'C3511', foundedAt: '2005-03-01', regionCode: '500107' });
    const draft = await ctx.http.post('/applications').set('Authorization', firm.token)
      .send({ cycleId: blind.id, form: { brand: { name: '山城盲审', foundedYear: 1995, category: '机械' }, product: { name: '盲审产品', batchProductionSince: '2010-05-01' } } }).expect(201);
    await uploadMaterials(ctx, firm.token, draft.body.id, BRAND_MATERIALS);
    await act(ctx, firm.token, draft.body.id, 'submit');
    const uploaded = await letter(jiulongpo.token, draft.body.id).expect(201);
    await act(ctx, jiulongpo.token, draft.body.id, 'endorse', { payload: { opinion: '重庆九龙坡盲审机械有限公司产品质量稳定，同意推荐。', letterId: uploaded.body.id } });
    await act(ctx, admin, draft.body.id, 'pass_formal_review');
    await waitFor(async () => (await assignmentsOf(ctx, draft.body.id)).some((a) => a.reviewer_id === expert.id), 30_000, 'the expert assigned');
    // Neither the opinion (it names the company), the recommender (a district names its place) nor the letter.
    for (const path of ['endorsement', `endorsement-letters/${uploaded.body.id}/content`]) {
      const res = await ctx.http.get(`/applications/${draft.body.id}/${path}`).set('Authorization', expert.token).expect(404);
      expect(JSON.stringify(res.body)).not.toMatch(/九龙坡|同意推荐/);
    }
    // The enterprise reads its own, whole.
    expect((await ctx.http.get(`/applications/${draft.body.id}/endorsement`).set('Authorization', firm.token).expect(200)).body).toMatchObject({ recommenderName: '九龙坡区市场监督管理局', opinion: '重庆九龙坡盲审机械有限公司产品质量稳定，同意推荐。', letter: { id: uploaded.body.id } });
  });
});
