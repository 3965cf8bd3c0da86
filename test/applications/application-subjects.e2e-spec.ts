import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { samplePdf } from '../../libs/applications/src/testing/material-fixtures';
import { Enterprise, openCycle, qualityForm, registerEnterprise, uploadMaterials } from '../support/award-fixtures';
import { endWindow } from '../support/end-window';
import { act, publishPublicity, Reviewer, reviewerPool, stateOf, waitForState } from '../support/review-fixtures';
import { createUser, startTestApp, TestContext } from '../support/test-app';

const ENGINEERING_MATERIALS = ['application_form', 'completion_acceptance', 'quality_evaluation', 'business_license'];
const BRAND_MATERIALS = ['application_form', 'business_license', 'quality_certificates', 'brand_history'];

/**
 * Issue 17, the unit of an application: 鲁班奖 is given to a project and 名牌产品 to a product, so
 * one organisation enters several in one cycle; "one active application per organisation and
 * cycle" stays for the quality awards.
 */
describe('the subject of an application: projects and products', () => {
  let ctx: TestContext;
  let admin: string;
  let recommender: { id: string; token: string };
  let panel: Reviewer[];

  const project = (name: string, location = '重庆市渝中区') => ({
    project: {
      name,
      location,
      scale: '建筑面积 12.6 万平方米',
      investment: 86000,
      grossFloorArea: 126000,
      constructionUnit: '重庆市城市建设投资（集团）有限公司',
      contractor: '重庆建工第三建设有限责任公司',
      completionAcceptanceDate: '2025-06-30',
      participants: [
        { name: '重庆建工住宅建设有限公司', role: '参建单位', scope: '机电安装' },
        { name: '重庆市设计院有限公司', role: '设计单位' },
      ],
    },
  });
  const create = (e: Enterprise, cycleId: string, form: Record<string, unknown>) => ctx.http.post('/applications').set('Authorization', e.token).send({ cycleId, form });
  const view = async (id: string, token = admin) => (await ctx.http.get(`/applications/${id}`).set('Authorization', token).expect(200)).body;
  const save = async (e: Enterprise, id: string, form: Record<string, unknown>) => {
    const { version } = await view(id, e.token);
    return ctx.http.patch(`/applications/${id}`).set('Authorization', e.token).set('If-Match', String(version)).send({ form });
  };
  const vote = async (id: string, approve: boolean) => {
    for (const m of panel) await ctx.http.post(`/applications/${id}/votes`).set('Authorization', m.token).send({ vote: approve ? 'approve' : 'reject' }).expect(200);
    return (await ctx.http.post(`/applications/${id}/votes/close`).set('Authorization', admin).expect(200)).body;
  };

  beforeAll(async () => {
    ctx = await startTestApp({ worker: true, env: { ALLOW_SHORT_DURATIONS: 'true', OUTBOX_POLL_INTERVAL_MS: '200', DEADLINE_SCHEDULE_INTERVAL_MS: '100' } });
    admin = await ctx.adminToken();
    recommender = await createUser(ctx, { username: 'subj.recommender', role: 'recommender', displayName: '重庆市建筑业协会' });
    panel = await reviewerPool(ctx, 3);
  });
  afterAll(async () => ctx?.close());

  describe('鲁班奖: one company, two projects, and the next cycle', () => {
    let builder: Enterprise;
    let other: Enterprise;
    let first: { id: string; title: string };
    const ids: Record<'civic' | 'mall', string> = { civic: '', mall: '' };

    beforeAll(async () => {
      builder = await registerEnterprise(ctx, '重庆建工第三建设有限责任公司', { industry: 'E4710' });
      other = await registerEnterprise(ctx, '重庆某建筑工程有限公司', { industry: 'E4710' });
      first = await openCycle(ctx, { awardCode: 'luban-award', year: 2026, title: '2026年度鲁班奖推荐（项目测试）', quota: { awards: 2 }, panel: { quorum: 3 }, stagePlan: { onsiteReview: false } });
    });

    it('takes two projects of one company in one cycle, each its own application, and refuses the same project twice', async () => {
      const civic = await create(builder, first.id, project('重庆市民中心（一期）')).expect(201);
      const mall = await create(builder, first.id, project('重庆来福士广场')).expect(201);
      ids.civic = civic.body.id;
      ids.mall = mall.body.id;
      expect([civic.body.subjectName, mall.body.subjectName]).toEqual(['重庆市民中心（一期）', '重庆来福士广场']);
      expect(civic.body.form.project.participants).toEqual(project('x').project.participants);

      // The same project, however its name is punctuated, and by whichever company: one active entry.
      for (const [e, name] of [[builder, ' 重庆市民中心(一期)'], [other, '重庆市民中心（一期）']] as const) {
        const again = await create(e, first.id, project(name)).expect(409);
        expect(again.body).toMatchObject({ code: 'ALREADY_APPLIED', message: '该工程项目在此评审周期已有一份申报', applicationId: ids.civic });
      }
      // The same name elsewhere is another project.
      const elsewhere = await create(builder, first.id, project('重庆市民中心（一期）', '重庆市万州区')).expect(201);

      // A draft that names no project yet is the company's one unnamed draft until it does.
      const blank = await create(builder, first.id, {}).expect(201);
      expect(blank.body.subjectName).toBeNull();
      const secondBlank = await create(builder, first.id, {}).expect(409);
      expect(secondBlank.body).toMatchObject({ code: 'ALREADY_APPLIED', applicationId: blank.body.id, message: '该单位在此评审周期已有一份尚未填写工程项目的申报，请先在其中填写工程项目' });
      // Naming a project another application holds is refused, and changes nothing.
      const taken = await save(builder, blank.body.id, project('重庆来福士广场'));
      expect(taken.status).toBe(409);
      expect(taken.body).toMatchObject({ code: 'ALREADY_APPLIED', applicationId: ids.mall });
      expect((await view(blank.body.id)).form).toEqual({});
      expect((await save(builder, blank.body.id, project('重庆国际博览中心'))).status).toBe(200);
      await create(builder, first.id, {}).expect(201);

      // The database holds the rule too: one active application cannot take another's subject.
      const [{ subject_key: civicKey }] = await ctx.dataSource.query(`SELECT subject_key FROM applications WHERE id = $1`, [ids.civic]);
      await expect(ctx.dataSource.query(`UPDATE applications SET subject_key = $2 WHERE id = $1`, [ids.mall, civicKey])).rejects.toMatchObject({ code: '23505', constraint: 'uq_applications_active_subject' });
      // A withdrawn project frees its subject.
      await act(ctx, builder.token, elsewhere.body.id, 'withdraw', { comment: '重复填报' });
      await create(other, first.id, project('重庆市民中心（一期）', '重庆市万州区')).expect(201);
    });

    it('runs both projects: one is selected, the other is not; the 公示 and the office list name the project', async () => {
      for (const id of [ids.civic, ids.mall]) {
        await uploadMaterials(ctx, builder.token, id, ENGINEERING_MATERIALS);
        expect((await act(ctx, builder.token, id, 'submit')).state).toBe('awaiting_endorsement');
        await act(ctx, recommender.token, id, 'endorse');
        await act(ctx, admin, id, 'pass_preliminary_review');
        expect(await stateOf(ctx, id)).toBe('panel');
      }
      await ctx.http.post(`/cycles/${first.id}/panel`).set('Authorization', admin).send({ memberIds: panel.map((m) => m.id) }).expect(200);
      expect((await vote(ids.mall, false)).state).toBe('not_selected');
      expect((await vote(ids.civic, true)).outcome).toMatchObject({ passed: true });

      await waitForState(ctx, ids.civic, 'awaiting_publicity');
      const batch = await publishPublicity(ctx, admin, first.id, [ids.civic]);
      const office = (await ctx.http.get(`/cycles/${first.id}/publicity-batches`).set('Authorization', admin).expect(200)).body;
      expect(office.items[0].entries).toEqual([expect.objectContaining({ applicationId: ids.civic, organizationName: builder.name, subjectName: '重庆市民中心（一期）' })]);
      const published = (await ctx.http.get(`/public/publicity/${batch.id}`).expect(200)).body;
      expect(published.entries).toEqual([{ publicId: batch.entries[0].publicId, organizationName: builder.name, subjectName: '重庆市民中心（一期）' }]);
      await endWindow(ctx, ids.civic, 'publicity_end');
      await waitForState(ctx, ids.civic, 'awaiting_approval');
      await act(ctx, admin, ids.civic, 'approve');

      const list = (await ctx.http.get('/applications').query({ pageSize: 100 }).set('Authorization', admin).expect(200)).body;
      const named = new Map(list.items.map((a: { id: string; subjectName: string | null }) => [a.id, a.subjectName]));
      expect([named.get(ids.civic), named.get(ids.mall)]).toEqual(['重庆市民中心（一期）', '重庆来福士广场']);
    });

    it('next cycle: refuses the project entered and not awarded, and the awarded one, and takes a new project', async () => {
      const next = await openCycle(ctx, { awardCode: 'luban-award', year: 2027, title: '2027年度鲁班奖推荐（项目测试）', quota: { awards: 2 } });
      const reasonsOf = async (form: Record<string, unknown>) => {
        const res = await create(builder, next.id, form).expect(201);
        await uploadMaterials(ctx, builder.token, res.body.id, ENGINEERING_MATERIALS);
        return { id: res.body.id as string, refused: await act(ctx, builder.token, res.body.id, 'submit', {}, 422) };
      };
      const notAwarded = await reasonsOf(project('重庆来福士广场'));
      expect(notAwarded.refused.reasons).toEqual([
        { rule: 'subject_reentry', field: 'form.project.name', reason: '该工程已参加过2026年度鲁班奖（中国建设工程鲁班奖）评选而未获奖，不再列入评选范围' },
      ]);
      expect(await stateOf(ctx, notAwarded.id)).toBe('draft');
      const awarded = await reasonsOf(project('重庆市民中心(一期)'));
      expect(awarded.refused.reasons).toEqual([{ rule: 'subject_reentry', field: 'form.project.name', reason: '该工程已在2026年度鲁班奖（中国建设工程鲁班奖）评选中获奖，不能再次申报' }]);

      // A project never entered goes forward, beside the refused drafts.
      const fresh = await create(builder, next.id, project('重庆江北国际机场T3B航站楼', '重庆市渝北区')).expect(201);
      await uploadMaterials(ctx, builder.token, fresh.body.id, ENGINEERING_MATERIALS);
      expect((await act(ctx, builder.token, fresh.body.id, 'submit')).state).toBe('awaiting_endorsement');
    });
  });

  it('重庆名牌产品: three products of one enterprise, each its own application, recognised one by one and named in the 表彰名单', async () => {
    const cycle = await openCycle(ctx, {
      awardCode: 'cq-famous-brand-product',
      year: 2026,
      title: '2026年度重庆名牌产品认定（产品测试）',
      quota: { awards: 10 },
      stagePlan: { expertReview: false },
      durationOverrides: { publicity: 'PT1H' },
    });
    const maker = await registerEnterprise(ctx, '重庆陈昌银食品有限公司', { industry: 'C1419' });
    const brand = { name: '陈昌银', foundedYear: 1876, category: '传统食品' };
    const product = (name: string, specifications: string) => ({ brand, product: { name, trademark: '陈昌银', specifications, batchProductionSince: '2015-01-01', annualOutput: 1200, outputUnit: '吨', annualSales: 8600 } });
    const names = ['原味麻花', '椒盐麻花', '蜂蜜麻花'];
    const ids: string[] = [];
    for (const name of names) {
      const res = await create(maker, cycle.id, product(name, '250g/袋')).expect(201);
      ids.push(res.body.id);
    }
    const twice = await create(maker, cycle.id, product('原味 麻花', '500g/袋')).expect(409);
    expect(twice.body).toMatchObject({ code: 'ALREADY_APPLIED', message: '该产品在此评审周期已有一份申报', applicationId: ids[0] });
    // Another enterprise's product of the same name is its own.
    const rival = await registerEnterprise(ctx, '重庆磁器口麻花有限公司', { industry: 'C1419' });
    await create(rival, cycle.id, { brand: { ...brand, name: '磁器口' }, product: product('原味麻花', '300g/袋').product }).expect(201);

    for (const id of ids) {
      await uploadMaterials(ctx, maker.token, id, BRAND_MATERIALS);
      await act(ctx, maker.token, id, 'submit');
      await act(ctx, recommender.token, id, 'endorse');
      await act(ctx, admin, id, 'pass_formal_review');
      await waitForState(ctx, id, 'awaiting_publicity');
    }
    const batch = await publishPublicity(ctx, admin, cycle.id, ids);
    const published = (await ctx.http.get(`/public/publicity/${batch.id}`).expect(200)).body;
    expect(published.entries.map((e: { subjectName: string }) => e.subjectName).sort()).toEqual([...names].sort());
    for (const id of ids) {
      await endWindow(ctx, id, 'publicity_end');
      await waitForState(ctx, id, 'awaiting_approval');
    }
    // Recognition is per product: the office recognises two, and the third stays undecided.
    for (const id of ids.slice(0, 2)) expect((await act(ctx, admin, id, 'approve')).state).toBe('recognised');
    expect(await stateOf(ctx, ids[2])).toBe('awaiting_approval');
    const certificates = await ctx.dataSource.query(`SELECT application_id, number FROM certificates WHERE cycle_id = $1`, [cycle.id]);
    expect(certificates.map((c: { application_id: string }) => c.application_id).sort()).toEqual(ids.slice(0, 2).sort());
    // The certificate names the product it recognises, on the public verification too.
    const first = certificates.find((c: { application_id: string }) => c.application_id === ids[0]);
    expect((await ctx.http.get(`/public/certificates/${encodeURIComponent(first.number)}`).expect(200)).body.certificate).toMatchObject({ organizationName: maker.name, subjectName: '原味麻花' });

    await ctx.http
      .put(`/cycles/${cycle.id}/award-decision`)
      .set('Authorization', admin)
      .field('title', '关于认定2026年度重庆名牌产品的通知')
      .field('documentNumber', '渝市监发〔2026〕8号')
      .field('decidedOn', '2026-03-01')
      .attach('file', samplePdf('decision'), { filename: '认定通知.pdf', contentType: 'application/pdf' })
      .expect(200);
    const [{ region_code: division }] = await ctx.dataSource.query(`SELECT o.region_code FROM offices o JOIN cycles c ON c.office_id = o.id WHERE c.id = $1`, [cycle.id]);
    const results = (await ctx.http.get(`/public/offices/${division}/results`).expect(200)).body;
    const item = results.items.find((i: { awardName: string; year: number }) => i.awardName === '重庆名牌产品' && i.year === 2026);
    expect(item.winners.map((w: { organizationName: string; subjectName: string }) => [w.organizationName, w.subjectName]).sort()).toEqual([
      [maker.name, '原味麻花'],
      [maker.name, '椒盐麻花'],
    ]);
  });

  it('区长质量管理奖 still takes one active application per organisation and cycle', async () => {
    const cycle = await openCycle(ctx, { year: 2026, title: '2026年度渝中区区长质量管理奖（单位测试）' });
    const firm = await registerEnterprise(ctx, '重庆渝中精工机械有限公司');
    const created = await create(firm, cycle.id, qualityForm()).expect(201);
    expect(created.body.subjectName).toBeNull();
    const second = await create(firm, cycle.id, {}).expect(409);
    expect(second.body).toMatchObject({ code: 'ALREADY_APPLIED', message: '该单位在此评审周期已有一份申报', applicationId: created.body.id });
    await act(ctx, firm.token, created.body.id, 'withdraw', { comment: '材料需重新准备' });
    await create(firm, cycle.id, qualityForm()).expect(201);
    await create(firm, cycle.id, qualityForm()).expect(409);
  });
});
