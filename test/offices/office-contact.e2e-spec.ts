import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { registerEnterprise } from '../support/award-fixtures';
import { createUser, startTestApp, TestContext } from '../support/test-app';

/** Who an enterprise calls at the office: set by the office's admin, read by anyone signed in. */
describe("an office's contact", () => {
  let ctx: TestContext;
  let admin: string;
  let yuzhong: string;
  let otherOffice: string;

  beforeAll(async () => {
    ctx = await startTestApp();
    admin = await ctx.adminToken();
    const offices: Array<{ id: string; code: string }> = await ctx.dataSource.query(`SELECT id, code FROM offices`);
    yuzhong = offices.find((o) => o.code === 'CQ-YZ')!.id;
    otherOffice = (await ctx.http.post('/offices').set('Authorization', admin).send({ name: '大渡口区市场监督管理局', code: 'CQ-DDK2', divisionCode: '500104', parentId: offices.find((o) => o.code === 'CQ')!.id }).expect(201)).body.id;
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('is empty until the office sets it, then an enterprise reads it', async () => {
    const enterprise = await registerEnterprise(ctx, '重庆联系测试有限公司');
    const before = (await ctx.http.get(`/offices/${yuzhong}/contact`).set('Authorization', enterprise.token).expect(200)).body;
    expect(before).toMatchObject({ officeId: yuzhong, unit: null, phone: null });
    expect(before.officeName).toMatch(/渝中区/);
    await ctx.http.put(`/offices/${yuzhong}/contact`).set('Authorization', admin).send({ contactUnit: '质量发展科', contactPhone: '023-63001234', contactEmail: 'zlk@yuzhong.example.cn' }).expect(200);
    const after = (await ctx.http.get(`/offices/${yuzhong}/contact`).set('Authorization', enterprise.token).expect(200)).body;
    expect(after).toMatchObject({ unit: '质量发展科', phone: '023-63001234', address: null, email: 'zlk@yuzhong.example.cn' });
  });

  it('refuses a bad phone in Chinese naming the field, an enterprise setting it, and an admin of an office it does not manage', async () => {
    const bad = await ctx.http.put(`/offices/${yuzhong}/contact`).set('Authorization', admin).send({ contactUnit: '质量发展科', contactPhone: 'call me' }).expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'contactPhone', label: '联系电话', messages: ['电话号码格式不正确'] })]);
    const enterprise = await registerEnterprise(ctx, '重庆越权测试有限公司');
    await ctx.http.put(`/offices/${yuzhong}/contact`).set('Authorization', enterprise.token).send({ contactUnit: '质量发展科', contactPhone: '023-63001234' }).expect(403);
    const districtAdmin = await createUser(ctx, { username: `ddkadmin${Date.now().toString(36)}`, role: 'admin', officeIds: [otherOffice] });
    await ctx.http.put(`/offices/${yuzhong}/contact`).set('Authorization', districtAdmin.token).send({ contactUnit: '质量发展科', contactPhone: '023-63001234' }).expect(404);
  });
});
