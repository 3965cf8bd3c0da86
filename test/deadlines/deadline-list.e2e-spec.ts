import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openCycle } from '../support/award-fixtures';
import { seedApplication, seedChongqingOffices } from '../support/seed-application';
import { createUser, startTestApp, TestContext } from '../support/test-app';

const T0 = Date.parse('2032-03-01T02:00:00Z');
const DAY = 24 * 3600_000;

interface Listed {
  id: string;
  kind: string;
  status: string;
  dueAt: string;
  cycleId: string | null;
  application: { id: string; receiptNumber: string | null; organizationName: string | null } | null;
}

/**
 * The office's deadline list (期限管理, issue 18): each row names its cycle and application (受理编号,
 * 申报单位), filters by cycle, kind, status and 仅看已逾期 on the server, refuses a bad filter with a
 * 400 naming the field in Chinese, shows a 区县 admin only its own office's deadlines, and answers
 * no one but the office.
 */
describe('GET /admin/deadlines: the office deadline list', () => {
  let ctx: TestContext;
  let cityAdmin: string;
  let yuzhongAdmin: string;
  let wanzhouAdmin: string;
  let yzCycle: string;
  let wzCycle: string;
  const apps: Record<string, { id: string; receipt: string; name: string }> = {};

  beforeAll(async () => {
    ctx = await startTestApp();
    const offices = await seedChongqingOffices(ctx);
    cityAdmin = (await createUser(ctx, { username: 'city-deadline-admin', role: 'admin', officeIds: [offices.get('500000')!] })).token;
    const yuzhong = offices.get('500103')!;
    const wanzhou = offices.get('500101')!;
    yuzhongAdmin = (await createUser(ctx, { username: 'yz-deadline-admin', role: 'admin', officeIds: [yuzhong] })).token;
    wanzhouAdmin = (await createUser(ctx, { username: 'wz-deadline-admin', role: 'admin', officeIds: [wanzhou] })).token;
    const open = async (token: string, officeId: string, year: number) =>
      (await openCycle(ctx, { year, title: `区长质量管理奖 期限列表测试 ${year}`, quota: { awards: 3 } }, { token, officeId })).id;
    yzCycle = await open(yuzhongAdmin, yuzhong, 2032);
    wzCycle = await open(wanzhouAdmin, wanzhou, 2032);
    // Applications written straight into the tables, their instances naming their cycle (as the engine's do).
    const seed = async (key: string, cycleId: string, receipt: string) => {
      const id = await seedApplication(ctx, cycleId, 'C3825', [['draft', 0], ['submitted', 0], ['formal_review', 1]], { t0: T0 });
      await ctx.dataSource.query(`UPDATE applications SET receipt_number = $2 WHERE id = $1`, [id, receipt]);
      await ctx.dataSource.query(`UPDATE workflow_instances SET context = jsonb_build_object('cycleId', $2::text) WHERE id = (SELECT instance_id FROM applications WHERE id = $1)`, [id, cycleId]);
      const [{ name }] = await ctx.dataSource.query(`SELECT o.name FROM applications a JOIN organizations o ON o.id = a.organization_id WHERE a.id = $1`, [id]);
      apps[key] = { id, receipt, name };
    };
    await seed('yz1', yzCycle, 'YZ2032-DL-0001');
    await seed('yz2', yzCycle, 'YZ2032-DL-0002');
    await seed('wz1', wzCycle, 'WZ2032-DL-0001');
    // Pending deadlines (the API runs no timers here): one overdue 补正, one coming 补正, one 评审期限, one settled; and one in 万州.
    const deadline = async (key: string, kind: string, dueInDays: number, status = 'pending') =>
      ctx.dataSource.query(
        `INSERT INTO deadlines (instance_id, kind, action, event, due_at, status) SELECT instance_id, $2, 'supplement_timeout', NULL, $3, $4 FROM applications WHERE id = $1`,
        [apps[key].id, kind, new Date(Date.now() + dueInDays * DAY), status],
      );
    await deadline('yz1', 'supplement', -2);
    await deadline('yz2', 'supplement', 5);
    await deadline('yz2', 'review_due', 9);
    await deadline('yz1', 'review_due', -20, 'cancelled');
    await deadline('wz1', 'supplement', -1);
  });

  afterAll(async () => {
    await ctx?.close();
  });

  const list = async (token: string, query: Record<string, string | number> = {}) =>
    (await ctx.http.get('/admin/deadlines').query(query).set('Authorization', token).expect(200)).body as { items: Listed[]; total: number; page: number; pageSize: number };
  const receipts = (page: { items: Listed[] }) => page.items.map((d) => `${d.application?.receiptNumber}:${d.kind}:${d.status}`);

  it("names each deadline's cycle and application (受理编号, 申报单位)", async () => {
    const page = await list(yuzhongAdmin, { cycleId: yzCycle });
    expect(page).toMatchObject({ total: 4, page: 1, pageSize: 20 });
    const first = page.items[0];
    expect(first).toMatchObject({ kind: 'review_due', status: 'cancelled', cycleId: yzCycle, application: { id: apps.yz1.id, receiptNumber: 'YZ2032-DL-0001', organizationName: apps.yz1.name } });
    // Soonest due first by default; ?sort= orders the same rows either way.
    expect(receipts(page)).toEqual(['YZ2032-DL-0001:review_due:cancelled', 'YZ2032-DL-0001:supplement:pending', 'YZ2032-DL-0002:supplement:pending', 'YZ2032-DL-0002:review_due:pending']);
    expect(receipts(await list(yuzhongAdmin, { cycleId: yzCycle, sort: '-dueAt' }))).toEqual(receipts(page).reverse());
  });

  it('filters by cycle, kind, status and 仅看已逾期 on the server, the total counting the filtered rows', async () => {
    expect(receipts(await list(yuzhongAdmin, { cycleId: yzCycle, kind: 'supplement' }))).toEqual(['YZ2032-DL-0001:supplement:pending', 'YZ2032-DL-0002:supplement:pending']);
    expect((await list(yuzhongAdmin, { cycleId: yzCycle, status: 'pending' })).total).toBe(3);
    // Overdue: pending and past due (a cancelled one long past is not).
    const overdue = await list(yuzhongAdmin, { cycleId: yzCycle, overdue: 'true' });
    expect([overdue.total, ...receipts(overdue)]).toEqual([1, 'YZ2032-DL-0001:supplement:pending']);
    expect((await list(yuzhongAdmin, { cycleId: yzCycle, overdue: 'false' })).total).toBe(4);
    expect(receipts(await list(wanzhouAdmin, { cycleId: wzCycle, overdue: 'true' }))).toEqual(['WZ2032-DL-0001:supplement:pending']);
  });

  it("shows a 区县 admin only its own office's deadlines, and refuses to extend another office's", async () => {
    const yz = await list(yuzhongAdmin, { kind: 'supplement' });
    expect(yz.items.every((d) => d.cycleId !== wzCycle)).toBe(true);
    expect(yz.items.map((d) => d.application?.receiptNumber)).toEqual(['YZ2032-DL-0001', 'YZ2032-DL-0002']);
    // Another office's cycle filters to nothing, not to its rows.
    expect(await list(yuzhongAdmin, { cycleId: wzCycle })).toMatchObject({ items: [], total: 0 });
    const wz = await list(wanzhouAdmin, { kind: 'supplement' });
    expect(wz.items.map((d) => d.application?.receiptNumber)).toEqual(['WZ2032-DL-0001']);
    // An admin of another office (the city's) sees neither 区县's: an admin's own offices only.
    expect((await list(cityAdmin, { kind: 'supplement' })).items.filter((d) => d.cycleId === yzCycle || d.cycleId === wzCycle)).toEqual([]);
    await ctx.http.post(`/admin/deadlines/${wz.items[0].id}/extend`).set('Authorization', yuzhongAdmin).send({ by: 'P7D', reason: '越权延期测试' }).expect(404);
  });

  it('extends one deadline: the list shows the new due time', async () => {
    const [due] = (await list(yuzhongAdmin, { cycleId: yzCycle, status: 'pending', kind: 'review_due' })).items;
    const res = await ctx.http.post(`/admin/deadlines/${due.id}/extend`).set('Authorization', yuzhongAdmin).send({ dueAt: '2099-06-15', reason: '专家申请延期' }).expect(200);
    expect(res.body.dueAt).toBe('2099-06-15T15:59:59.999Z');
    const [after] = (await list(yuzhongAdmin, { cycleId: yzCycle, status: 'pending', kind: 'review_due' })).items;
    expect(after).toMatchObject({ id: due.id, dueAt: res.body.dueAt, application: { receiptNumber: 'YZ2032-DL-0002' } });
  });

  it.each([
    [{ cycleId: 'abc' }, 'cycleId', '评审周期'],
    [{ overdue: 'yes' }, 'overdue', '仅看已逾期'],
    [{ status: 'late' }, 'status', '状态'],
    [{ kind: 'Robert;DROP' }, 'kind', '类别'],
    [{ sort: 'receiptNumber' }, 'sort', '排序'],
  ])('refuses %j with a 400 naming the field in Chinese', async (query, field, label) => {
    const res = await ctx.http.get('/admin/deadlines').query(query).set('Authorization', yuzhongAdmin).expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field, label })]);
    expect(res.body.message).toContain(label);
  });

  it('answers the office only', async () => {
    for (const role of ['applicant', 'reviewer']) {
      const user = await createUser(ctx, { username: `deadline-list-${role}`, role });
      await ctx.http.get('/admin/deadlines').set('Authorization', user.token).expect(403);
    }
    await ctx.http.get('/admin/deadlines').expect(401);
  });
});
