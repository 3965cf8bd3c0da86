import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { seedOffices } from '../../libs/identity/src/seed/seed-offices';
import { openCycle, readyApplication, registerEnterprise } from '../support/award-fixtures';
import { createUser, startTestApp, TestContext } from '../support/test-app';

const PASSWORD = 'user-password-1';

/** The office tree: the city and its 区县 from the seed, offices an admin creates, and who belongs where. */
describe('offices', () => {
  let ctx: TestContext;
  let admin: string;
  let city: string;
  let yuzhong: string;
  const byDivision = new Map<string, string>();

  beforeAll(async () => {
    ctx = await startTestApp();
    admin = await ctx.adminToken();
    const offices: Array<{ id: string; code: string }> = await ctx.dataSource.query(`SELECT id, code FROM offices`);
    city = offices.find((o) => o.code === 'CQ')!.id;
    yuzhong = offices.find((o) => o.code === 'CQ-YZ')!.id;
  });
  afterAll(async () => {
    await ctx?.close();
  });

  const members = async (userId: string): Promise<string[]> =>
    (await ctx.dataSource.query(`SELECT office_id FROM user_offices WHERE user_id = $1`, [userId])).map((r: { office_id: string }) => r.office_id);

  describe('the seed', () => {
    it('creates 重庆市市场监督管理局 and its 38 区县 under it, keeping the offices already there', async () => {
      const created = await seedOffices(ctx.dataSource);
      // The foundation already made the city and 渝中区.
      expect(created).toHaveLength(37);
      expect(created).toContain('重庆市万州区市场监督管理局');
      expect(created).toContain('重庆市彭水苗族土家族自治县市场监督管理局');

      const rows: Array<{ id: string; name: string; region_code: string; parent_id: string | null }> = await ctx.dataSource.query(
        `SELECT id, name, region_code, parent_id FROM offices ORDER BY region_code`,
      );
      expect(rows).toHaveLength(39);
      for (const row of rows) byDivision.set(row.region_code, row.id);
      expect(rows[0]).toMatchObject({ id: city, region_code: '500000', parent_id: null, name: '重庆市市场监督管理局' });
      const districts = rows.slice(1);
      expect(districts.every((r) => r.parent_id === city)).toBe(true);
      expect(districts.filter((r) => r.region_code.startsWith('5001'))).toHaveLength(26);
      expect(districts.filter((r) => r.region_code.startsWith('5002'))).toHaveLength(12);
      expect(rows.find((r) => r.region_code === '500156')!.name).toBe('重庆市武隆区市场监督管理局');
      expect(rows.find((r) => r.region_code === '500240')!.name).toBe('重庆市石柱土家族自治县市场监督管理局');
      expect(byDivision.get('500103')).toBe(yuzhong);
    });

    it('is idempotent: a second run creates nothing', async () => {
      expect(await seedOffices(ctx.dataSource)).toEqual([]);
      const [{ count }] = await ctx.dataSource.query(`SELECT count(*)::int AS count FROM offices`);
      expect(count).toBe(39);
    });
  });

  describe('creating offices', () => {
    it('creates a top office, whose creator becomes its first member, and an office under it; both audited', async () => {
      const top = await ctx.http.post('/offices').set('Authorization', admin).send({ name: '四川省市场监督管理局', code: 'SC', divisionCode: '510000' }).expect(201);
      expect(top.body).toMatchObject({ name: '四川省市场监督管理局', code: 'SC', divisionCode: '510000', parentId: null });
      const me = await ctx.http.get('/auth/me').set('Authorization', admin).expect(200);
      expect(me.body.officeIds).toContain(top.body.id);

      const child = await ctx.http
        .post('/offices')
        .set('Authorization', admin)
        .send({ name: '成都市锦江区市场监督管理局', code: 'SC-510104', divisionCode: '510104', parentId: top.body.id })
        .expect(201);
      expect(child.body).toMatchObject({ divisionCode: '510104', parentId: top.body.id });
      await ctx.http.get(`/offices/${child.body.id}`).set('Authorization', admin).expect(200, child.body);

      const audited = await ctx.http.get('/audit').query({ entityType: 'office', entityId: child.body.id }).set('Authorization', admin).expect(200);
      expect(audited.body.items).toEqual([expect.objectContaining({ action: 'office_created' })]);
    });

    it.each([
      ['a code that is no division code', { divisionCode: '5001' }, 'divisionCode', '行政区划代码'],
      ['an unknown province', { divisionCode: '990101' }, 'divisionCode', '行政区划代码'],
      ['an unknown parent', { parentId: randomUUID() }, 'parentId', '上级办公室'],
      ['a malformed code', { code: 'cq wanzhou' }, 'code', '编码'],
    ])('refuses %s, naming the field in Chinese', async (_what, change, field, label) => {
      const res = await ctx.http
        .post('/offices')
        .set('Authorization', admin)
        .send({ name: '测试办公室', code: 'TEST-1', divisionCode: '510105', parentId: city, ...change })
        .expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field, label, messages: [expect.stringMatching(/[\u4e00-\u9fa5]/)] })]);
    });

    it('refuses a division outside the parent\'s, a division that has its office and a code in use', async () => {
      const outside = await ctx.http.post('/offices').set('Authorization', admin).send({ name: '外省', code: 'X-1', divisionCode: '510105', parentId: city }).expect(400);
      expect(outside.body.errors).toEqual([{ field: 'divisionCode', label: '行政区划代码', messages: ['须在上级办公室的行政区划（500000）之内'] }]);
      const taken = await ctx.http.post('/offices').set('Authorization', admin).send({ name: '再一个万州', code: 'CQ', divisionCode: '500101', parentId: city }).expect(400);
      expect(taken.body.errors).toEqual([
        { field: 'code', label: '编码', messages: ['已被「重庆市市场监督管理局」使用'] },
        { field: 'divisionCode', label: '行政区划代码', messages: ['该行政区划已有办公室「重庆市万州区市场监督管理局」'] },
      ]);
    });

    it('is for admins: 401 without a token, 403 for a reviewer', async () => {
      const body = { name: '测试办公室', code: 'TEST-2', divisionCode: '500100', parentId: city };
      await ctx.http.post('/offices').send(body).expect(401);
      await ctx.http.get('/offices').expect(401);
      const reviewer = await createUser(ctx, { username: 'office.reviewer', role: 'reviewer', password: PASSWORD, officeIds: [city] });
      const refused = await ctx.http.post('/offices').set('Authorization', reviewer.token).send(body).expect(403);
      expect(refused.body.code).toBe('FORBIDDEN');
      await ctx.http.get('/offices').set('Authorization', reviewer.token).expect(403);
    });

    it('bounds the page size', async () => {
      const res = await ctx.http.get('/offices').query({ pageSize: 201 }).set('Authorization', admin).expect(400);
      expect(res.body.errors[0]).toMatchObject({ field: 'pageSize', label: '每页条数' });
    });
  });

  describe('members and what a district admin sees', () => {
    let wanzhou: string;
    let fuling: string;
    let districtAdmin: { id: string; token: string };

    beforeAll(() => {
      wanzhou = byDivision.get('500101')!;
      fuling = byDivision.get('500102')!;
    });

    it('adds an account to an office and takes it out again, each applying to its next request and audited', async () => {
      const expert = await createUser(ctx, { username: 'wanzhou.expert', role: 'reviewer', password: PASSWORD, officeIds: [city] });
      const added = await ctx.http.put(`/offices/${wanzhou}/members/${expert.id}`).set('Authorization', admin).expect(200);
      expect(added.body).toMatchObject({ officeId: wanzhou, userId: expert.id, username: 'wanzhou.expert', role: 'reviewer', isActive: true });
      // Again: nothing changes, nothing more is recorded.
      await ctx.http.put(`/offices/${wanzhou}/members/${expert.id}`).set('Authorization', admin).expect(200);
      const me = await ctx.http.get('/auth/me').set('Authorization', expert.token).expect(200);
      expect(me.body.officeIds.sort()).toEqual([city, wanzhou].sort());

      await ctx.http.delete(`/offices/${wanzhou}/members/${expert.id}`).set('Authorization', admin).expect(204);
      expect((await ctx.http.get('/auth/me').set('Authorization', expert.token).expect(200)).body.officeIds).toEqual([city]);

      const audited = await ctx.http.get('/audit').query({ entityType: 'user', entityId: expert.id, action: 'user_changed' }).set('Authorization', admin).expect(200);
      expect(audited.body.items.map((r: { details: { membership: string } }) => r.details.membership)).toEqual(['removed', 'added']);
    });

    it('refuses an applicant and an unknown account', async () => {
      const applicant = await createUser(ctx, { username: 'not.staff', role: 'applicant', password: PASSWORD });
      const res = await ctx.http.put(`/offices/${wanzhou}/members/${applicant.id}`).set('Authorization', admin).expect(400);
      expect(res.body.errors).toEqual([{ field: 'userId', label: '用户', messages: ['申报单位账号代表单位，不属于办公室'] }]);
      await ctx.http.put(`/offices/${wanzhou}/members/${randomUUID()}`).set('Authorization', admin).expect(404);
    });

    it('gives a district admin its district alone', async () => {
      districtAdmin = await createUser(ctx, { username: 'wanzhou.admin', role: 'admin', password: PASSWORD, officeIds: [city] });
      await ctx.http.put(`/offices/${wanzhou}/members/${districtAdmin.id}`).set('Authorization', admin).expect(200);
      await ctx.http.delete(`/offices/${city}/members/${districtAdmin.id}`).set('Authorization', admin).expect(204);
      expect(await members(districtAdmin.id)).toEqual([wanzhou]);

      const listed = await ctx.http.get('/offices').set('Authorization', districtAdmin.token).expect(200);
      expect(listed.body).toMatchObject({ total: 1, page: 1, items: [expect.objectContaining({ id: wanzhou, divisionCode: '500101' })] });
      await ctx.http.get(`/offices/${fuling}`).set('Authorization', districtAdmin.token).expect(404);
      await ctx.http.get(`/offices/${city}`).set('Authorization', districtAdmin.token).expect(404);
      await ctx.http.put(`/offices/${fuling}/members/${districtAdmin.id}`).set('Authorization', districtAdmin.token).expect(404);
      // Not a top office's admin, and 万州区 has no division below it.
      await ctx.http.post('/offices').set('Authorization', districtAdmin.token).send({ name: '顶级', code: 'TOP-2', divisionCode: '520000' }).expect(403);
      await ctx.http.post('/offices').set('Authorization', districtAdmin.token).send({ name: '涪陵', code: 'FL-2', divisionCode: '500102', parentId: wanzhou }).expect(400);
    });

    it('lets the city admin manage a district account, and not the other way round', async () => {
      // The district admin's only office is 万州区, below the city: the city's admin manages it.
      const reset = await ctx.http.patch(`/users/${districtAdmin.id}`).set('Authorization', admin).send({ officeIds: [wanzhou, fuling] }).expect(200);
      expect(reset.body.officeIds.sort()).toEqual([wanzhou, fuling].sort());
      await ctx.http.patch(`/users/${districtAdmin.id}`).set('Authorization', admin).send({ officeIds: [wanzhou] }).expect(200);
      const cityAccount = await createUser(ctx, { username: 'city.reviewer', role: 'reviewer', password: PASSWORD, officeIds: [city] });
      const refused = await ctx.http.patch(`/users/${cityAccount.id}`).set('Authorization', districtAdmin.token).send({ isActive: false }).expect(403);
      expect(refused.body.message).toBe('该账号不属于你所管理的办公室，不能修改');
      const granted = await ctx.http.patch(`/users/${districtAdmin.id}`).set('Authorization', districtAdmin.token).send({ officeIds: [wanzhou, city] }).expect(400);
      expect(granted.body.errors).toEqual([{ field: 'officeIds', label: '所属办公室', messages: ['只能授予或收回你所管理的办公室的权限'] }]);
    });

    it('lets the city admin page through its 38 区县', async () => {
      const first = await ctx.http.get('/offices').query({ parentId: city, pageSize: 20 }).set('Authorization', admin).expect(200);
      expect(first.body).toMatchObject({ total: 38, page: 1, pageSize: 20 });
      expect(first.body.items).toHaveLength(20);
      expect(first.body.items[0]).toMatchObject({ divisionCode: '500101', name: '重庆市万州区市场监督管理局' });
      const second = await ctx.http.get('/offices').query({ parentId: city, pageSize: 20, page: 2 }).set('Authorization', admin).expect(200);
      expect(second.body.items.map((o: { divisionCode: string }) => o.divisionCode).at(-1)).toBe('500243');
    });

    it('keeps another district\'s applications from a district admin', async () => {
      const cycle = await openCycle(ctx, { officeId: yuzhong });
      const enterprise = await registerEnterprise(ctx, '重庆渝中精密制造有限公司');
      const applicationId = await readyApplication(ctx, enterprise, cycle.id);
      const yuzhongAdmin = await createUser(ctx, { username: 'yuzhong.admin', role: 'admin', password: PASSWORD, officeIds: [yuzhong] });

      const seen = await ctx.http.get('/applications').query({ cycleId: cycle.id }).set('Authorization', yuzhongAdmin.token).expect(200);
      expect(seen.body.items.map((a: { id: string }) => a.id)).toEqual([applicationId]);
      await ctx.http.get(`/applications/${applicationId}`).set('Authorization', yuzhongAdmin.token).expect(200);

      const unseen = await ctx.http.get('/applications').set('Authorization', districtAdmin.token).expect(200);
      expect(unseen.body).toMatchObject({ total: 0, items: [] });
      await ctx.http.get(`/applications/${applicationId}`).set('Authorization', districtAdmin.token).expect(404);
      await ctx.http.get(`/cycles/${cycle.id}`).set('Authorization', districtAdmin.token).expect(404);
    });
  });
});
