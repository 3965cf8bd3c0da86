import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sampleExe, samplePdf } from '../../libs/applications/src/testing/material-fixtures';
import { openCycle, qualityForm, readyApplication, registerEnterprise, uploadMaterials, validUscc, Enterprise } from '../support/award-fixtures';
import { createUser, startTestApp, TestContext } from '../support/test-app';

describe('enterprise applications over HTTP', () => {
  let ctx: TestContext;
  let admin: string;
  let cycleId: string;
  let acme: Enterprise;
  let other: Enterprise;

  beforeAll(async () => {
    ctx = await startTestApp();
    admin = await ctx.adminToken();
    cycleId = (await openCycle(ctx)).id;
    acme = await registerEnterprise(ctx, '重庆渝中精工机械有限公司');
    other = await registerEnterprise(ctx, '重庆山城电子科技有限公司');
  });
  afterAll(() => ctx.close());

  describe('organisations', () => {
    it('refuses an invalid credit code with 400 naming the field, and a duplicate with 409', async () => {
      const user = await createUser(ctx, { username: 'new.ent', role: 'applicant' });
      const body = { name: '测试有限公司', regionCode: '500103', address: '渝中区', legalRepresentative: '李四', contact: { name: '李四', phone: '13800000000' }, foundedAt: '2015-01-01', industry: 'C3825' };
      const bad = await ctx.http.post('/organizations').set('Authorization', user.token).send({ ...body, uscc: '91350100M000100Y44' }).expect(400);
      expect(bad.body.errors).toEqual([{ field: 'uscc', label: '统一社会信用代码', messages: ['校验位错误（按前 17 位应为 3）'] }]);
      expect(bad.body.message).toBe('统一社会信用代码：校验位错误（按前 17 位应为 3）');
      const dup = await ctx.http.post('/organizations').set('Authorization', user.token).send({ ...body, uscc: acme.uscc }).expect(409);
      expect(dup.body).toMatchObject({ code: 'USCC_TAKEN', uscc: acme.uscc, message: `统一社会信用代码 ${acme.uscc} 已登记` });
      const lower = await ctx.http.post('/organizations').set('Authorization', user.token).send({ ...body, uscc: '91350100m000100y43' }).expect(400); // a valid code (91350100M000100Y43) in lower case: a random one may have no letter to lower
      expect(lower.body.errors[0].field).toBe('uscc');
    });

    it('lets an admin register a real code that fails the check, with the reason in the audit trail', async () => {
      const res = await ctx.http
        .post('/organizations')
        .set('Authorization', admin)
        .send({ name: '老厂历史编码公司', uscc: '91350100M000100Y44', usccOverrideReason: '营业执照原件核验，历史赋码错误', regionCode: '500103', address: '渝中区', legalRepresentative: '赵六', contact: { name: '赵六', phone: '13800000001' }, foundedAt: '1990-01-01', industry: 'C1511' })
        .expect(201);
      expect(res.body.usccOverridden).toBe(true);
      const audit = await ctx.dataSource.query(`SELECT action, details FROM audit_events WHERE entity_id = $1`, [res.body.id]);
      expect(audit).toEqual([{ action: 'uscc_check_overridden', details: expect.objectContaining({ reason: '营业执照原件核验，历史赋码错误' }) }]);
    });

    it('shows an applicant only its own organisation', async () => {
      await ctx.http.get(`/organizations/${acme.organizationId}`).set('Authorization', acme.token).expect(200);
      await ctx.http.get(`/organizations/${acme.organizationId}`).set('Authorization', other.token).expect(404);
    });
  });

  describe('draft to submitted', () => {
    it('creates a draft, edits it, uploads materials, submits with a receipt number and a history entry', async () => {
      const created = await ctx.http.post('/applications').set('Authorization', acme.token).send({ cycleId, form: { selfAssessment: { leadership: '草稿' } } }).expect(201);
      expect(created.body).toMatchObject({ state: 'draft', stateLabel: '草稿', version: 1, receiptNumber: null });
      expect(created.body.availableActions.map((a: { action: string }) => a.action)).toEqual(['submit', 'withdraw']);
      const id = created.body.id;

      await ctx.http.post('/applications').set('Authorization', acme.token).send({ cycleId }).expect(409);
      const patched = await ctx.http.patch(`/applications/${id}`).set('Authorization', acme.token).send({ form: qualityForm() }).expect(200);
      expect(patched.body.form.selfAssessment.strategy).toContain('卓越绩效');
      await uploadMaterials(ctx, acme.token, id);

      // The save was a new version: the submit sends the one it answered.
      expect(patched.body.version).toBe(2);
      const submitted = await ctx.http.post(`/applications/${id}/actions/submit`).set('Authorization', acme.token).set('If-Match', patched.headers.etag).send({}).expect(200);
      expect(submitted.body).toMatchObject({ state: 'submitted', version: 3 });
      expect(submitted.body.receiptNumber).toMatch(/^\d{4}-DMQ-0001$/);
      const history = await ctx.http.get(`/applications/${id}/history`).set('Authorization', acme.token).expect(200);
      expect(history.body.chainValid).toBe(true);
      expect(history.body.entries.map((e: { action: string }) => e.action)).toEqual(['create', 'submit']);
      const outbox = await ctx.dataSource.query(`SELECT event, payload->'params'->>'template' AS template FROM outbox o JOIN applications a ON a.instance_id = o.instance_id WHERE a.id = $1`, [id]);
      expect(outbox).toEqual([{ event: 'notify', template: 'application_submitted' }]);
      await ctx.http.patch(`/applications/${id}`).set('Authorization', acme.token).send({ form: qualityForm() }).expect(409);
    });

    it('reports every bad field of a form', async () => {
      const res = await ctx.http
        .post('/applications')
        .set('Authorization', other.token)
        .send({ cycleId, form: { selfAssessment: { leadership: 42, strategy: 'x'.repeat(30_001) }, keyResults: [{ indicator: '', value: 'high', unit: '%', year: 1900 }], colour: 'red' } })
        .expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(
        ['form.colour', 'form.keyResults.0.indicator', 'form.keyResults.0.value', 'form.keyResults.0.year', 'form.selfAssessment', 'form.selfAssessment.leadership'].sort(),
      );
    });
  });

  describe('submission checks', () => {
    it('refuses a submit with a missing document, listing it, and changes nothing', async () => {
      const enterprise = await registerEnterprise(ctx, '重庆缺件实业有限公司');
      const created = await ctx.http.post('/applications').set('Authorization', enterprise.token).send({ cycleId, form: qualityForm() }).expect(201);
      await uploadMaterials(ctx, enterprise.token, created.body.id, ['application_form', 'self_assessment_report', 'business_license']);
      const res = await ctx.http.post(`/applications/${created.body.id}/actions/submit`).set('Authorization', enterprise.token).send({}).expect(422);
      expect(res.body.code).toBe('INELIGIBLE');
      expect(res.body.reasons).toEqual([{ rule: 'documents', reason: '缺少申报材料：无重大质量、安全、环保事故承诺书' }]);
      const after = await ctx.http.get(`/applications/${created.body.id}`).set('Authorization', enterprise.token).expect(200);
      expect(after.body).toMatchObject({ state: 'draft', version: 1, receiptNumber: null });
    });

    it('refuses a blacklisted organisation with every reason, and changes nothing', async () => {
      const enterprise = await registerEnterprise(ctx, '重庆失信商贸有限公司', { foundedAt: '2024-01-01' });
      const id = await readyApplication(ctx, enterprise, cycleId);
      await ctx.http.post(`/admin/organizations/${enterprise.organizationId}/records`).set('Authorization', admin).send({ kind: 'blacklist', reason: '列入严重违法失信名单', from: '2025-01-01' }).expect(201);
      const res = await ctx.http.post(`/applications/${id}/actions/submit`).set('Authorization', enterprise.token).send({}).expect(422);
      expect(res.body.reasons.map((r: { rule: string }) => r.rule)).toEqual(['min_operating_years', 'not_blacklisted']);
      expect(res.body.reasons[1].reason).toBe('列入市场监督管理严重违法失信名单：列入严重违法失信名单');
      const after = await ctx.http.get(`/applications/${id}`).set('Authorization', enterprise.token).expect(200);
      expect(after.body.state).toBe('draft');
      const blacklist = await ctx.http.get('/admin/blacklist').set('Authorization', admin).expect(200);
      expect(blacklist.body.items.map((b: { organizationName: string }) => b.organizationName)).toContain('重庆失信商贸有限公司');
      // Calendar days, as entered: never a timestamp that a time zone can move to the day before.
      expect(blacklist.body.items.find((b: { organizationName: string }) => b.organizationName === '重庆失信商贸有限公司')).toMatchObject({ from: '2025-01-01', until: null, occurredAt: null });
    });
  });

  describe('access and materials', () => {
    let applicationId: string;
    let owner: Enterprise;
    beforeAll(async () => {
      owner = await registerEnterprise(ctx, '重庆材料测试有限公司');
      applicationId = await readyApplication(ctx, owner, cycleId);
    });

    it('gives another organisation\'s applicant 404 on the application and its attachments', async () => {
      await ctx.http.get(`/applications/${applicationId}`).set('Authorization', other.token).expect(404);
      await ctx.http.get(`/applications/${applicationId}/attachments`).set('Authorization', other.token).expect(404);
      await ctx.http.get(`/applications/${applicationId}/history`).set('Authorization', other.token).expect(404);
      await ctx.http.post(`/applications/${applicationId}/actions/withdraw`).set('Authorization', other.token).send({ comment: 'x' }).expect(404);
      const [first] = (await ctx.http.get(`/applications/${applicationId}/attachments`).set('Authorization', owner.token).expect(200)).body;
      await ctx.http.get(`/applications/${applicationId}/attachments/${first.id}/content`).set('Authorization', other.token).expect(404);
      const download = await ctx.http.get(`/applications/${applicationId}/attachments/${first.id}/content`).set('Authorization', owner.token).expect(200);
      expect(download.headers['content-type']).toBe('application/pdf');
      expect(download.headers['x-content-type-options']).toBe('nosniff');
      expect(download.headers['content-disposition']).toContain("filename*=UTF-8''");
      expect(Buffer.from(download.body).subarray(0, 5).toString()).toBe('%PDF-');
      const list = await ctx.http.get(`/applications?cycleId=${cycleId}`).set('Authorization', other.token).expect(200);
      expect(list.body.items.every((a: { organization: { id: string } }) => a.organization.id === other.organizationId)).toBe(true);
    });

    it('refuses an oversized file and an executable renamed .pdf', async () => {
      const big = await ctx.http
        .post(`/applications/${applicationId}/attachments`)
        .set('Authorization', owner.token)
        .field('documentType', 'application_form')
        .attach('file', Buffer.concat([samplePdf(), Buffer.alloc(20 * 1024 * 1024)]), { filename: 'big.pdf', contentType: 'application/pdf' });
      expect(big.status).toBe(413);
      // multer stops the upload at the limit, before the service: the framework's 413, worded in Chinese.
      expect(big.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: '提交的内容过大' });
      const exe = await ctx.http
        .post(`/applications/${applicationId}/attachments`)
        .set('Authorization', owner.token)
        .field('documentType', 'application_form')
        .attach('file', sampleExe(), { filename: '申报书.pdf', contentType: 'application/pdf' })
        .expect(415);
      expect(exe.body).toMatchObject({ code: 'FILE_TYPE_NOT_ACCEPTED', detected: 'Windows 可执行程序', message: '只接受 PDF、JPG、PNG、DOCX、XLSX 文件；检测到该文件为：Windows 可执行程序' });
      const count = await ctx.dataSource.query(`SELECT count(*)::int AS n FROM attachments WHERE application_id = $1`, [applicationId]);
      expect(count[0].n).toBe(4);
    });
  });

  describe('concurrency', () => {
    it('lets exactly one of two concurrent submits of one application through', async () => {
      const enterprise = await registerEnterprise(ctx, '重庆并发提交有限公司');
      const id = await readyApplication(ctx, enterprise, cycleId);
      const results = await Promise.all([0, 1].map(() => ctx.http.post(`/applications/${id}/actions/submit`).set('Authorization', enterprise.token).send({})));
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const history = await ctx.http.get(`/applications/${id}/history`).set('Authorization', enterprise.token).expect(200);
      expect(history.body.entries.filter((e: { action: string }) => e.action === 'submit')).toHaveLength(1);
    });

    it('keeps receipt numbers gap-free under 20 concurrent submits in one cycle', async () => {
      const fresh = (await openCycle(ctx)).id;
      const ids: Array<{ id: string; token: string }> = [];
      for (let i = 0; i < 20; i++) {
        const enterprise = await registerEnterprise(ctx, `重庆编号测试${i}号有限公司`);
        ids.push({ id: await readyApplication(ctx, enterprise, fresh), token: enterprise.token });
      }
      const results = await Promise.all(ids.map(({ id, token }) => ctx.http.post(`/applications/${id}/actions/submit`).set('Authorization', token).send({})));
      expect(results.every((r) => r.status === 200)).toBe(true);
      const numbers = results.map((r) => Number(r.body.receiptNumber.split('-')[2])).sort((a, b) => a - b);
      expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    });
  });

  describe('withdrawal and closing', () => {
    it('withdraws with a reason (and refuses without one); the organisation may then apply again', async () => {
      const enterprise = await registerEnterprise(ctx, '重庆撤回测试有限公司');
      const id = await readyApplication(ctx, enterprise, cycleId);
      const noReason = await ctx.http.post(`/applications/${id}/actions/withdraw`).set('Authorization', enterprise.token).send({}).expect(400);
      expect(noReason.body.errors[0].field).toBe('comment');
      const res = await ctx.http.post(`/applications/${id}/actions/withdraw`).set('Authorization', enterprise.token).send({ comment: '今年不参评' }).expect(200);
      expect(res.body).toMatchObject({ state: 'withdrawn', stateLabel: '已撤回', terminal: true, availableActions: [] });
      await ctx.http.post('/applications').set('Authorization', enterprise.token).send({ cycleId }).expect(201);
    });

    it('answers a stale If-Match with 409 and the current state', async () => {
      const enterprise = await registerEnterprise(ctx, '重庆版本冲突有限公司');
      const id = await readyApplication(ctx, enterprise, cycleId);
      await ctx.http.post(`/applications/${id}/actions/submit`).set('Authorization', enterprise.token).set('If-Match', '1').send({}).expect(200);
      const stale = await ctx.http.post(`/applications/${id}/actions/withdraw`).set('Authorization', enterprise.token).set('If-Match', '1').send({ comment: '撤回' }).expect(409);
      expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', currentState: 'submitted', currentVersion: 2, message: '其他人已先一步操作，该申报现为「已提交」，请刷新后再办理' });
    });

    it('closing the cycle moves submitted applications into formal review and expires drafts', async () => {
      const cycle = (await openCycle(ctx)).id;
      const a = await registerEnterprise(ctx, '重庆截止提交有限公司');
      const b = await registerEnterprise(ctx, '重庆截止草稿有限公司');
      const submittedId = await readyApplication(ctx, a, cycle);
      await ctx.http.post(`/applications/${submittedId}/actions/submit`).set('Authorization', a.token).send({}).expect(200);
      const draft = await ctx.http.post('/applications').set('Authorization', b.token).send({ cycleId: cycle }).expect(201);
      const closed = await ctx.http.post(`/cycles/${cycle}/close`).set('Authorization', admin).expect(200);
      expect(closed.body).toMatchObject({ movedToReview: 1, expired: 1 });
      expect((await ctx.http.get(`/applications/${submittedId}`).set('Authorization', admin).expect(200)).body.state).toBe('formal_review');
      expect((await ctx.http.get(`/applications/${draft.body.id}`).set('Authorization', b.token).expect(200)).body.state).toBe('expired');
      await ctx.http.post('/applications').set('Authorization', b.token).send({ cycleId: cycle }).expect(409);
      await ctx.http.patch(`/cycles/${cycle}`).set('Authorization', admin).send({ eligibility: [] }).expect(409);
    });
  });
});
