import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import type { Pool } from 'pg';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { RankingService } from '../../libs/review/src/ranking/ranking.service';
import { waitFor } from '../support/throwaway-redis';
import { openCycle, qualityForm, registerEnterprise, uploadMaterials } from '../support/award-fixtures';
import { binaryBody } from '../support/binary-body';
import { act, publishPublicity } from '../support/review-fixtures';
import { createUser, startTestApp, TestContext } from '../support/test-app';

/**
 * The office's Excel exports (issue 18): the application list with its filters, the ranking with
 * every expert's scores (what the trimmed mean dropped, 离群 against the cycle's threshold), and a
 * 公示 batch, each read back with exceljs; and the same expert flags on the ranking's page.
 */
describe('Excel exports and the ranking\'s expert spread', () => {
  let ctx: TestContext;
  let admin: string;
  let rankingCycle: string;
  const apps: Record<string, string> = {};
  const names: Record<string, string> = {};
  const experts: Array<{ id: string; name: string }> = [];
  let brandCycle: string;
  let batch: { id: string; entries: Array<{ applicationId: string; publicId: string }> };
  const brandNames: string[] = [];

  // A: five experts, the trimmed mean drops 620 and 950 (mean of the rest 810); 620 and 950 stand
  // more than 150 (15% of GB/T 19580's 1000) off the others' mean. B: three close experts.
  // C ties B on 700 and is put below it by its lower 结果类得分 (90 against 100).
  const SCORES: Record<string, number[]> = { A: [800, 620, 850, 950, 780], B: [700, 710, 690], C: [700, 700, 700] };

  beforeAll(async () => {
    ctx = await startTestApp();
    admin = await ctx.adminToken();
    rankingCycle = (await openCycle(ctx)).id;
    for (let i = 0; i < 5; i++) {
      const name = `导出专家${'甲乙丙丁戊'[i]}`;
      experts.push({ id: (await createUser(ctx, { username: `export.expert.${i}`, role: 'reviewer', displayName: name })).id, name });
    }
    // Expert ids in the order the ranking lists them (by id).
    experts.sort((a, b) => (a.id < b.id ? -1 : 1));
    for (const [n, letter] of ['A', 'B', 'C'].entries()) {
      const e = await registerEnterprise(ctx, `导出测试${letter}有限公司`);
      const res = await ctx.http.post('/applications').set('Authorization', e.token).send({ cycleId: rankingCycle, form: qualityForm() }).expect(201);
      apps[letter] = res.body.id;
      names[letter] = e.name;
      await ctx.dataSource.query(`UPDATE applications SET submitted_at = $2, receipt_number = $3 WHERE id = $1`, [res.body.id, new Date(Date.UTC(2026, 4, 1, 8, n)), `2026-XL-000${n + 1}`]);
      await ctx.dataSource.query(`UPDATE workflow_instances SET state = 'shortlisting' WHERE id = (SELECT instance_id FROM applications WHERE id = $1)`, [res.body.id]);
      const totals = SCORES[letter];
      for (const [i, total] of totals.entries()) {
        const [{ id }] = await ctx.dataSource.query(
          `INSERT INTO review_assignments (application_id, cycle_id, reviewer_id, stage, status, due_at, scored_at) VALUES ($1, $2, $3, 'expert', 'scored', now(), now()) RETURNING id`,
          [res.body.id, rankingCycle, experts[i].id],
        );
        await ctx.dataSource.query(`INSERT INTO review_scores (assignment_id, items, total, comment) VALUES ($1, '[]', $2, '评语')`, [id, total]);
      }
      const sorted = [...totals].sort((a, b) => a - b);
      const aggregated = totals.length >= 5 ? sorted.slice(1, -1).reduce((s, x) => s + x, 0) / (totals.length - 2) : totals.reduce((s, x) => s + x, 0) / totals.length;
      await ctx.dataSource.query(
        `INSERT INTO application_scores (application_id, cycle_id, rule, aggregated, onsite_adjustment, results_subtotal, reviewer_count) VALUES ($1, $2, 'trimmed_mean', $3, 0, $5, $4)`,
        [res.body.id, rankingCycle, aggregated, totals.length, letter === 'C' ? 90 : 100],
      );
    }

    // A 名牌产品 cycle without expert review: two applications straight into 待公示, published as one batch.
    const recommender = await createUser(ctx, { username: 'export.recommender', role: 'recommender', displayName: '渝中区市场监督管理局' });
    brandCycle = (await openCycle(ctx, { awardCode: 'cq-famous-brand-product', title: '2026年度重庆名牌产品认定（导出）', quota: { awards: 10 }, stagePlan: { expertReview: false } })).id;
    for (const [i, name] of ['重庆导出机械有限公司', '重庆=HYPERLINK("x")食品有限公司'].entries()) {
      const e = await registerEnterprise(ctx, name, { industry: 'C3511', foundedAt: '2005-03-01' });
      const draft = await ctx.http.post('/applications').set('Authorization', e.token).send({ cycleId: brandCycle, form: { brand: { name: `导出${i + 1}`, foundedYear: 1995, category: '机械' }, product: { name: `导出产品${i + 1}`, batchProductionSince: '2010-05-01' } } }).expect(201);
      await uploadMaterials(ctx, e.token, draft.body.id, ['application_form', 'business_license', 'quality_certificates', 'brand_history']);
      await act(ctx, e.token, draft.body.id, 'submit');
      await act(ctx, recommender.token, draft.body.id, 'endorse');
      await act(ctx, admin, draft.body.id, 'pass_formal_review');
      brandNames.push(name);
    }
    batch = await publishPublicity(ctx, admin, brandCycle);
  }, 240_000);

  afterAll(async () => {
    await ctx?.close();
  });

  const download = async (path: string, query: Record<string, string> = {}) => {
    const res = await ctx.http.get(path).query(query).set('Authorization', admin).buffer(true).parse(binaryBody).expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('.xlsx');
    // Streamed: sent in chunks, no length known up front.
    expect(res.headers['transfer-encoding']).toBe('chunked');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as never);
    return workbook;
  };
  const rowsOf = (workbook: ExcelJS.Workbook, sheet: string) => (workbook.getWorksheet(sheet)!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));

  it("shows each expert's total on the ranking's page, what the trimmed mean dropped, the spread and who stands off (离群)", async () => {
    const page = (await ctx.http.get(`/cycles/${rankingCycle}/ranking`).set('Authorization', admin).expect(200)).body;
    const [a, b] = page.items;
    expect([a.applicationId, b.applicationId]).toEqual([apps.A, apps.B]);
    expect(a).toMatchObject({ aggregated: 810, spread: 330, hasOutlier: true, outlierThreshold: 150 });
    expect(a.experts.map((e: { reviewerId: string }) => e.reviewerId)).toEqual(experts.map((e) => e.id));
    const byTotal = new Map(a.experts.map((e: { total: number }) => [e.total, e]));
    expect(byTotal.get(620)).toMatchObject({ dropped: true, outlier: true, deviation: -225 });
    expect(byTotal.get(950)).toMatchObject({ dropped: true, outlier: true, deviation: 187.5 });
    expect(byTotal.get(800)).toMatchObject({ dropped: false, outlier: false });
    expect(a.experts.filter((e: { dropped: boolean }) => !e.dropped).map((e: { total: number }) => e.total).sort()).toEqual([780, 800, 850]);
    expect(a.experts.every((e: { reviewerName: string }) => experts.some((x) => x.name === e.reviewerName))).toBe(true);
    expect(b).toMatchObject({ spread: 20, hasOutlier: false });
    expect(b.experts.some((e: { dropped: boolean }) => e.dropped)).toBe(false);
  });

  it('flags against the threshold the cycle sets', async () => {
    await ctx.http.patch(`/cycles/${rankingCycle}`).set('Authorization', admin).send({ outlierThreshold: 200 }).expect(200);
    const [a] = (await ctx.http.get(`/cycles/${rankingCycle}/ranking`).set('Authorization', admin).expect(200)).body.items;
    expect(a.outlierThreshold).toBe(200);
    expect(a.experts.filter((e: { outlier: boolean }) => e.outlier).map((e: { total: number }) => e.total)).toEqual([620]);
    const refused = await ctx.http.patch(`/cycles/${rankingCycle}`).set('Authorization', admin).send({ outlierThreshold: 0 }).expect(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'outlierThreshold', label: '离群分差' })]);
    await ctx.http.patch(`/cycles/${rankingCycle}`).set('Authorization', admin).send({ outlierThreshold: null }).expect(200);
    expect((await ctx.http.get(`/cycles/${rankingCycle}/ranking`).set('Authorization', admin).expect(200)).body.items[0].outlierThreshold).toBe(150);
  });

  it('ranking.xlsx: 排名 as the CSV with the tie-break, and 专家评分 with every expert per application in rank order', async () => {
    const workbook = await download(`/cycles/${rankingCycle}/ranking.xlsx`);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['排名', '专家评分']);
    const ranking = rowsOf(workbook, '排名');
    expect(ranking[0]).toEqual(['排名', '并列', '受理编号', '申报单位', '综合得分', '资料评审得分', '现场评审调整', '答辩得分', '结果类得分', '同分时的排序依据', '评审专家数', '名额']);
    expect(ranking.slice(1)).toEqual([
      [1, undefined, '2026-XL-0001', names.A, 810, 810, 0, undefined, 100, undefined, 5, '获奖名额内'],
      [2, '并列第 2', '2026-XL-0002', names.B, 700, 700, 0, undefined, 100, undefined, 3, '获奖名额内'],
      [3, '并列第 2', '2026-XL-0003', names.C, 700, 700, 0, undefined, 90, '结果类得分', 3, '获奖名额内'],
    ]);
    const scores = rowsOf(workbook, '专家评分');
    expect(scores[0]).toEqual(['排名', '受理编号', '申报单位', '评审专家', '专家总分', '去掉（截尾平均）', '与其他专家均值之差', '离群', '本申报分差']);
    const lines = scores.slice(1);
    expect(lines).toHaveLength(11);
    expect(lines.map((l) => l[1])).toEqual([...Array(5).fill('2026-XL-0001'), ...Array(3).fill('2026-XL-0002'), ...Array(3).fill('2026-XL-0003')]);
    expect(lines.slice(0, 5).map((l) => l[3])).toEqual(experts.map((e) => e.name));
    const aLines = new Map(lines.slice(0, 5).map((l) => [l[4], l]));
    expect(aLines.get(620)!.slice(5)).toEqual(['去掉', -225, '离群（>150）', 330]);
    expect(aLines.get(950)!.slice(5)).toEqual(['去掉', 187.5, '离群（>150）', 330]);
    expect(aLines.get(800)!.slice(5, 6)).toEqual([undefined]);
    expect(lines.slice(5, 8).every((l) => l[5] === undefined && l[7] === undefined && l[8] === 20)).toBe(true);
    expect(lines.slice(8).every((l) => l[6] === 0 && l[8] === 0)).toBe(true);
  });

  it("applications/export.xlsx: the list's rows and filters, as the office sees them", async () => {
    const all = await download('/applications/export.xlsx', { cycleId: rankingCycle });
    const rows = rowsOf(all, '申报列表');
    expect(rows[0]).toEqual(['受理编号', '申报单位', '统一社会信用代码', '项目或产品', '评审周期', '状态', '提交时间（北京时间）', '创建时间（北京时间）']);
    const list = (await ctx.http.get('/applications').query({ cycleId: rankingCycle }).set('Authorization', admin).expect(200)).body;
    expect(rows.slice(1).map((r) => r[0])).toEqual(list.items.map((a: { receiptNumber: string }) => a.receiptNumber));
    expect(rows.slice(1).map((r) => r[1])).toEqual([names.C, names.B, names.A]);
    // Beijing time, as written on the row: 08:02 UTC is 16:02.
    expect(rows[1][6]).toBe('2026-05-01 16:02');
    const brand = rowsOf(await download('/applications/export.xlsx', { cycleId: brandCycle, state: 'publicity' }), '申报列表');
    expect(brand.slice(1).map((r) => r[1]).sort()).toEqual([...brandNames].sort());
    // A name that looks like a formula is a text cell, not a formula.
    const sheet = (await download('/applications/export.xlsx', { cycleId: brandCycle })).getWorksheet('申报列表')!;
    const cells: ExcelJS.Cell[] = [];
    sheet.eachRow((row) => cells.push(row.getCell(2)));
    expect(cells.some((c) => c.value === brandNames[1] && c.type === ExcelJS.ValueType.String)).toBe(true);
    expect((await download('/applications/export.xlsx', { cycleId: rankingCycle, state: 'formal_review' })).getWorksheet('申报列表')!.actualRowCount).toBe(1);
    const bad = await ctx.http.get('/applications/export.xlsx').query({ cycleId: 'x' }).set('Authorization', admin).expect(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'cycleId' });
  });

  it('publicity-batches/:batchId.xlsx: the 公示名单 and its dates and contact', async () => {
    const workbook = await download(`/cycles/${brandCycle}/publicity-batches/${batch.id}.xlsx`);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['公示名单', '公示信息']);
    const entries = rowsOf(workbook, '公示名单');
    expect(entries[0]).toEqual(['序号', '公示编号', '申报单位', '项目或产品', '状态', '待处理异议']);
    expect(entries.slice(1).map((r) => [r[0], r[1]])).toEqual(batch.entries.map((e, i) => [i + 1, e.publicId]));
    expect(entries.slice(1).map((r) => r[2]).sort()).toEqual([...brandNames].sort());
    expect(entries.slice(1).every((r) => r[4] === '社会公示' && r[5] === 0)).toBe(true);
    const about = new Map(rowsOf(workbook, '公示信息').map(([k, v]) => [k, v]));
    expect(about.get('受理异议单位')).toBe('渝中区市场监督管理局质量发展科');
    expect(about.get('公示数量')).toBe('2');
    await ctx.http.get(`/cycles/${rankingCycle}/publicity-batches/${batch.id}.xlsx`).set('Authorization', admin).expect(404);
    await ctx.http.get(`/cycles/${brandCycle}/publicity-batches/not-a-uuid.xlsx`).set('Authorization', admin).expect(400);
  });

  it('ranking.xlsx reads through a cursor that gives its connection back when the client leaves', async () => {
    const pool = (ctx.dataSource.driver as PostgresDriver).master as Pool;
    const busy = () => pool.totalCount - pool.idleCount;
    const before = busy();
    const [{ id: adminId }] = await ctx.dataSource.query(`SELECT id FROM users WHERE username = 'admin'`);
    const [{ offices }] = await ctx.dataSource.query(`SELECT array_agg(office_id) AS offices FROM user_offices WHERE user_id = $1`, [adminId]);
    const stream = await ctx.api.get(RankingService).xlsx(rankingCycle, { id: adminId, role: 'admin', officeIds: offices } as never);
    // The 排名 cursor is open (its first batch read); the 专家评分 one is not opened until its sheet.
    expect(busy()).toBe(before + 1);
    stream.destroy();
    await waitFor(async () => busy() === before, 5_000, 'the cursor of a destroyed workbook stream to give its connection back');
    const [{ open }] = await ctx.dataSource.query(`SELECT count(*)::int AS open FROM pg_stat_activity WHERE datname = current_database() AND state = 'idle in transaction'`);
    expect(open).toBe(0);
  });

  it('answers the office only', async () => {
    const enterprise = await registerEnterprise(ctx, '导出越权测试有限公司');
    for (const path of [`/cycles/${rankingCycle}/ranking.xlsx`, '/applications/export.xlsx', `/cycles/${brandCycle}/publicity-batches/${batch.id}.xlsx`]) {
      await ctx.http.get(path).set('Authorization', enterprise.token).expect(403);
      await ctx.http.get(path).expect(401);
    }
  });
});
