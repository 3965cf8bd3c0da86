import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { isReadableChinese } from '@awardflow/rules';
import { openCycle, qualityForm, readyApplication, registerEnterprise, Enterprise } from '../support/award-fixtures';
import { createUser, startTestApp, TestContext } from '../support/test-app';

interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  errors?: Array<{ field: string; label: string; messages: string[] }>;
  [extra: string]: unknown;
}

/** What a person reading the answer sees: Chinese, no English sentence, no API field path. */
function expectReadable(body: ErrorBody): void {
  expect(typeof body.message).toBe('string');
  expect(isReadableChinese(body.message)).toBe(true);
  expect(body.message).not.toMatch(/[A-Za-z]+\.[A-Za-z]+/); // a path like contact.phone or form.selfAssessment.results
  for (const e of body.errors ?? []) {
    // A field the API does not know is quoted as the client sent it.
    expect(isReadableChinese(e.label) || /^“[^”]+”$/.test(e.label)).toBe(true);
    for (const m of e.messages) expect(isReadableChinese(m)).toBe(true);
  }
}

describe('the refusals an enterprise meets are worded in Chinese, each with its own code', () => {
  let ctx: TestContext;
  let cycleId: string;
  let acme: Enterprise;
  let other: Enterprise;

  beforeAll(async () => {
    ctx = await startTestApp();
    cycleId = (await openCycle(ctx)).id;
    acme = await registerEnterprise(ctx, '重庆错误提示测试有限公司');
    other = await registerEnterprise(ctx, '重庆另一家测试有限公司');
  });
  afterAll(() => ctx.close());

  it('names every bad field of POST /applications by its Chinese label', async () => {
    const res = await ctx.http
      .post('/applications')
      .set('Authorization', acme.token)
      .send({ cycleId: 'not-a-cycle', organizationId: 'not-an-organisation', form: 'my form', extra: 1 })
      .expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expectReadable(res.body);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'cycleId', label: '评审周期', messages: ['须为有效的编号'] },
        { field: 'organizationId', label: '申报单位', messages: ['须为有效的编号'] },
        { field: 'form', label: '申报书', messages: ['须为对象'] },
        { field: 'extra', label: '“extra”', messages: ['不是可以填写的字段'] },
      ]),
    );
    expect(res.body.message).toContain('申报单位：须为有效的编号');
  });

  it('names a form field by its label, not by its path', async () => {
    const res = await ctx.http
      .post('/applications')
      .set('Authorization', acme.token)
      .send({ cycleId, form: qualityForm({ selfAssessment: { ...qualityForm().selfAssessment, results: 42 } }) })
      .expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expectReadable(res.body);
    expect(res.body.errors).toEqual([{ field: 'form.selfAssessment.results', label: '自评报告·结果', messages: ['须填写文字'] }]);
    expect(res.body.message).toBe('自评报告·结果：须填写文字');
  });

  it('names every bad field of POST /organizations, nested ones included', async () => {
    const user = await createUser(ctx, { username: 'errors.new', role: 'applicant' });
    const res = await ctx.http
      .post('/organizations')
      .set('Authorization', user.token)
      .send({ name: '测试有限公司', uscc: '91350100M000100Y44', regionCode: '5001', address: '渝中区', legalRepresentative: '李四', contact: { name: '李四', phone: 'call me', email: 'nope' }, foundedAt: '1 March 2010', industry: 'C3825' })
      .expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expectReadable(res.body);
    const labelled = Object.fromEntries((res.body.errors as ErrorBody['errors'])!.map((e) => [e.field, `${e.label}：${e.messages.join('，')}`]));
    expect(labelled).toMatchObject({
      regionCode: '行政区划代码：须为 6 位数字（如 500103 渝中区）',
      'contact.phone': '联系电话：格式不正确（如 023-63000000）',
      'contact.email': '联系邮箱：格式不正确',
      foundedAt: '成立日期：须为日期（YYYY-MM-DD）',
    });
    expect(res.body.message).toContain('联系电话：格式不正确（如 023-63000000）');
  });

  describe('on an application', () => {
    let applicationId: string;

    beforeAll(async () => {
      applicationId = await readyApplication(ctx, acme, cycleId);
    });

    it('refuses a second application in the cycle with ALREADY_APPLIED, pointing at the first', async () => {
      const res = await ctx.http.post('/applications').set('Authorization', acme.token).send({ cycleId }).expect(409);
      expect(res.body).toMatchObject({ code: 'ALREADY_APPLIED', applicationId, message: '该单位在此评审周期已有一份申报' });
      expectReadable(res.body);
    });

    it('answers a stale version with VERSION_CONFLICT and the state it is in now', async () => {
      await ctx.http.post(`/applications/${applicationId}/actions/submit`).set('Authorization', acme.token).set('If-Match', '1').send({}).expect(200);
      const res = await ctx.http.post(`/applications/${applicationId}/actions/withdraw`).set('Authorization', acme.token).set('If-Match', '1').send({ comment: '撤回' }).expect(409);
      expect(res.body).toMatchObject({ code: 'VERSION_CONFLICT', currentState: 'submitted', currentStateLabel: '已提交', message: '其他人已先一步操作，该申报现为「已提交」，请刷新后再办理' });
      expectReadable(res.body);
    });

    it('refuses to edit a submitted form with FORM_NOT_EDITABLE', async () => {
      const res = await ctx.http.patch(`/applications/${applicationId}`).set('Authorization', acme.token).send({ form: qualityForm() }).expect(409);
      expect(res.body).toMatchObject({ code: 'FORM_NOT_EDITABLE', stateLabel: '已提交', message: '只有草稿或待补正的申报可以修改申报书；该申报现为「已提交」' });
      expectReadable(res.body);
    });

    it('refuses an action the state does not allow with TRANSITION_NOT_ALLOWED, naming state and action in Chinese', async () => {
      await ctx.http.post(`/applications/${applicationId}/actions/withdraw`).set('Authorization', acme.token).send({ comment: '今年不参评' }).expect(200);
      const res = await ctx.http.post(`/applications/${applicationId}/actions/withdraw`).set('Authorization', acme.token).send({ comment: '再撤一次' }).expect(409);
      expect(res.body).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED', state: 'withdrawn', stateLabel: '已撤回', action: 'withdraw' });
      expect(res.body.message).toMatch(/^该申报现为「已撤回」，不能办理「.+」$/);
      expectReadable(res.body);
    });

    it('says NOT_FOUND in Chinese for an application that is not there or not yours', async () => {
      for (const [token, id] of [
        [acme.token, '6c1f4f7e-2d0a-4c59-9a55-1f1f1f1f1f1f'],
        [other.token, applicationId],
      ]) {
        const res = await ctx.http.get(`/applications/${id}`).set('Authorization', token).expect(404);
        expect(res.body).toMatchObject({ code: 'NOT_FOUND', entity: 'application', message: '未找到该申报，或您无权查看' });
        expectReadable(res.body);
      }
    });
  });

  it('words the framework\'s own refusals in Chinese too: no route, a malformed id, no sign-in', async () => {
    // A GET outside the API is the console's (SPA fallback): a POST reaches the framework's 404.
    const noRoute = await ctx.http.post('/no-such-route').set('Authorization', acme.token).send({}).expect(404);
    expect(noRoute.body.code).toBe('NOT_FOUND');
    expectReadable(noRoute.body);
    const badId = await ctx.http.get('/applications/not-a-uuid').set('Authorization', acme.token).expect(400);
    expect(badId.body.code).toBe('VALIDATION_FAILED');
    expectReadable(badId.body);
    const anonymous = await ctx.http.get('/applications').expect(401);
    expect(anonymous.body).toMatchObject({ code: 'UNAUTHENTICATED', message: '请先登录' });
  });
});
