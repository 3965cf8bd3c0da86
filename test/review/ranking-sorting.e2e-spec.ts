import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openCycle, qualityForm, registerEnterprise } from '../support/award-fixtures';
import { startTestApp, TestContext } from '../support/test-app';

interface Row {
  applicationId: string;
  rank: number;
  score: number;
  receiptNumber: string;
  organizationName: string;
  scoreRank: number;
  tied: boolean;
  tieBreak: string | null;
  insideQuota: string | null;
  quotaLine: boolean;
}

/**
 * The ranking sorts on the server (issue 18): ?sort= 得分 (score), 受理编号 or 申报单位 either way, rank
 * order when omitted, pages fitting together in the sorted order; every row still says what it says in
 * rank order (rank, 并列, the tie-break, the quota place); an unknown column is a 400 naming 排序.
 */
describe('ranking sorted by column', () => {
  let ctx: TestContext;
  let admin: string;
  let cycleId: string;
  const names: Record<string, string> = {};

  // letter: aggregated, 结果 subtotal, receipt; the names sort Z…T against the ranks, the receipts in a third order.
  const DATA: Array<[string, number, number, string, string]> = [
    ['A', 90, 40, '2026-RS-0004', '排名排序测试戊有限公司'],
    ['B', 85, 35, '2026-RS-0002', '排名排序测试丁有限公司'],
    ['C', 85, 30, '2026-RS-0005', '排名排序测试丙有限公司'],
    ['D', 70, 20, '2026-RS-0001', '排名排序测试乙有限公司'],
    ['E', 60, 10, '2026-RS-0003', '排名排序测试甲有限公司'],
  ];

  beforeAll(async () => {
    ctx = await startTestApp();
    admin = await ctx.adminToken();
    cycleId = (await openCycle(ctx)).id;
    for (const [letter, aggregated, results, receipt, name] of DATA) {
      const enterprise = await registerEnterprise(ctx, name);
      names[letter] = enterprise.name;
      const res = await ctx.http.post('/applications').set('Authorization', enterprise.token).send({ cycleId, form: qualityForm() }).expect(201);
      await ctx.dataSource.query(`UPDATE applications SET submitted_at = $2, receipt_number = $3 WHERE id = $1`, [res.body.id, new Date(Date.UTC(2026, 4, 1, 8)), receipt]);
      await ctx.dataSource.query(`UPDATE workflow_instances SET state = 'shortlisting' WHERE id = (SELECT instance_id FROM applications WHERE id = $1)`, [res.body.id]);
      await ctx.dataSource.query(
        `INSERT INTO application_scores (application_id, cycle_id, rule, aggregated, onsite_adjustment, results_subtotal, reviewer_count) VALUES ($1, $2, 'trimmed_mean', $3, 0, $4, 5)`,
        [res.body.id, cycleId, aggregated, results],
      );
    }
  });

  afterAll(async () => {
    await ctx?.close();
  });

  const page = async (query: Record<string, string | number>) => (await ctx.http.get(`/cycles/${cycleId}/ranking`).query(query).set('Authorization', admin).expect(200)).body as { items: Row[]; total: number };
  const letters = (rows: Row[]) => rows.map((r) => Object.keys(names).find((l) => names[l] === r.organizationName));
  /** What a row says, whatever order it is shown in. */
  const facts = (r: Row) => [r.applicationId, r.rank, r.scoreRank, r.tied, r.tieBreak, r.insideQuota, r.quotaLine];

  it('sorts by 得分, 受理编号 and 申报单位 either way; rank order by default', async () => {
    expect(letters((await page({})).items)).toEqual(['A', 'B', 'C', 'D', 'E']);
    // Equal scores (B and C, 并列) keep their ranked order either way.
    expect(letters((await page({ sort: 'score' })).items)).toEqual(['E', 'D', 'B', 'C', 'A']);
    expect(letters((await page({ sort: '-score' })).items)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(letters((await page({ sort: 'receiptNumber' })).items)).toEqual(['D', 'B', 'E', 'A', 'C']);
    expect(letters((await page({ sort: '-receiptNumber' })).items)).toEqual(['C', 'A', 'E', 'B', 'D']);
    const byName = (await page({ sort: 'organizationName' })).items.map((r) => r.organizationName);
    expect(byName).toEqual([...byName].sort());
    expect((await page({ sort: '-organizationName' })).items.map((r) => r.organizationName)).toEqual([...byName].reverse());
  });

  it('keeps each row what it is in rank order (rank, 并列, tie-break, quota) and pages fit together', async () => {
    const ranked = new Map((await page({})).items.map((r) => [r.applicationId, facts(r)]));
    expect([...ranked.values()].filter((f) => f[3]).map((f) => f[1])).toEqual([2, 3]);
    for (const sort of ['score', '-score', 'receiptNumber', '-receiptNumber', 'organizationName', '-organizationName']) {
      const whole = (await page({ sort, pageSize: 200 })).items;
      for (const r of whole) expect(facts(r)).toEqual(ranked.get(r.applicationId));
      const pages = [];
      for (let p = 1; p <= 3; p++) pages.push(...(await page({ sort, page: p, pageSize: 2 })).items);
      expect(pages.map((r) => r.applicationId)).toEqual(whole.map((r) => r.applicationId));
    }
  });

  it('refuses an unknown column with a 400 naming 排序 and the columns it sorts on', async () => {
    const res = await ctx.http.get(`/cycles/${cycleId}/ranking`).query({ sort: 'state' }).set('Authorization', admin).expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'sort', label: '排序' })]);
    expect(res.body.message).toContain('只能按得分、受理编号或申报单位排序');
  });
});
