import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { samplePdf } from '../../libs/applications/src/testing/material-fixtures';
import { Enterprise, openCycle, registerEnterprise, uploadMaterials } from '../support/award-fixtures';
import { endWindow } from '../support/end-window';
import { act, beijingToday, publishPublicity, stateOf, waitForState } from '../support/review-fixtures';
import { createUser, startTestApp, TestContext } from '../support/test-app';
import { waitFor } from '../support/throwaway-redis';

const BRAND_MATERIALS = ['application_form', 'business_license', 'quality_certificates', 'brand_history'];

/**
 * Validity and re-checks: a 名牌产品 batch whose recognitions all expire at the cycle's last valid day
 * (24:00 Beijing), told 90 days before; its renewal as a new application copying the form; and a
 * 老字号 复核 with its three outcomes, the public list following them. Every deadline is fired by the
 * test (endWindow), never waited for.
 */
describe('recognition validity, renewal and 老字号 复核', () => {
  let ctx: TestContext;
  let admin: string;
  let recommender: { token: string };
  let divisionCode: string;
  const famous: Array<{ enterprise: Enterprise; id: string }> = [];
  let famousCycle: string;

  const inbox = async (token: string) => ((await ctx.http.get('/notifications').set('Authorization', token).expect(200)).body.items ?? []) as Array<{ title: string; body: string }>;
  const deadlinesOf = async (applicationId: string, kind: string): Promise<Array<{ status: string; due_at: Date }>> =>
    ctx.dataSource.query(`SELECT d.status, d.due_at FROM deadlines d JOIN applications a ON a.instance_id = d.instance_id WHERE a.id = $1 AND d.kind = $2 ORDER BY d.created_at`, [applicationId, kind]);
  const publicList = async () => (await ctx.http.get(`/public/offices/${divisionCode}/results`).expect(200)).body as { items: Array<{ awardName: string; year: number; validFrom?: string; validUntil?: string; winners: Array<{ organizationName: string; revoked: boolean }> }> };
  const recordDecision = async (cycleId: string, documentNumber: string) => {
    await ctx.http
      .put(`/cycles/${cycleId}/award-decision`)
      .set('Authorization', admin)
      .field('title', '关于认定重庆名牌的决定')
      .field('documentNumber', documentNumber)
      .field('decidedOn', beijingToday())
      .attach('file', samplePdf('decision'), { filename: '认定决定.pdf', contentType: 'application/pdf' })
      .expect(200);
  };

  /** Draft → submitted → endorsed → 形式审查 passed → 公示 published and ended → 待审定. */
  const throughPublicity = async (cycleId: string, drafts: Array<{ enterprise: Enterprise; id: string }>) => {
    for (const { enterprise, id } of drafts) {
      await uploadMaterials(ctx, enterprise.token, id, BRAND_MATERIALS);
      await act(ctx, enterprise.token, id, 'submit');
      await act(ctx, recommender.token, id, 'endorse');
      await act(ctx, admin, id, 'pass_formal_review');
      await waitForState(ctx, id, 'awaiting_publicity');
    }
    await publishPublicity(ctx, admin, cycleId);
    for (const { id } of drafts) {
      await endWindow(ctx, id, 'publicity_end');
      await waitForState(ctx, id, 'awaiting_approval');
    }
  };

  beforeAll(async () => {
    ctx = await startTestApp({ worker: true, env: { OUTBOX_POLL_INTERVAL_MS: '200', DEADLINE_SCHEDULE_INTERVAL_MS: '100' } });
    admin = await ctx.adminToken();
    recommender = await createUser(ctx, { username: 'qxsw', role: 'recommender', displayName: '区县推荐单位' });
    const cycle = await openCycle(ctx, {
      awardCode: 'cq-famous-brand-product',
      year: 2024,
      title: '2024年度重庆名牌产品认定',
      quota: { awards: 10 },
      stagePlan: { expertReview: false },
      recognitionValidFrom: '2024-10-01',
      recognitionValidUntil: '2027-09-30',
    });
    famousCycle = cycle.id;
    [{ divisionCode }] = await ctx.dataSource.query(`SELECT o.region_code AS "divisionCode" FROM cycles c JOIN offices o ON o.id = c.office_id WHERE c.id = $1`, [famousCycle]);
  }, 120_000);
  afterAll(async () => ctx?.close());

  it('名牌产品: every recognition of the batch expires together at the cycle’s validUntil, told 90 days before', async () => {
    const cycle = (await ctx.http.get(`/cycles/${famousCycle}`).set('Authorization', admin).expect(200)).body;
    expect(cycle).toMatchObject({ recognitionValidFrom: '2024-10-01', recognitionValidUntil: '2027-09-30', expiryNoticeDays: null });
    // A half-given or backwards period is refused by field, and nothing changes.
    const bad = await ctx.http.patch(`/cycles/${famousCycle}`).set('Authorization', admin).send({ recognitionValidUntil: '2023-01-01' }).expect(400);
    expect(bad.body.errors).toEqual([{ field: 'recognitionValidUntil', label: '认定有效期截止日', messages: ['须不早于认定有效期起始日'] }]);

    for (const [i, name] of ['重庆山城火锅底料有限公司', '重庆江北机电有限公司'].entries()) {
      const enterprise = await registerEnterprise(ctx, name, { industry: 'C1469', foundedAt: '2005-03-01' });
      const form = { brand: { name: `山城${i + 1}`, foundedYear: 1998, category: '食品' }, product: { name: `火锅底料${i + 1}号`, batchProductionSince: '2010-05-01', standard: 'Q/SC 0001S-2020' } };
      const res = await ctx.http.post('/applications').set('Authorization', enterprise.token).send({ cycleId: famousCycle, form }).expect(201);
      famous.push({ enterprise, id: res.body.id });
    }
    await throughPublicity(famousCycle, famous);
    for (const { id } of famous) expect((await act(ctx, admin, id, 'approve')).state).toBe('recognised');

    // Both end at 24:00 Beijing of 2027-09-30, whenever they were approved; the notice 90 days before.
    const end = '2027-09-30T16:00:00.000Z';
    const notice = new Date(Date.parse(end) - 90 * 86_400_000).toISOString();
    for (const { id } of famous) {
      expect((await deadlinesOf(id, 'recognition_expiry')).map((d) => [d.status, new Date(d.due_at).toISOString()])).toEqual([['pending', end]]);
      expect((await deadlinesOf(id, 'recognition_expiry_notice')).map((d) => [d.status, new Date(d.due_at).toISOString()])).toEqual([['pending', notice]]);
    }
    // Given to the batch, the period no longer changes.
    const moved = await ctx.http.patch(`/cycles/${famousCycle}`).set('Authorization', admin).send({ recognitionValidUntil: '2027-12-31' }).expect(400);
    expect(moved.body.errors).toEqual([{ field: 'recognitionValidUntil', label: '认定有效期截止日', messages: ['本批已有认定按此有效期发证，不能再更改'] }]);
    // The certificate and the public list show the period.
    const certificate = (await ctx.http.get(`/applications/${famous[0].id}/certificate`).set('Authorization', famous[0].enterprise.token).expect(200)).body;
    expect(certificate).toMatchObject({ tierLabel: '认定', status: 'valid', validFrom: '2024-10-01', validUntil: '2027-09-30' });
    await recordDecision(famousCycle, '渝市监发〔2024〕88号');
    const listed = (await publicList()).items.find((i) => i.year === 2024 && i.awardName === '重庆名牌产品')!;
    expect(listed).toMatchObject({ validFrom: '2024-10-01', validUntil: '2027-09-30' });
    expect(listed.winners.map((w) => w.organizationName).sort()).toEqual(['重庆山城火锅底料有限公司', '重庆江北机电有限公司'].sort());

    // The notice falls due: the enterprise is told the last day; the recognition stands.
    await endWindow(ctx, famous[0].id, 'recognition_expiry_notice');
    const told = await waitFor(async () => (await inbox(famous[0].enterprise.token)).find((n) => n.title.startsWith('认定即将到期')), 15_000, 'the expiry notice');
    expect(told.body).toContain('有效期至 2027-09-30 届满');
    expect(await stateOf(ctx, famous[0].id)).toBe('recognised');
    expect((await deadlinesOf(famous[0].id, 'recognition_expiry'))[0].status).toBe('pending');

    // The batch's end: every recognition expires, each enterprise is told, the current list empties.
    for (const { id } of famous) await endWindow(ctx, id, 'recognition_expiry');
    for (const { id } of famous) await waitForState(ctx, id, 'recognition_expired');
    await waitFor(async () => (await inbox(famous[1].enterprise.token)).some((n) => n.title.startsWith('认定到期')), 15_000, 'the expiry notice of the second');
    expect((await deadlinesOf(famous[1].id, 'recognition_expiry_notice'))[0].status).toBe('cancelled');
    expect((await publicList()).items.find((i) => i.year === 2024 && i.awardName === '重庆名牌产品')!.winners).toEqual([]);
  });

  it('renews a 名牌 as a new application of a later cycle that starts from the last one’s form', async () => {
    const later = await openCycle(ctx, { awardCode: 'cq-famous-brand-product', year: 2027, title: '2027年度重庆名牌产品认定', quota: { awards: 10 }, stagePlan: { expertReview: false } });
    const [first, second] = famous;
    const previous = (await ctx.http.get(`/applications/${first.id}`).set('Authorization', first.enterprise.token).expect(200)).body;
    const renewal = await ctx.http.post('/applications').set('Authorization', first.enterprise.token).send({ cycleId: later.id, renewalOf: first.id }).expect(201);
    expect(renewal.body).toMatchObject({ state: 'draft', renewalOfId: first.id, form: previous.form });
    // …and its materials, as attachments of the new draft (same files).
    const materials = async (id: string) => ((await ctx.http.get(`/applications/${id}/attachments`).set('Authorization', first.enterprise.token).expect(200)).body as Array<{ documentType: string; sha256?: string }>).map((m) => m.documentType).sort();
    expect(await materials(renewal.body.id)).toEqual(await materials(first.id));
    expect(await materials(renewal.body.id)).toEqual([...BRAND_MATERIALS].sort());
    // Only the organisation's own recognition of the same award, from an earlier cycle.
    const foreign = await ctx.http.post('/applications').set('Authorization', second.enterprise.token).send({ cycleId: later.id, renewalOf: first.id }).expect(400);
    expect(foreign.body.errors).toEqual([{ field: 'renewalOf', label: '延续的认定申报', messages: ['没有找到本单位的这项申报'] }]);
    const notRecognised = await ctx.http.post('/applications').set('Authorization', first.enterprise.token).send({ cycleId: famousCycle, renewalOf: renewal.body.id }).expect(400);
    expect(notRecognised.body.errors[0].field).toBe('renewalOf');
    // Its own form wins when it gives one.
    const edited = await ctx.http
      .post('/applications')
      .set('Authorization', second.enterprise.token)
      .send({ cycleId: later.id, renewalOf: second.id, form: { brand: { name: '山城2', foundedYear: 1998, category: '食品' }, product: { name: '火锅底料（升级版）', batchProductionSince: '2010-05-01' } } })
      .expect(201);
    expect(edited.body).toMatchObject({ renewalOfId: second.id, form: { product: { name: '火锅底料（升级版）' } } });

    // This cycle set no period: its first 审定 fixes the batch's (3 years from that day) on the cycle.
    await throughPublicity(later.id, [{ enterprise: second.enterprise, id: edited.body.id }]);
    await act(ctx, admin, edited.body.id, 'approve');
    const from = beijingToday();
    const until = new Date(Date.parse(`${Number(from.slice(0, 4)) + 3}${from.slice(4)}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    expect((await ctx.http.get(`/cycles/${later.id}`).set('Authorization', admin).expect(200)).body).toMatchObject({ recognitionValidFrom: from, recognitionValidUntil: until });
    expect((await deadlinesOf(edited.body.id, 'recognition_expiry')).map((d) => new Date(d.due_at).toISOString())).toEqual([new Date(Date.parse(`${until}T00:00:00+08:00`) + 86_400_000).toISOString()]);
  });

  it('老字号: no expiry; a 复核 round with 通过, 限期整改 then 复核 again, and 撤销认定, the public list following', async () => {
    // A 老字号 has no validity to set.
    const refused = await ctx.http
      .post('/cycles')
      .set('Authorization', admin)
      .send({ awardCode: 'cq-time-honored-brand', year: 2023, title: '2023年度重庆老字号认定（有效期）', applicationOpensAt: '2026-01-01', applicationClosesAt: '2099-12-31', quota: { awards: 5 }, reviewersPerApplication: 3, recognitionValidFrom: '2023-10-01', recognitionValidUntil: '2026-09-30' })
      .expect(400);
    expect(refused.body.errors).toEqual([{ field: 'recognitionValidFrom', label: '认定有效期起始日', messages: ['重庆老字号不设有效期，由认定机关定期复核'] }]);

    const cycle = await openCycle(ctx, { awardCode: 'cq-time-honored-brand', year: 2023, title: '2023年度重庆老字号认定', quota: { awards: 10 }, stagePlan: { expertReview: false } });
    const shops: Array<{ enterprise: Enterprise; id: string }> = [];
    for (const [name, brand, founded] of [['重庆陈麻花食品有限公司', '陈麻花', 1876], ['重庆老四川饮食有限公司', '老四川', 1930], ['重庆白市驿板鸭有限公司', '白市驿', 1911]] as const) {
      const enterprise = await registerEnterprise(ctx, name, { industry: 'C1419', foundedAt: '1990-01-01' });
      const res = await ctx.http.post('/applications').set('Authorization', enterprise.token).send({ cycleId: cycle.id, form: { brand: { name: brand, foundedYear: founded, category: '传统食品' } } }).expect(201);
      shops.push({ enterprise, id: res.body.id });
    }
    await throughPublicity(cycle.id, shops);
    for (const { id } of shops) expect((await act(ctx, admin, id, 'approve')).state).toBe('recognised');
    for (const { id } of shops) expect(await deadlinesOf(id, 'recognition_expiry')).toEqual([]);
    const [kept, rectified, revoked] = shops;
    // A 老字号 is not renewed: it does not expire.
    const noRenewal = await ctx.http.post('/applications').set('Authorization', kept.enterprise.token).send({ cycleId: cycle.id, renewalOf: kept.id }).expect(400);
    expect(noRenewal.body.errors[0]).toMatchObject({ field: 'renewalOf', messages: ['重庆老字号不设认定有效期，无需延续申报'] });
    await recordDecision(cycle.id, '渝商务发〔2023〕21号');
    const listed = () => publicList().then((l) => l.items.find((i) => i.year === 2023 && i.awardName === '重庆老字号')!.winners.map((w) => w.organizationName).sort());
    expect(await listed()).toEqual(shops.map((s) => s.enterprise.name).sort());

    // Only the office runs a 复核, only of an award that has one.
    await ctx.http.post('/rechecks').set('Authorization', kept.enterprise.token).send({ awardCode: 'cq-time-honored-brand' }).expect(403);
    const wrong = await ctx.http.post('/rechecks').set('Authorization', admin).send({ awardCode: 'cq-famous-brand-product' }).expect(400);
    expect(wrong.body.errors).toEqual([{ field: 'awardCode', label: '奖项', messages: ['重庆名牌产品不实行定期复核（有效期届满即到期）'] }]);
    const round = (await ctx.http.post('/rechecks').set('Authorization', admin).send({ awardCode: 'cq-time-honored-brand', title: '2026年重庆老字号复核' }).expect(201)).body;
    expect(round.items.map((i: { applicationId: string }) => i.applicationId).sort()).toEqual(shops.map((s) => s.id).sort());
    const itemOf = (id: string) => round.items.find((i: { applicationId: string }) => i.applicationId === id).id as string;
    const decide = (id: string, body: Record<string, unknown>, expected = 200) =>
      ctx.http.post(`/rechecks/${round.id}/items/${itemOf(id)}/outcome`).set('Authorization', admin).send(body).expect(expected);

    // Bad input is refused by field, in Chinese, and changes nothing.
    const nonsense = await decide(kept.id, { outcome: 'maybe' }, 400);
    expect(nonsense.body.errors[0]).toMatchObject({ field: 'outcome', label: '结论' });
    const past = await decide(rectified.id, { outcome: 'rectification', comment: '整改', rectificationDueOn: '2020-01-01' }, 400);
    expect(past.body.errors).toEqual([{ field: 'rectificationDueOn', label: '整改期限', messages: ['整改期限须晚于今天'] }]);
    const impossible = await decide(rectified.id, { outcome: 'rectification', comment: '整改', rectificationDueOn: '2031-02-30' }, 400);
    expect(impossible.body.errors[0]).toMatchObject({ field: 'rectificationDueOn', messages: ['不是有效的日期'] });
    await ctx.http.post(`/rechecks/${round.id}/items/${itemOf(kept.id)}/outcome`).set('Authorization', kept.enterprise.token).send({ outcome: 'passed' }).expect(403);
    for (const { id } of shops) expect(await stateOf(ctx, id)).toBe('recognised');

    // 通过: it stays recognised, and may not be decided again in this round.
    expect((await decide(kept.id, { outcome: 'passed' })).body).toMatchObject({ outcome: 'passed', outcomeLabel: '通过', state: 'recognised' });
    await waitFor(async () => (await inbox(kept.enterprise.token)).some((n) => n.title.startsWith('复核通过')), 15_000, 'the 复核通过 notice');
    const again = await decide(kept.id, { outcome: 'revoked', comment: '重复' }, 400);
    expect(again.body.errors[0]).toMatchObject({ field: 'outcome', messages: ['本轮复核已对该企业作出「通过」的结论'] });

    // 限期整改: the requirement and the deadline are the enterprise's to read; its period ends by a timer.
    const noReason = await decide(rectified.id, { outcome: 'rectification' }, 400);
    expect(noReason.body.errors).toEqual([{ field: 'comment', label: '意见（理由）', messages: ['请写明整改要求'] }]);
    const dueOn = `${Number(beijingToday().slice(0, 4)) + 1}-03-31`;
    expect((await decide(rectified.id, { outcome: 'rectification', comment: '门店标识不规范，传统技艺传承记录不全', rectificationDueOn: dueOn })).body).toMatchObject({ outcome: 'rectification', state: 'rectification', rectificationDueOn: dueOn });
    const seen = (await ctx.http.get(`/applications/${rectified.id}`).set('Authorization', rectified.enterprise.token).expect(200)).body;
    expect(seen).toMatchObject({ state: 'rectification', stateLabel: '限期整改' });
    expect((await ctx.http.get(`/applications/${rectified.id}/recheck`).set('Authorization', rectified.enterprise.token).expect(200)).body.recheck).toMatchObject({
      outcomeLabel: '限期整改',
      comment: '门店标识不规范，传统技艺传承记录不全',
      rectificationDueOn: dueOn,
    });
    await ctx.http.get(`/applications/${rectified.id}/recheck`).set('Authorization', kept.enterprise.token).expect(404);
    const ordered = await waitFor(async () => (await inbox(rectified.enterprise.token)).find((n) => n.title.startsWith('限期整改通知')), 15_000, 'the 限期整改 notice');
    expect(ordered.body).toContain(`请于 ${dueOn} 前完成整改`);
    expect((await deadlinesOf(rectified.id, 'rectification_due')).map((d) => [d.status, new Date(d.due_at).toISOString()])).toEqual([['pending', new Date(Date.parse(`${dueOn}T00:00:00+08:00`) + 86_400_000).toISOString()]]);
    // Still a 老字号 while it rectifies: the public list keeps it.
    expect(await listed()).toContain(rectified.enterprise.name);
    await endWindow(ctx, rectified.id, 'rectification_due');
    await waitForState(ctx, rectified.id, 'rectification_due');
    expect((await decide(rectified.id, { outcome: 'passed' })).body).toMatchObject({ outcome: 'passed', state: 'recognised', rectificationDueOn: dueOn });

    // 撤销认定: through the engine (history, notice), the certificate revoked, off the public list.
    const noGround = await decide(revoked.id, { outcome: 'revoked' }, 400);
    expect(noGround.body.errors[0]).toMatchObject({ field: 'comment', messages: ['请写明撤销认定的理由'] });
    expect((await decide(revoked.id, { outcome: 'revoked', comment: '已停止经营该品牌' })).body).toMatchObject({ outcome: 'revoked', state: 'revoked' });
    const history = (await ctx.http.get(`/applications/${revoked.id}/history`).set('Authorization', admin).expect(200)).body;
    expect(history.entries.at(-1)).toMatchObject({ action: 'revoke', toState: 'revoked', comment: '已停止经营该品牌', chainValid: true });
    expect((await ctx.http.get(`/applications/${revoked.id}/certificate`).set('Authorization', revoked.enterprise.token).expect(200)).body.status).toBe('revoked');
    await waitFor(async () => (await inbox(revoked.enterprise.token)).some((n) => n.title.startsWith('撤销通知')), 15_000, 'the 撤销 notice');
    expect(await listed()).toEqual([kept.enterprise.name, rectified.enterprise.name].sort());

    // Not through the generic route: the outcome belongs to the round.
    const generic = await ctx.http.post(`/applications/${kept.id}/actions/pass_recheck`).set('Authorization', admin).send({}).expect(405);
    expect(generic.body.code).toBe('ACTION_HAS_DEDICATED_ROUTE');
    const rounds = (await ctx.http.get('/rechecks').set('Authorization', admin).expect(200)).body.items;
    expect(rounds[0].items.map((i: { outcomeLabel: string }) => i.outcomeLabel).sort()).toEqual(['撤销认定', '通过', '通过'].sort());
  });
});
