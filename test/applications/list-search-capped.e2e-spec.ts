import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { seed, Seeding } from '../../bench/seed-applications';
import { CyclesService } from '../../libs/cycles/src/cycles/cycles.service';
import { DefinitionRegistry } from '../../libs/workflow/src/definition/definition-registry';
import { binaryBody } from '../support/binary-body';
import { openCycle } from '../support/award-fixtures';
import { startTestApp, TestContext } from '../support/test-app';

/**
 * GET /applications?search= past SEARCH_TOTAL_CAP (1,000) matches: the total stops at the cap and
 * says so (totalCapped), every page is still served in the list's order with no gap or repeat, for
 * every ?sort= column and direction, with a state filter, and the export still has every row.
 * 3,600 applications over two cycles of the admin's office, seeded set-based as bench:lists seeds
 * them: organisation k (重庆基准测试企业k有限公司) has applications 2k and 2k+1, three in ten drafts
 * (no submission time nor receipt number), the rest spread over three later states.
 */
const COUNT = 3600;
const CAP = 1000;
const SORTS = ['submittedAt', 'receiptNumber', 'organizationName', 'state'] as const;

interface Item {
  id: string;
  state: string;
  receiptNumber: string | null;
  submittedAt: string | null;
  createdAt: string;
  organization?: { name: string };
}
interface Page {
  items: Item[];
  total: number;
  totalCapped: boolean;
  page: number;
  pageSize: number;
}
interface Row {
  id: string;
  state: string;
  receipt_number: string | null;
  submitted_at: Date | null;
  created_at: Date;
  organization_name: string;
}

describe('the application list search with a capped total', () => {
  let ctx: TestContext;
  let admin: string;
  let cycleIds: string[];
  let states: string[];
  let rows: Row[];

  beforeAll(async () => {
    ctx = await startTestApp();
    admin = await ctx.adminToken();
    cycleIds = [(await openCycle(ctx)).id, (await openCycle(ctx)).id];
    const cyclesService = ctx.api.get(CyclesService);
    const cycles = await Promise.all(cycleIds.map((id) => cyclesService.get(id)));
    const definition = await ctx.api.get(DefinitionRegistry).get(cycles[0].definitionCode!, cycles[0].definitionVersion!);
    const later = Object.keys(definition.states).filter((s) => s !== definition.initial && !definition.states[s].terminal);
    states = [definition.initial, ...later.slice(0, 3)];
    const seeding: Seeding = {
      dataSource: ctx.dataSource,
      cycles,
      contexts: new Map(cycles.map((c) => [c.id, cyclesService.instanceContext(c)])),
      definition,
      states,
      officeCount: 1,
      base: Date.parse('2026-01-01T00:00:00Z'),
    };
    await seed(seeding, 0, COUNT);
    rows = await ctx.dataSource.query(
      `SELECT id, state, receipt_number, submitted_at, created_at, organization_name FROM applications WHERE cycle_id = ANY($1::uuid[])`,
      [cycleIds],
    );
    expect(rows).toHaveLength(COUNT);
  }, 120_000);
  afterAll(() => ctx?.close());

  const list = async (query: Record<string, string | number>): Promise<Page> =>
    (await ctx.http.get('/applications').query(query).set('Authorization', admin).expect(200)).body as Page;

  /** The rows a search matches (name or receipt number contains the term), in the order `sort` names: as the list orders them, NULLs last either way, then latest submission, latest creation, id descending. */
  const expected = (term: string, sort?: string, state?: string): string[] => {
    const key = sort?.replace(/^-/, '');
    const descending = !!sort?.startsWith('-');
    const value = (r: Row): string | null =>
      key === 'receiptNumber' ? r.receipt_number : key === 'organizationName' ? r.organization_name : key === 'state' ? r.state : key === 'submittedAt' ? (r.submitted_at?.toISOString() ?? null) : null;
    const compare = (a: string | null, b: string | null, desc: boolean) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : (a < b ? -1 : 1) * (desc ? -1 : 1));
    return rows
      .filter((r) => (r.organization_name.includes(term) || r.receipt_number?.includes(term)) && (!state || r.state === state))
      .sort(
        (a, b) =>
          (key ? compare(value(a), value(b), descending) : 0) ||
          compare(a.submitted_at?.toISOString() ?? null, b.submitted_at?.toISOString() ?? null, true) ||
          compare(a.created_at.toISOString(), b.created_at.toISOString(), true) ||
          compare(a.id, b.id, true),
      )
      .map((r) => r.id);
  };

  it('stops the total at the cap and says so; below the cap it stays exact', async () => {
    const all = expected('基准测试');
    expect(all).toHaveLength(COUNT);
    const first = await list({ search: '基准测试', pageSize: 20 });
    expect(first).toMatchObject({ total: CAP, totalCapped: true, page: 1, pageSize: 20 });
    expect(first.items.map((i) => i.id)).toEqual(all.slice(0, 20));

    // 企业11: organisations 11, 110–119 and 1100–1199, two applications each (below the cap: sorted from the matches read).
    const few = await list({ search: '企业11', pageSize: 20 });
    expect(few).toMatchObject({ total: 222, totalCapped: false });
    expect(few.items.map((i) => i.id)).toEqual(expected('企业11').slice(0, 20));
    // The list without a search is counted exactly as before, never capped.
    expect(await list({ pageSize: 1 })).toMatchObject({ total: COUNT, totalCapped: false });
    expect(await list({ search: '没有这家', pageSize: 20 })).toMatchObject({ total: 0, totalCapped: false, items: [] });
  });

  it('serves pages past the cap, in order, until the matches run out', async () => {
    const all = expected('基准测试');
    const seen: string[] = [];
    for (let page = 1; ; page++) {
      const body = await list({ search: '基准测试', pageSize: 200, page });
      expect(body).toMatchObject({ total: CAP, totalCapped: true });
      seen.push(...body.items.map((i) => i.id));
      if (body.items.length < 200) break;
    }
    expect(seen).toEqual(all);
  });

  it.each([
    ['基准测试', undefined],
    ['企业11', undefined],
    ['基准测试', 'state'],
    ['企业11', 'state'],
  ])('pages along every sort, either way, with no gap or repeat (search %s, state filter: %s)', async (term, withState) => {
    for (const key of SORTS) {
      for (const sort of [key, `-${key}`]) {
        const state = withState ? states[1] : undefined;
        const want = expected(term, sort, state);
        const filter = { search: term, sort, ...(state ? { state } : {}) };
        // 基准测试 passes the cap (the page walks the list's order), with a state too (1,080 of them); 企业11 does not (its matches are sorted).
        expect({ sort, capped: (await list({ ...filter, pageSize: 1 })).totalCapped }).toEqual({ sort, capped: want.length > CAP });
        expect(want.length > CAP).toBe(term === '基准测试');
        const pages: string[] = [];
        for (const page of [1, 2, 3]) pages.push(...(await list({ ...filter, pageSize: 7, page })).items.map((i) => i.id));
        expect({ sort, ids: pages }).toEqual({ sort, ids: want.slice(0, 21) });
        // A page deep in the list (past the cap when the search passes it).
        const deep = Math.min(Math.floor(want.length / 7), 160);
        expect({ sort, deep, ids: (await list({ ...filter, pageSize: 7, page: deep })).items.map((i) => i.id) }).toEqual({
          sort,
          deep,
          ids: want.slice((deep - 1) * 7, deep * 7),
        });
      }
    }
  });

  it('exports every match of a capped search', async () => {
    const res = await ctx.http.get('/applications/export.xlsx').query({ search: '基准测试' }).set('Authorization', admin).buffer(true).parse(binaryBody).expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as never);
    const sheet = workbook.getWorksheet('申报列表')!;
    expect(sheet.actualRowCount).toBe(COUNT + 1);
  });
});
