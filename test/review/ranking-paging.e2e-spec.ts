import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Pool } from 'pg';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { statesTagged } from '../../libs/awards/src';
import { csvStream, sqlCursor } from '../../libs/platform/src';
import { RankedRow, rankingSql } from '../../libs/review/src/ranking/ranking.query';
import { openCycle, qualityForm, registerEnterprise } from '../support/award-fixtures';
import { waitFor } from '../support/throwaway-redis';
import { startTestApp, TestContext } from '../support/test-app';
import { binaryBody } from '../support/binary-body';

/**
 * Seven applications with known aggregates, four of them on the same score so that every tie-break
 * decides one place: the ranking's order, ties and quota come from the database a page at a time,
 * the pages fit together, bad paging is a 400 naming the field, and ranking.csv streams the rows.
 */
describe('ranking pages and export', () => {
  let ctx: TestContext;
  let admin: string;
  let cycleId: string;
  /** Application ids by letter, A best … G last. */
  const ids: Record<string, string> = {};
  const names: Record<string, string> = {};

  // letter: aggregated, onsite adjustment, 结果 subtotal, submitted (minutes after 08:00 UTC), receipt, state
  const DATA: Array<[string, number, number, number, number, string, string]> = [
    ['E', 85, 0, 30, 20, '2026-PG-0005', 'shortlisting'],
    ['B', 85, 0, 35, 50, '2026-PG-0002', 'withdrawn'],
    ['G', 60, 0, 10, 10, '2026-PG-0007', 'shortlisting'],
    ['A', 88, 2, 40, 30, '2026-PG-0001', 'shortlisting'],
    ['D', 85, 0, 30, 20, '2026-PG-0004', 'shortlisting'],
    ['F', 70, 0, 20, 40, '2026-PG-0006', 'shortlisting'],
    ['C', 83, 2, 30, 10, '2026-PG-0003', 'shortlisting'],
  ];

  beforeAll(async () => {
    ctx = await startTestApp();
    admin = await ctx.adminToken();
    // The fixture's quota: 3 awards and 2 提名奖.
    cycleId = (await openCycle(ctx)).id;
    expect(statesTagged('out')).toContain('withdrawn');
    for (const [letter, aggregated, onsite, results, minutes, receipt, state] of DATA) {
      const enterprise = await registerEnterprise(ctx, `排名分页测试${letter}有限公司`);
      const res = await ctx.http.post('/applications').set('Authorization', enterprise.token).send({ cycleId, form: qualityForm() }).expect(201);
      ids[letter] = res.body.id;
      names[letter] = enterprise.name;
      // Scores, submission and state as the workflow would leave them (the ranking reads nothing else).
      await ctx.dataSource.query(`UPDATE applications SET submitted_at = $2, receipt_number = $3 WHERE id = $1`, [res.body.id, new Date(Date.UTC(2026, 4, 1, 8, minutes)), receipt]);
      await ctx.dataSource.query(`UPDATE workflow_instances SET state = $2 WHERE id = (SELECT instance_id FROM applications WHERE id = $1)`, [res.body.id, state]);
      await ctx.dataSource.query(
        `INSERT INTO application_scores (application_id, cycle_id, rule, aggregated, onsite_adjustment, results_subtotal, reviewer_count) VALUES ($1, $2, 'trimmed_mean', $3, $4, $5, 5)`,
        [res.body.id, cycleId, aggregated, onsite, results],
      );
    }
  });

  afterAll(async () => {
    await ctx?.close();
  });

  const page = async (query: Record<string, number | string>) => (await ctx.http.get(`/cycles/${cycleId}/ranking`).query(query).set('Authorization', admin).expect(200)).body;
  const letterOf = (id: string) => Object.keys(ids).find((l) => ids[l] === id);

  it('orders by score, then 结果 subtotal, submission and receipt number, and says which tie-break decided each tie', async () => {
    const whole = await page({ pageSize: 200 });
    expect(whole).toMatchObject({ total: 7, page: 1, pageSize: 200 });
    const rows = whole.items as Array<Record<string, unknown>>;
    expect(rows.map((r) => [letterOf(r.applicationId as string), r.rank, r.score, r.scoreRank, r.tied, r.tieBreak])).toEqual([
      ['A', 1, 90, 1, false, null],
      ['B', 2, 85, 2, true, null],
      ['C', 3, 85, 2, true, 'results_subtotal'],
      ['D', 4, 85, 2, true, 'submitted_at'],
      ['E', 5, 85, 2, true, 'receipt_number'],
      ['F', 6, 70, 6, false, null],
      ['G', 7, 60, 7, false, null],
    ]);
    // B is withdrawn: it keeps its rank but takes no place; the quota (3 + 2) counts down the others.
    expect(rows.map((r) => r.insideQuota)).toEqual(['award', null, 'award', 'award', 'second_tier', 'second_tier', null]);
    expect(rows.map((r) => r.quotaLine)).toEqual([false, false, false, false, false, true, false]);
    expect(rows[0]).toMatchObject({ receiptNumber: '2026-PG-0001', organizationName: names.A, aggregated: 88, onsiteAdjustment: 2, resultsSubtotal: 40, reviewerCount: 5, state: 'shortlisting' });
    expect(rows[0]).not.toHaveProperty('instanceId');
  });

  it('pages fit together: the same order and ranks as the whole, no row twice or missing, total on every page', async () => {
    const whole = (await page({ pageSize: 200 })).items.map((r: { applicationId: string }) => r.applicationId);
    const pages = [];
    for (let p = 1; p <= 3; p++) pages.push(await page({ page: p, pageSize: 3 }));
    expect(pages.map((p) => [p.page, p.pageSize, p.total, p.items.length])).toEqual([
      [1, 3, 7, 3],
      [2, 3, 7, 3],
      [3, 3, 7, 1],
    ]);
    expect(pages.flatMap((p) => p.items.map((r: { applicationId: string }) => r.applicationId))).toEqual(whole);
    expect(pages.flatMap((p) => p.items.map((r: { rank: number }) => r.rank))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // The quota line is where it is on the whole ranking, on the page that holds it.
    expect(pages[1].items.map((r: { quotaLine: boolean }) => r.quotaLine)).toEqual([false, false, true]);
    // Past the end: no rows, still the total.
    expect(await page({ page: 4, pageSize: 3 })).toEqual({ items: [], total: 7, page: 4, pageSize: 3 });
    // No query: the first 20.
    expect(await page({})).toMatchObject({ total: 7, page: 1, pageSize: 20 });
  });

  it.each([
    [{ pageSize: 0 }, 'pageSize', '每页条数', '不能小于 1'],
    [{ pageSize: 201 }, 'pageSize', '每页条数', '不能大于 200'],
    [{ pageSize: 'abc' }, 'pageSize', '每页条数', '须为整数'],
    [{ page: 0 }, 'page', '页码', '不能小于 1'],
    [{ page: 2.5 }, 'page', '页码', '须为整数'],
  ])('refuses %j with a 400 naming the field in Chinese', async (query, field, label, message) => {
    const res = await ctx.http.get(`/cycles/${cycleId}/ranking`).query(query).set('Authorization', admin).expect(400);
    expect(res.body.errors).toEqual([{ field, label, messages: [message] }]);
    expect(res.body.message).toContain(label);
  });

  it('answers only the office', async () => {
    const enterprise = await registerEnterprise(ctx, '排名分页越权测试有限公司');
    await ctx.http.get(`/cycles/${cycleId}/ranking`).set('Authorization', enterprise.token).expect(403);
    await ctx.http.get(`/cycles/${cycleId}/ranking.csv`).set('Authorization', enterprise.token).expect(403);
    await ctx.http.get(`/cycles/${cycleId}/ranking`).expect(401);
  });

  it('ranking.csv streams every row of the known dataset in rank order', async () => {
    const res = await ctx.http
      .get(`/cycles/${cycleId}/ranking.csv`)
      .set('Authorization', admin)
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    // Streamed: sent in chunks, with no length known up front.
    expect(res.headers['transfer-encoding']).toBe('chunked');
    expect(res.headers['content-length']).toBeUndefined();
    const body = res.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const row = (...cells: Array<string | number>) => cells.map((c) => `"${c}"`).join(',');
    expect(body.subarray(3).toString('utf8')).toBe(
      [
        row('排名', '受理编号', '申报单位', '综合得分', '资料评审得分', '现场评审调整', '结果类得分', '评审专家数', '名额'),
        row(1, '2026-PG-0001', names.A, '90.00', '88.00', '2.0', '40.00', 5, '获奖名额内'),
        row(2, '2026-PG-0002', names.B, '85.00', '85.00', '0.0', '35.00', 5, '名额外'),
        row(3, '2026-PG-0003', names.C, '85.00', '83.00', '2.0', '30.00', 5, '获奖名额内'),
        row(4, '2026-PG-0004', names.D, '85.00', '85.00', '0.0', '30.00', 5, '获奖名额内'),
        row(5, '2026-PG-0005', names.E, '85.00', '85.00', '0.0', '30.00', 5, '提名奖名额内'),
        row(6, '2026-PG-0006', names.F, '70.00', '70.00', '0.0', '20.00', 5, '提名奖名额内'),
        row(7, '2026-PG-0007', names.G, '60.00', '60.00', '0.0', '10.00', 5, '名额外'),
      ].join('\r\n') + '\r\n',
    );
  });

  it('the cursor reads the ranking in batches of the size asked, in order, and gives its connection back when left early', async () => {
    const pool = (ctx.dataSource.driver as PostgresDriver).master as Pool;
    const params = [cycleId, statesTagged('out'), 3, 2];
    const batches: RankedRow[][] = [];
    for await (const batch of await sqlCursor<RankedRow>(ctx.dataSource, rankingSql(), params, 2)) batches.push(batch);
    expect(batches.map((b) => b.length)).toEqual([2, 2, 2, 1]);
    expect(batches.flat().map((r) => letterOf(r.applicationId))).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G']);

    const busy = () => pool.totalCount - pool.idleCount;
    const before = busy();
    const cursor = await sqlCursor<RankedRow>(ctx.dataSource, rankingSql(), params, 2);
    expect(busy()).toBe(before + 1);
    for await (const batch of cursor) {
      expect(batch).toHaveLength(2);
      break;
    }
    expect(busy()).toBe(before);
    // Closed before anything was read (a client that left at once), directly or by the CSV stream over it.
    const unread = await sqlCursor<RankedRow>(ctx.dataSource, rankingSql(), params, 2);
    expect(busy()).toBe(before + 1);
    await unread.close();
    expect(busy()).toBe(before);
    const stream = csvStream(['排名'], await sqlCursor<RankedRow>(ctx.dataSource, rankingSql(), params, 2), (r) => [r.rank]);
    expect(busy()).toBe(before + 1);
    stream.destroy();
    await waitFor(async () => busy() === before, 5_000, 'the cursor of a destroyed CSV stream to give its connection back');
    // Nothing left open on the server either: the transactions were rolled back.
    const [{ open }] = await ctx.dataSource.query(`SELECT count(*)::int AS open FROM pg_stat_activity WHERE datname = current_database() AND state = 'idle in transaction'`);
    expect(open).toBe(0);
  });
});
