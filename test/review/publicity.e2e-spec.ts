import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openCycle, registerEnterprise, uploadMaterials } from '../support/award-fixtures';
import { endWindow } from '../support/end-window';
import { act, beijingToday, OBJECTION_CONTACT, publishPublicity, stateOf, waitForState } from '../support/review-fixtures';
import { createUser, startTestApp, TestContext } from '../support/test-app';
import { waitFor } from '../support/throwaway-redis';

/*
 * A test's own assumption of the 2027 notice (not yet shipped): 国庆 10-01…10-07 with the 调休
 * Saturday 10-09, entered as an admin enters a year when its notice is published.
 */
const YEAR_2027 = {
  notice: '国办发明电〔2026〕测试号',
  holidays: [
    { name: '元旦', from: '2027-01-01', to: '2027-01-01' },
    { name: '国庆节', from: '2027-10-01', to: '2027-10-07' },
  ],
  makeUpWorkdays: ['2027-09-26', '2027-10-09'],
};
const PDF = Buffer.from('%PDF-1.4\n% 现场照片与检测报告\n');
const OBJECTOR = { name: '周异议', idNumber: '110101199003071234', phone: '13912345678' };

/**
 * 公示 as offices publish it: one dated list for the applications in 待公示, dates from the
 * working-day calendar, objections from the public page and from the office's post, several per
 * application, each decided on its own, the period never restarting.
 */
describe('公示 batches and objections', () => {
  let ctx: TestContext;
  let admin: string;
  let recommender: { token: string };
  let cycleId: string;
  let officeCode: string;
  const apps: string[] = [];
  const enterprises: Array<{ token: string; name: string }> = [];

  beforeAll(async () => {
    ctx = await startTestApp({ worker: true, env: { OUTBOX_POLL_INTERVAL_MS: '200', DEADLINE_SCHEDULE_INTERVAL_MS: '100' } });
    admin = await ctx.adminToken();
    recommender = await createUser(ctx, { username: 'yzqscjgj', role: 'recommender', displayName: '渝中区市场监督管理局' });
    const cycle = await openCycle(ctx, { awardCode: 'cq-famous-brand-product', title: '2026年度重庆名牌产品认定', quota: { awards: 10 }, stagePlan: { expertReview: false } });
    cycleId = cycle.id;
    [{ officeCode }] = await ctx.dataSource.query(`SELECT o.region_code AS "officeCode" FROM cycles c JOIN offices o ON o.id = c.office_id WHERE c.id = $1`, [cycleId]);
    for (const [i, name] of ['重庆甲乙机械有限公司', '重庆丙丁食品有限公司', '重庆戊己电子有限公司'].entries()) {
      const e = await registerEnterprise(ctx, name, { industry: 'C3511', foundedAt: '2005-03-01' });
      const draft = await ctx.http.post('/applications').set('Authorization', e.token).send({ cycleId, form: { brand: { name: `山城${i + 1}`, foundedYear: 1995, category: '机械' }, product: { name: `产品${i + 1}`, batchProductionSince: '2010-05-01' } } });
      if (draft.status !== 201) throw new Error(`draft: ${draft.status} ${JSON.stringify(draft.body)}`);
      await uploadMaterials(ctx, e.token, draft.body.id, ['application_form', 'business_license', 'quality_certificates', 'brand_history']);
      await act(ctx, e.token, draft.body.id, 'submit');
      await act(ctx, recommender.token, draft.body.id, 'endorse');
      await act(ctx, admin, draft.body.id, 'pass_formal_review');
      apps.push(draft.body.id);
      enterprises.push({ token: e.token, name });
    }
  }, 180_000);
  afterAll(async () => ctx?.close());

  it('waits in 待公示 until the office publishes, and refuses a bad 公示 by field, changing nothing', async () => {
    for (const id of apps) expect(await stateOf(ctx, id)).toBe('awaiting_publicity');
    const bad = await ctx.http
      .post(`/cycles/${cycleId}/publicity-batches`)
      .set('Authorization', admin)
      .send({ startsOn: '2020-01-01', duration: 'P2M', contact: { ...OBJECTION_CONTACT, email: 'nope' } })
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['contact.email', 'duration']);
    const past = await ctx.http.post(`/cycles/${cycleId}/publicity-batches`).set('Authorization', admin).send({ startsOn: '2020-01-01', contact: OBJECTION_CONTACT }).expect(400);
    expect(past.body.message).toContain('公示开始日期不能早于今天');
    // 5 working days from 2026-12-28 reach 2027, whose holidays are not in the calendar yet: refused, not guessed.
    const missing = await ctx.http.post(`/cycles/${cycleId}/publicity-batches`).set('Authorization', admin).send({ startsOn: '2026-12-28', duration: 'P5WD', contact: OBJECTION_CONTACT }).expect(422);
    expect(missing.body).toMatchObject({ code: 'CALENDAR_YEAR_MISSING' });
    expect(missing.body.message).toContain('2027');
    // Not the office's: the enterprise may not publish.
    await ctx.http.post(`/cycles/${cycleId}/publicity-batches`).set('Authorization', enterprises[0].token).send({ startsOn: beijingToday(), contact: OBJECTION_CONTACT }).expect(403);
    for (const id of apps) expect(await stateOf(ctx, id)).toBe('awaiting_publicity');
    expect((await ctx.http.get(`/cycles/${cycleId}/publicity-batches`).set('Authorization', admin).expect(200)).body.items).toEqual([]);
    expect((await ctx.http.get(`/applications/${apps[0]}/publicity`).set('Authorization', enterprises[0].token).expect(200)).body).toEqual({ batch: null });
  });

  it('publishes one dated batch whose end every application in it shares, each enterprise told', async () => {
    const batch = await publishPublicity(ctx, admin, cycleId, apps.slice(0, 2), { duration: 'P7D' });
    expect(batch).toMatchObject({ seq: 1, startsOn: beijingToday(), durationLabel: '7 天', contact: OBJECTION_CONTACT });
    for (const id of apps.slice(0, 2)) expect(await stateOf(ctx, id)).toBe('publicity');
    expect(await stateOf(ctx, apps[2])).toBe('awaiting_publicity');
    // Each enterprise reads its own 公示's dates and where to object; no one else's application.
    const own = (await ctx.http.get(`/applications/${apps[0]}/publicity`).set('Authorization', enterprises[0].token).expect(200)).body;
    expect(own.batch).toMatchObject({ id: batch.id, seq: 1, startsOn: batch.startsOn, endsOn: batch.endsOn, durationLabel: '7 天', contact: OBJECTION_CONTACT });
    await ctx.http.get(`/applications/${apps[0]}/publicity`).set('Authorization', enterprises[1].token).expect(404);
    const ends = await ctx.dataSource.query(
      `SELECT d.due_at FROM deadlines d JOIN applications a ON a.instance_id = d.instance_id WHERE a.id = ANY($1::uuid[]) AND d.kind = 'publicity_end' AND d.status = 'pending'`,
      [apps.slice(0, 2)],
    );
    expect(ends.map((r: { due_at: Date }) => r.due_at.toISOString())).toEqual([new Date(batch.endsAt).toISOString(), new Date(batch.endsAt).toISOString()]);
    const inbox = async (token: string) => ((await ctx.http.get('/notifications').set('Authorization', token)).body.items ?? []) as Array<{ title: string; body: string }>;
    await waitFor(async () => (await inbox(enterprises[0].token)).some((n) => n.title.includes('社会公示') && n.body.includes(`公示期至 ${batch.endsOn} 24:00`)), 30_000, 'the 公示 notice with its end');
  });

  it('gives a later application a batch of its own, across 国庆 in working days, taking no objection before it is published', async () => {
    await ctx.http.put('/calendar/years/2027').set('Authorization', admin).send(YEAR_2027).expect(200);
    const second = await publishPublicity(ctx, admin, cycleId, undefined, { startsOn: '2027-09-29', duration: 'P5WD' });
    // 09-30, (10-01…10-07 国庆), 10-08, the 调休 Saturday 10-09, 10-11, 10-12.
    expect(second).toMatchObject({ seq: 2, title: expect.stringContaining('第2批'), startsOn: '2027-09-29', endsOn: '2027-10-12', durationLabel: '5 个工作日' });
    expect(new Date(second.endsAt).toISOString()).toBe('2027-10-12T16:00:00.000Z');
    expect(second.entries.map((e) => e.applicationId)).toEqual([apps[2]]);
    const [due] = await ctx.dataSource.query(`SELECT d.due_at FROM deadlines d JOIN applications a ON a.instance_id = d.instance_id WHERE a.id = $1 AND d.kind = 'publicity_end' AND d.status = 'pending'`, [apps[2]]);
    expect(due.due_at.toISOString()).toBe('2027-10-12T16:00:00.000Z');
    await ctx.http.post(`/cycles/${cycleId}/publicity-batches`).set('Authorization', admin).send({ startsOn: beijingToday(), contact: OBJECTION_CONTACT }).expect(409);
    // Published for 2027-09-29: not open to objections before then.
    const early = await ctx.http.post(`/public/publicity/${second.id}/objections`)
      .field('publicId', second.entries[0].publicId).field('objectorName', '孙某某').field('idNumber', '500103198812120033').field('phone', '13500000002')
      .field('content', '公示尚未开始之前提交的异议，应当不予受理。').attach('files', PDF, 'early.pdf').expect(409);
    expect(early.body).toMatchObject({ code: 'OBJECTION_WINDOW_NOT_STARTED', message: '该公示于 2027-09-29 发布，发布后方可提出异议' });
  });

  it('shows the public page without login: the lists, the dates, how to object; nothing else', async () => {
    const page = (await ctx.http.get(`/public/offices/${officeCode}/publicity`).expect(200)).body;
    expect(page.current).toHaveLength(2);
    expect(page.current.find((b: { startsOn: string }) => b.startsOn === '2027-09-29')).toMatchObject({ endsOn: '2027-10-12', open: false });
    const first = page.current.find((b: { startsOn: string }) => b.startsOn === beijingToday());
    expect(first).toMatchObject({ awardName: '重庆名牌产品', year: expect.any(Number), open: true, contact: OBJECTION_CONTACT });
    expect(first.entries.map((e: { organizationName: string }) => e.organizationName).sort()).toEqual(enterprises.slice(0, 2).map((e) => e.name).sort());
    const text = JSON.stringify(page);
    for (const id of apps) expect(text).not.toContain(id);
    expect(text).not.toMatch(/uscc|receipt|organizationId|applicationId/);
    expect((await ctx.http.get('/public/offices').expect(200)).body.items).toEqual(expect.arrayContaining([expect.objectContaining({ code: officeCode })]));
    await ctx.http.get('/public/offices/999999/publicity').expect(404);
    await ctx.http.get('/public/offices/not-a-code/publicity').expect(404);
  });

  it('takes several objections on one application; one dismissed keeps it held, one upheld rejects it; the objector stays the office’s', async () => {
    const [batch] = (await ctx.http.get(`/public/offices/${officeCode}/publicity`).expect(200)).body.current.filter((b: { startsOn: string }) => b.startsOn === beijingToday());
    const entry = batch.entries.find((e: { organizationName: string }) => e.organizationName === enterprises[0].name);
    const refused = await ctx.http.post(`/public/publicity/${batch.id}/objections`).field('publicId', entry.publicId).field('objectorName', '').field('idNumber', '123').field('phone', '1').field('content', '短').expect(400);
    expect(refused.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['content', 'idNumber', 'objectorName', 'phone']);
    const exe = await ctx.http.post(`/public/publicity/${batch.id}/objections`)
      .field('publicId', entry.publicId).field('objectorName', OBJECTOR.name).field('idNumber', OBJECTOR.idNumber).field('phone', OBJECTOR.phone)
      .field('content', `本人${OBJECTOR.name}反映：该企业申报产品 2026 年省级监督抽查不合格，申报材料未如实说明。`)
      .attach('files', Buffer.from('MZ\x90\x00'), 'evidence.exe')
      .expect(415);
    expect(exe.body.message).toContain('PDF');
    const filed = await ctx.http.post(`/public/publicity/${batch.id}/objections`)
      .field('publicId', entry.publicId).field('objectorName', OBJECTOR.name).field('idNumber', OBJECTOR.idNumber).field('phone', OBJECTOR.phone)
      .field('content', `本人${OBJECTOR.name}反映：该企业申报产品 2026 年省级监督抽查不合格，申报材料未如实说明。`)
      .attach('files', PDF, { filename: `${OBJECTOR.name}-抽查报告.pdf`, contentType: 'application/pdf' })
      .expect(201);
    expect(filed.body.reference).toMatch(/^YY-/);
    expect(await stateOf(ctx, apps[0])).toBe('objection_review');
    // A second, received by post and recorded by the office, while the first is open.
    const posted = await ctx.http.post(`/applications/${apps[0]}/objections`).set('Authorization', admin)
      .send({ channel: 'post', receivedOn: beijingToday(), objectorName: '吴来信', objectorIdNumber: '91500103MA5U000001', contactPhone: '023-68000000', content: '来信反映该企业商标权属存在争议，请公示期内予以核实。', evidence: '商标异议裁定书复印件' })
      .expect(201);
    // Only the office records a posted one.
    await ctx.http.post(`/applications/${apps[0]}/objections`).set('Authorization', enterprises[1].token)
      .send({ channel: 'post', objectorName: '冒名', contactPhone: '023-68000001', content: '企业冒充办公室登记信函异议，应当被拒绝受理。', evidence: '无书面证据材料' }).expect(403);

    // The office sees both objectors; the enterprise the allegations with the objector masked out.
    const office = (await ctx.http.get(`/objections?cycleId=${cycleId}`).set('Authorization', admin).expect(200)).body;
    expect(office.filter((o: { applicationId: string }) => o.applicationId === apps[0]).map((o: { objectorName: string; channel: string }) => [o.channel, o.objectorName]).sort())
      .toEqual([['post', '吴来信'], ['public', OBJECTOR.name]]);
    const mine = (await ctx.http.get(`/objections?applicationId=${apps[0]}`).set('Authorization', enterprises[0].token).expect(200)).body;
    expect(mine).toHaveLength(2);
    const seenByEnterprise = JSON.stringify(mine) + JSON.stringify((await ctx.http.get(`/applications/${apps[0]}/history`).set('Authorization', enterprises[0].token).expect(200)).body);
    for (const secret of [OBJECTOR.name, OBJECTOR.idNumber, OBJECTOR.phone, '吴来信', '91500103MA5U000001', '抽查报告.pdf']) expect(seenByEnterprise).not.toContain(secret);
    expect(mine.find((o: { channel: string }) => o.channel === 'public')).toMatchObject({ content: expect.stringContaining('监督抽查不合格'), evidenceFileCount: 1 });
    // The evidence files stay with the office (their names may name the objector).
    const publicId = office.find((o: { channel: string }) => o.channel === 'public').id;
    const evidence = office.find((o: { channel: string }) => o.channel === 'public').files[0];
    await ctx.http.get(`/objections/${publicId}/files/${evidence.id}`).set('Authorization', enterprises[0].token).expect(404);
    const download = await ctx.http.get(`/objections/${publicId}/files/${evidence.id}`).set('Authorization', admin).expect(200);
    expect(download.headers['content-type']).toBe('application/pdf');

    // 申辩 with a file, by the enterprise only.
    await ctx.http.post(`/objections/${publicId}/responses`).set('Authorization', enterprises[1].token).field('content', '这不是我们的申报，不应能申辩。').expect(404);
    await ctx.http.post(`/objections/${publicId}/responses`).set('Authorization', enterprises[0].token)
      .field('content', '该批次抽查不合格已于 2026 年 6 月整改完毕并复检合格，附复检报告。')
      .attach('files', PDF, { filename: '复检报告.pdf', contentType: 'application/pdf' })
      .expect(201);
    const withAnswer = (await ctx.http.get(`/objections?applicationId=${apps[0]}`).set('Authorization', admin).expect(200)).body.find((o: { id: string }) => o.id === publicId);
    expect(withAnswer.responses).toEqual([expect.objectContaining({ content: expect.stringContaining('复检合格'), files: [expect.objectContaining({ fileName: '复检报告.pdf' })] })]);

    // Dismissing the posted one leaves the application held by the other.
    const dismissed = await ctx.http.post(`/objections/${posted.body.id}/resolve`).set('Authorization', admin).send({ decision: 'dismiss', resolution: '商标权属已经法院裁定，不影响认定' }).expect(200);
    expect(dismissed.body).toMatchObject({ status: 'dismissed', applicationState: 'objection_review' });
    // The office names the objector in its resolution, as people write: the enterprise never reads it.
    const upheld = await ctx.http.post(`/objections/${publicId}/resolve`).set('Authorization', admin).send({ decision: 'uphold', resolution: `经核查${OBJECTOR.name}反映的抽查不合格属实，整改期未满一年` }).expect(200);
    expect(upheld.body).toMatchObject({ status: 'upheld', applicationState: 'rejected' });
    const notices = async () => ((await ctx.http.get('/notifications').set('Authorization', enterprises[0].token)).body.items ?? []) as Array<{ title: string; body: string }>;
    const resolvedNotice = await waitFor(async () => (await notices()).find((n) => n.title.includes('异议处理结果')) ?? null, 30_000, 'the objection outcome notice');
    expect(resolvedNotice.body).toContain('抽查不合格属实');
    const afterwards = JSON.stringify(await notices()) + JSON.stringify((await ctx.http.get(`/applications/${apps[0]}/history`).set('Authorization', enterprises[0].token).expect(200)).body)
      + JSON.stringify((await ctx.http.get(`/objections?applicationId=${apps[0]}`).set('Authorization', enterprises[0].token).expect(200)).body);
    for (const secret of [OBJECTOR.name, OBJECTOR.idNumber, OBJECTOR.phone, '吴来信']) expect(afterwards).not.toContain(secret);
    const officeHistory = JSON.stringify((await ctx.http.get(`/applications/${apps[0]}/history`).set('Authorization', admin).expect(200)).body);
    expect(officeHistory).toContain(OBJECTOR.name);
    await ctx.http.post(`/objections/${publicId}/responses`).set('Authorization', enterprises[0].token).field('content', '决定之后再来申辩，应当被拒绝。').expect(409);
    // A visitor objecting to the rejected entry learns nothing of what became of it.
    const closed = await ctx.http.post(`/public/publicity/${batch.id}/objections`)
      .field('publicId', entry.publicId).field('objectorName', '冯某某').field('idNumber', '500103198812120044').field('phone', '13500000003')
      .field('content', '对已被驳回的申报再次提出的异议，应当不予受理。').attach('files', PDF, 'again.pdf').expect(409);
    expect(closed.body).toMatchObject({ code: 'OBJECTION_NOT_ACCEPTED' });
    expect(closed.body.message).not.toMatch(/未通过|驳回|rejected/);
  });

  it('goes on at once when the last objection is dismissed after the period ended: no new period', async () => {
    const [batch] = (await ctx.http.get(`/public/offices/${officeCode}/publicity`).expect(200)).body.current.filter((b: { startsOn: string }) => b.startsOn === beijingToday());
    const entry = batch.entries.find((e: { organizationName: string }) => e.organizationName === enterprises[1].name);
    const filed = await ctx.http.post(`/public/publicity/${batch.id}/objections`)
      .field('publicId', entry.publicId).field('objectorName', '郑某某').field('idNumber', '500103198812120011').field('phone', '13500000000')
      .field('content', '该企业的产品包装标识与实际生产企业不一致，请核查。')
      .attach('files', PDF, { filename: 'photo.pdf', contentType: 'application/pdf' })
      .expect(201);
    expect(filed.body.reference).toBeTruthy();
    expect(await stateOf(ctx, apps[1])).toBe('objection_review');
    // The batch's end passes while the objection is open (the test moves the end rather than waiting for 2027).
    await ctx.dataSource.query(`UPDATE publicity_batches SET ends_at = now() - interval '1 minute' WHERE id = $1`, [batch.id]);
    const late = await ctx.http.post(`/public/publicity/${batch.id}/objections`)
      .field('publicId', entry.publicId).field('objectorName', '钱某某').field('idNumber', '500103198812120022').field('phone', '13500000001')
      .field('content', '公示期结束以后才提交的异议，应当不予受理。').attach('files', PDF, 'late.pdf').expect(409);
    expect(late.body).toMatchObject({ code: 'OBJECTION_WINDOW_ENDED' });
    const [{ id }] = (await ctx.http.get(`/objections?applicationId=${apps[1]}`).set('Authorization', admin).expect(200)).body;
    const resolved = await ctx.http.post(`/objections/${id}/resolve`).set('Authorization', admin).send({ decision: 'dismiss', resolution: '包装标识经核查为委托加工，符合规定' }).expect(200);
    expect(resolved.body).toMatchObject({ status: 'dismissed', applicationState: 'awaiting_approval' });
    const history = (await ctx.http.get(`/applications/${apps[1]}/history`).set('Authorization', admin).expect(200)).body.entries.map((e: { action: string }) => e.action);
    expect(history.slice(-3)).toEqual(['file_objection', 'dismiss_objection', 'publicity_ended']);
    // No publicity_end is left pending: the period did not restart.
    const pending = await ctx.dataSource.query(`SELECT count(*)::int AS n FROM deadlines d JOIN applications a ON a.instance_id = d.instance_id WHERE a.id = $1 AND d.status = 'pending'`, [apps[1]]);
    expect(pending[0].n).toBe(0);
  });

  it('ends the second batch by its own deadline, on to 审定', async () => {
    await endWindow(ctx, apps[2], 'publicity_end');
    await waitForState(ctx, apps[2], 'awaiting_approval');
  });
});
