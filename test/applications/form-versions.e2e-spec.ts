import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openCycle, qualityForm, readyApplication, registerEnterprise } from '../support/award-fixtures';
import { startTestApp, TestContext } from '../support/test-app';

/** A saved form is a write like any other: a new version, guarded by If-Match, announced as the ETag. */
describe('form saves and versions', () => {
  let ctx: TestContext;
  let cycleId: string;

  beforeAll(async () => {
    ctx = await startTestApp();
    cycleId = (await openCycle(ctx)).id;
  });
  afterAll(() => ctx.close());

  const draftOf = async (name: string) => {
    const enterprise = await registerEnterprise(ctx, name);
    const created = await ctx.http.post('/applications').set('Authorization', enterprise.token).send({ cycleId, form: { selfAssessment: { leadership: '草稿' } } }).expect(201);
    return { enterprise, id: created.body.id as string, created };
  };

  it('lets exactly one of two concurrent saves of the same version through; the other is 409 and its form is not kept', async () => {
    const { enterprise, id } = await draftOf('重庆并发保存有限公司');
    const forms = [qualityForm({ keyResults: [{ indicator: '甲', value: 1, unit: '%', year: 2025 }] }), qualityForm({ keyResults: [{ indicator: '乙', value: 2, unit: '%', year: 2025 }] })];
    const results = await Promise.all(forms.map((form) => ctx.http.patch(`/applications/${id}`).set('Authorization', enterprise.token).set('If-Match', '1').send({ form })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const [won] = results.filter((r) => r.status === 200);
    const [lost] = results.filter((r) => r.status === 409);
    expect(lost.body).toMatchObject({ code: 'VERSION_CONFLICT', currentState: 'draft', currentVersion: 2 });
    const after = await ctx.http.get(`/applications/${id}`).set('Authorization', enterprise.token).expect(200);
    expect(after.body.version).toBe(2);
    expect(after.body.form).toEqual(won.body.form);
    // A save is no transition: the history still shows only the creation.
    const history = await ctx.http.get(`/applications/${id}/history`).set('Authorization', enterprise.token).expect(200);
    expect(history.body.entries.map((e: { action: string }) => e.action)).toEqual(['create']);
    expect(history.body.chainValid).toBe(true);
  });

  it('refuses a save that sends a version already saved over, and keeps the newer form', async () => {
    const { enterprise, id } = await draftOf('重庆过期保存有限公司');
    await ctx.http.patch(`/applications/${id}`).set('Authorization', enterprise.token).set('If-Match', '1').send({ form: qualityForm() }).expect(200);
    const stale = await ctx.http.patch(`/applications/${id}`).set('Authorization', enterprise.token).set('If-Match', '1').send({ form: {} }).expect(409);
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 2 });
    const after = await ctx.http.get(`/applications/${id}`).set('Authorization', enterprise.token).expect(200);
    expect(after.body.form).toEqual(qualityForm());
  });

  it("answers every write and read of an application with its version as the ETag, never stored", async () => {
    const { enterprise, id, created } = await draftOf('重庆版本标签有限公司');
    expect(created.headers.etag).toBe('"1"');
    const patched = await ctx.http.patch(`/applications/${id}`).set('Authorization', enterprise.token).set('If-Match', created.headers.etag).send({ form: qualityForm() }).expect(200);
    expect(patched.body.version).toBe(2);
    expect(patched.headers.etag).toBe(`"${patched.body.version}"`);
    expect(patched.headers['cache-control']).toBe('no-store');
    const read = await ctx.http.get(`/applications/${id}`).set('Authorization', enterprise.token).expect(200);
    expect(read.headers.etag).toBe('"2"');
    // Saving the same form again is still a new version.
    const again = await ctx.http.patch(`/applications/${id}`).set('Authorization', enterprise.token).set('If-Match', patched.headers.etag).send({ form: qualityForm() }).expect(200);
    expect(again.headers.etag).toBe('"3"');
    const withdrawn = await ctx.http.post(`/applications/${id}/actions/withdraw`).set('Authorization', enterprise.token).set('If-Match', again.headers.etag).send({ comment: '今年不参评' }).expect(200);
    expect(withdrawn.body.version).toBe(4);
    expect(withdrawn.headers.etag).toBe('"4"');
    expect(withdrawn.headers['cache-control']).toBe('no-store');
  });

  it('refuses a submit with the version from before a save, and takes it with the version the save answered', async () => {
    const enterprise = await registerEnterprise(ctx, '重庆保存后提交有限公司');
    const id = await readyApplication(ctx, enterprise, cycleId);
    const patched = await ctx.http.patch(`/applications/${id}`).set('Authorization', enterprise.token).set('If-Match', '1').send({ form: qualityForm() }).expect(200);
    const stale = await ctx.http.post(`/applications/${id}/actions/submit`).set('Authorization', enterprise.token).set('If-Match', '1').send({}).expect(409);
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', currentState: 'draft', currentVersion: 2 });
    expect((await ctx.http.get(`/applications/${id}`).set('Authorization', enterprise.token).expect(200)).body).toMatchObject({ state: 'draft', receiptNumber: null });
    const submitted = await ctx.http.post(`/applications/${id}/actions/submit`).set('Authorization', enterprise.token).set('If-Match', patched.headers.etag).send({}).expect(200);
    expect(submitted.body).toMatchObject({ state: 'submitted', version: 3 });
    expect(submitted.headers.etag).toBe('"3"');
  });

  it('refuses a save racing a submit: the form that was submitted is the form kept', async () => {
    const enterprise = await registerEnterprise(ctx, '重庆提交竞争有限公司');
    const id = await readyApplication(ctx, enterprise, cycleId);
    const [submit, save] = await Promise.all([
      ctx.http.post(`/applications/${id}/actions/submit`).set('Authorization', enterprise.token).send({}),
      ctx.http.patch(`/applications/${id}`).set('Authorization', enterprise.token).send({ form: qualityForm({ keyResults: [] }) }),
    ]);
    expect(submit.status).toBe(200);
    const after = await ctx.http.get(`/applications/${id}`).set('Authorization', enterprise.token).expect(200);
    if (save.status === 200) {
      // The save came first: the submit took the saved form and the next version.
      expect(after.body).toMatchObject({ state: 'submitted', version: 3, form: qualityForm({ keyResults: [] }) });
    } else {
      expect(save.status).toBe(409);
      expect(after.body).toMatchObject({ state: 'submitted', version: 2, form: qualityForm() });
    }
  });
});
