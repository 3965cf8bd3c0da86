import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { getAward } from '../../libs/awards/src';
import { seedOffices } from '../../libs/identity/src/seed/seed-offices';
import { Enterprise, readyApplication, registerEnterprise } from '../support/award-fixtures';
import { createUser, startTestApp, TestContext } from '../support/test-app';

/**
 * A 区长质量管理奖 of a district other than 渝中区 (江北区, 500105), with the rules its cycle gets by
 * default: the region is the office's own division, services are admissible, an organisation
 * without a credit grade is not refused unless the cycle asks for one, and a past winner waits N
 * editions of the award.
 */
describe('eligibility defaults of a district cycle (江北区)', () => {
  let ctx: TestContext;
  let jiangbei: string;
  let jiangbeiAdmin: string;
  let year = 2040;

  const createCycle = async (overrides: Record<string, unknown> = {}) => {
    const edition = year++;
    const res = await ctx.http
      .post('/cycles')
      .set('Authorization', jiangbeiAdmin)
      .send({
        awardCode: 'district-quality-award',
        officeId: jiangbei,
        year: edition,
        title: `${edition}年度江北区区长质量管理奖`,
        applicationOpensAt: '2026-01-01',
        applicationClosesAt: '2099-12-31',
        eligibilityReferenceDate: '2026-06-01',
        quota: { awards: 3 },
        reviewersPerApplication: 3,
        ...overrides,
      });
    if (res.status !== 201) throw new Error(`create cycle: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; year: number; eligibility: Array<{ rule: string; params?: Record<string, unknown> }>; eligibilityReferenceDate: string; eligibilityReferenceDateSet: boolean };
  };
  const openCycle = async (overrides: Record<string, unknown> = {}) => {
    const cycle = await createCycle(overrides);
    await ctx.http.post(`/cycles/${cycle.id}/open`).set('Authorization', jiangbeiAdmin).expect(200);
    return cycle;
  };
  const submit = async (enterprise: Enterprise, cycleId: string) => {
    const id = await readyApplication(ctx, enterprise, cycleId);
    return ctx.http.post(`/applications/${id}/actions/submit`).set('Authorization', enterprise.token).send({});
  };
  const jiangbeiServices = (name: string) => registerEnterprise(ctx, name, { regionCode: '500105', address: '重庆市江北区建新北路 1 号', industry: 'I6510' });
  const ungraded = async (enterprise: Enterprise) => {
    await ctx.dataSource.query(`UPDATE organizations SET credit_grade = NULL WHERE id = $1`, [enterprise.organizationId]);
  };
  const rulesWith = (rule: string, params: Record<string, unknown>) => [
    ...getAward('district-quality-award').defaultEligibility.map((r) => (r.rule === rule ? { rule, params } : r)),
    ...(getAward('district-quality-award').defaultEligibility.some((r) => r.rule === rule) ? [] : [{ rule, params }]),
  ];

  beforeAll(async () => {
    ctx = await startTestApp();
    await seedOffices(ctx.dataSource);
    const [office] = await ctx.dataSource.query(`SELECT id FROM offices WHERE region_code = '500105'`);
    jiangbei = office.id;
    jiangbeiAdmin = (await createUser(ctx, { username: 'jb-elig-admin', role: 'admin', officeIds: [jiangbei] })).token;
  });

  afterAll(async () => {
    await ctx?.close();
  });

  it("writes the office's division and the district's industries into the cycle, and shows the rules with their numbers", async () => {
    const cycle = await createCycle({ eligibilityReferenceDate: undefined });
    const params = (rule: string) => cycle.eligibility.find((r) => r.rule === rule)?.params;
    expect(params('region')).toEqual({ allowedPrefixes: ['500105'] });
    expect(params('industry_sections')!.sections).toEqual(expect.arrayContaining(['C', 'E', 'F', 'I', 'J', 'L', 'M']));
    // No date of its own: counted 截至申报截止日.
    expect(cycle).toMatchObject({ eligibilityReferenceDate: '2099-12-31', eligibilityReferenceDateSet: false });
    const award = await ctx.http.get('/awards/district-quality-award').expect(200);
    const labels = award.body.defaultEligibility.map((r: { label: string }) => r.label);
    expect(labels).toContain('连续正常生产经营3年以上');
    expect(labels).toContain('未被列入失信被执行人名单');
    expect(labels.filter((l: string) => /\bN\b/.test(l))).toEqual([]);

    const bad = await ctx.http.patch(`/cycles/${cycle.id}`).set('Authorization', jiangbeiAdmin).send({ eligibilityReferenceDate: '2026-02-30' }).expect(400);
    expect(bad.body.errors).toEqual([{ field: 'eligibilityReferenceDate', label: '申报条件计算基准日', messages: ['不是有效的日期'] }]);
    const set = await ctx.http.patch(`/cycles/${cycle.id}`).set('Authorization', jiangbeiAdmin).send({ eligibilityReferenceDate: '2026-05-31' }).expect(200);
    expect(set.body).toMatchObject({ eligibilityReferenceDate: '2026-05-31', eligibilityReferenceDateSet: true });
    const read = await ctx.http.get(`/cycles/${cycle.id}`).set('Authorization', jiangbeiAdmin).expect(200);
    expect(read.body).toMatchObject({ eligibilityReferenceDate: '2026-05-31', eligibilityReferenceDateSet: true });
  });

  it('counts years of operation to the cycle reference date, not to the day of submission', async () => {
    const young = await registerEnterprise(ctx, '重庆江北新设物流有限公司', { regionCode: '500105', industry: 'G5411', foundedAt: '2023-05-15' });
    const early = await openCycle({ eligibilityReferenceDate: '2026-05-01' });
    const refused = await submit(young, early.id);
    expect(refused.status).toBe(422);
    expect(refused.body.reasons).toEqual([{ rule: 'min_operating_years', reason: '连续正常生产经营不满3年（成立于 2023-05-15，计算至 2026-05-01）' }]);
    const later = await openCycle({ eligibilityReferenceDate: '2026-05-31' });
    expect((await submit(young, later.id)).status).toBe(200);
  });

  it('admits a 江北 services organisation without a credit grade, and refuses a 渝中 one for its region', async () => {
    const cycle = await openCycle();
    const local = await jiangbeiServices('重庆江北软件信息服务有限公司');
    await ungraded(local);
    const admitted = await submit(local, cycle.id);
    expect(admitted.status).toBe(200);

    const elsewhere = await registerEnterprise(ctx, '重庆渝中软件信息服务有限公司', { industry: 'I6510' });
    const refused = await submit(elsewhere, cycle.id);
    expect(refused.status).toBe(422);
    expect(refused.body.reasons).toEqual([{ rule: 'region', reason: '注册地（行政区划代码 500103）不在本奖项受理范围内' }]);
  });

  it('refuses an organisation without a grade when the cycle requires one, naming the grade', async () => {
    const cycle = await openCycle({ eligibility: rulesWith('min_credit_grade', { grade: 'B', requireGrade: true }) });
    const never = await jiangbeiServices('重庆江北未评级咨询有限公司');
    await ungraded(never);
    const refused = await submit(never, cycle.id);
    expect(refused.status).toBe(422);
    expect(refused.body.reasons).toEqual([{ rule: 'min_credit_grade', reason: '质量信用等级须为B级及以上（尚未评定质量信用等级）' }]);
  });

  it('refuses 失信被执行人 and 严重违法失信 with the lists\' own words', async () => {
    const cycle = await openCycle();
    const debtor = await jiangbeiServices('重庆江北被执行商贸有限公司');
    await ctx.http
      .post(`/admin/organizations/${debtor.organizationId}/records`)
      .set('Authorization', await ctx.adminToken())
      .send({ kind: 'dishonest_debtor', reason: '（2025）渝0105执1234号', from: '2025-09-01' })
      .expect(201);
    await ctx.http.post(`/admin/organizations/${debtor.organizationId}/records`).set('Authorization', await ctx.adminToken()).send({ kind: 'blacklist', reason: '提供虚假材料', from: '2025-01-01' }).expect(201);
    const refused = await submit(debtor, cycle.id);
    expect(refused.status).toBe(422);
    expect(refused.body.reasons).toEqual([
      { rule: 'not_blacklisted', reason: '列入市场监督管理严重违法失信名单：提供虚假材料' },
      { rule: 'not_dishonest_debtor', reason: '被列入失信被执行人名单：（2025）渝0105执1234号' },
    ]);
  });

  it('a winner waits two editions of the award, however many years they take', async () => {
    const rules = rulesWith('no_win_within_editions', { editions: 2 });
    const won = await openCycle({ eligibility: rules });
    const winner = await jiangbeiServices('重庆江北获奖金融服务有限公司');
    // The win as the office's 审定 leaves it: the application in state awarded (the workflow is not this spec's subject).
    const [definition] = await ctx.dataSource.query(`SELECT definition_code, definition_version FROM cycles WHERE id = $1`, [won.id]);
    const instanceId = randomUUID();
    const applicationId = randomUUID();
    await ctx.dataSource.query(
      `INSERT INTO workflow_instances (id, definition_code, definition_version, subject_type, subject_id, state, version, context, history_seq, history_head)
       VALUES ($1, $2, $3, 'application', $4, 'awarded', 1, '{}', 0, repeat('0', 64))`,
      [instanceId, definition.definition_code, definition.definition_version, applicationId],
    );
    await ctx.dataSource.query(
      `INSERT INTO applications (id, cycle_id, organization_id, instance_id, state, organization_name, organization_uscc, form, submitted_at)
       SELECT $1::uuid, $2::uuid, o.id, $3::uuid, 'awarded', o.name, o.uscc, '{}', now() FROM organizations o WHERE o.id = $4::uuid`,
      [applicationId, won.id, instanceId, winner.organizationId],
    );
    // The next edition is skipped a year (a biennial round): editions, not years, are counted.
    year += 1;
    const second = await openCycle({ eligibility: rules });
    const refused = await submit(winner, second.id);
    expect(refused.status).toBe(422);
    expect(refused.body.reasons).toEqual([{ rule: 'no_win_within_editions', reason: `已获${won.year}年度本奖项，获奖企业2届内不得再次申报` }]);

    const third = await openCycle({ eligibility: rules });
    expect((await submit(winner, third.id)).body.reasons).toEqual([{ rule: 'no_win_within_editions', reason: `已获${won.year}年度本奖项，获奖企业2届内不得再次申报` }]);

    const fourth = await openCycle({ eligibility: rules });
    expect((await submit(winner, fourth.id)).status).toBe(200);
  });
});
