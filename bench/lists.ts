import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { Client } from 'pg';
import { ApplicationsService } from '../libs/applications/src/applications/applications.service';
import { AuthUser } from '../libs/identity/src/auth/auth-user';
import { Role } from '../libs/identity/src/roles/role';
import { flag, latenciesMs, percentile, runBench } from './bench-support';
import { seed, setUpSeeding, uuidOf, withBenchApp } from './seed-applications';

/**
 * npm run bench:lists [-- --applications 100000 --offices 39 --samples 30 --keep]
 * GET /applications's pages (ApplicationsService.list, in-process in the API app) at 1,000
 * applications and again after growing the same database to --applications: the office's list
 * with no filter, with a state filter and with a search, and an enterprise's own list; page 1 and
 * a deep page (page 400, or the list's last page when it has fewer). The applications are spread
 * as issue 15 describes them, over the city and its 38 区县 offices (two cycles each); --offices 1
 * puts them all into one office's two cycles instead.
 */
const SMALL = 1000;
const PAGE_SIZE = 20;
const DEEP_PAGE = 400;
const GOAL = 1.5;

/** Statements sent to Postgres by this process: every pg query, pooled or in a transaction, passes here. */
let statements = 0;
const query = Client.prototype.query;
Client.prototype.query = function (this: Client, ...args: unknown[]) {
  statements++;
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof Client.prototype.query;

interface PageFigure {
  list: string;
  page: number;
  pageSize: number;
  total: number;
  p50: number;
  statements: number;
}

/**
 * Page 1 and the deep page: page 400, or the list's last full page at 1,000 applications when it
 * has fewer, the same page at both sizes (none when the list has less than two full pages at 1,000).
 */
async function measure(
  service: ApplicationsService,
  name: string,
  user: AuthUser,
  query: { state?: string; search?: string },
  samples: number,
  deepPage?: number | null,
  pageSize = PAGE_SIZE,
): Promise<Array<PageFigure | null>> {
  const first = await service.list({ ...query, page: 1, pageSize }, user);
  const full = Math.min(DEEP_PAGE, Math.floor(first.total / pageSize));
  const deep = deepPage !== undefined ? deepPage : full >= 2 ? full : null;
  const figures: Array<PageFigure | null> = [];
  for (const [which, page] of [['page 1', 1], ['deep page', deep]] as const) {
    if (page === null) {
      figures.push(null);
      continue;
    }
    let used = 0;
    let total = 0;
    const latencies = await latenciesMs(async () => {
      const before = statements;
      const result = await service.list({ ...query, page, pageSize }, user);
      used = statements - before;
      total = result.total;
      if (result.items.length === 0) throw new Error(`${name} page ${page} is empty`);
    }, samples);
    figures.push({ list: `${name}, ${which}`, page, pageSize, total, p50: percentile(latencies, 50), statements: used });
  }
  return figures;
}

async function main(): Promise<void> {
  const count = flag('applications', 100_000);
  const officeCount = Math.min(39, flag('offices', 39));
  const samples = flag('samples', 30);
  if (count < SMALL) throw new Error(`--applications must be at least ${SMALL}`);
  await withBenchApp('awardflow_bench_lists', {}, async (app) => {
    const { seeding, admin, offices } = await setUpSeeding(app, officeCount);

    // The office measured is the last one seeded (a 区县 office, or the only one); the enterprise is organisation 0.
    const officeAdmin: AuthUser = { ...admin, officeIds: [offices[officeCount - 1].id] };
    const enterprise: AuthUser = { id: randomUUID(), username: 'bench-enterprise', role: Role.Applicant, organizationId: uuidOf(0, 'org'), officeIds: [] };
    const service = app.get(ApplicationsService);
    const lists: Array<[string, AuthUser, { state?: string; search?: string }]> = [
      ['office list', officeAdmin, {}],
      [`office list, state=${seeding.states[1]}`, officeAdmin, { state: seeding.states[1] }],
      ['office list, search "企业1"', officeAdmin, { search: '企业1' }],
      ["enterprise's own list", enterprise, {}],
    ];
    const run = async (deepPages?: Array<number | null>, pageSizes?: number[], times = samples): Promise<Array<PageFigure | null>> => {
      const figures: Array<PageFigure | null> = [];
      for (const [i, [name, user, query]] of lists.entries()) figures.push(...(await measure(service, name, user, query, times, deepPages?.[i], pageSizes?.[i])));
      return figures;
    };

    let t0 = Date.now();
    await seed(seeding, 0, SMALL);
    // A whole untimed pass first: the first list measured would otherwise carry the process's warm-up.
    await run(undefined, undefined, 5);
    // The same number of rows per page at both sizes (a filtered list at 1,000 fills fewer than 20):
    // what grows is then the number of applications alone.
    const pageSizes = await Promise.all(lists.map(async ([, user, query]) => Math.max(1, (await service.list({ ...query, page: 1, pageSize: PAGE_SIZE }, user)).items.length)));
    const small = await run(undefined, pageSizes);
    const seedSmall = (Date.now() - t0) / 1000;
    t0 = Date.now();
    await seed(seeding, SMALL, count);
    const seedLarge = (Date.now() - t0) / 1000;
    const large = await run(
      small.filter((_, i) => i % 2 === 1).map((f) => f?.page ?? null),
      pageSizes,
    );

    console.log(`machine: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.cpus()[0]?.model ?? ''}`);
    console.log(`seeded ${SMALL} applications (and measured) in ${seedSmall.toFixed(1)} s, grew to ${count} in ${seedLarge.toFixed(1)} s; ${officeCount} offices, ${seeding.cycles.length} cycles, page size ${PAGE_SIZE}, p50 of ${samples}`);
    const failed: string[] = [];
    for (let i = 0; i < small.length; i++) {
      const a = small[i];
      const b = large[i];
      if (!a || !b) {
        console.log(`${`${lists[Math.floor(i / 2)][0]}, deep page`.padEnd(48)} none: fewer than two full pages at ${SMALL}`);
        continue;
      }
      const ratio = b.p50 / a.p50;
      const ok = ratio <= GOAL;
      if (!ok) failed.push(`${a.list} ${ratio.toFixed(2)}×`);
      console.log(
        `${a.list.padEnd(48)} ${String(a.pageSize).padStart(2)}/page at ${SMALL}: page ${String(a.page).padStart(3)} of ${String(a.total).padStart(6)} rows ${a.p50.toFixed(2).padStart(7)} ms ${String(a.statements).padStart(3)} statements` +
          ` | at ${count}: page ${String(b.page).padStart(3)} of ${String(b.total).padStart(6)} rows ${b.p50.toFixed(2).padStart(7)} ms ${String(b.statements).padStart(3)} statements` +
          ` | ratio ${ratio.toFixed(2)} (goal ≤ ${GOAL}) ${ok ? 'ok' : 'MISSED'}`,
      );
    }
    console.log(`all goals met: ${failed.length ? `no (${failed.join('; ')})` : 'yes'}`);
  });
}

runBench(main);
