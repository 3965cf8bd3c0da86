import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createApiApp } from '../apps/api/src/create-api-app';
import { ApplicationsService } from '../libs/applications/src/applications/applications.service';
import { Cycle } from '../libs/cycles/src/cycles/cycle.entity';
import { CyclesService } from '../libs/cycles/src/cycles/cycles.service';
import { AuthUser } from '../libs/identity/src/auth/auth-user';
import { Role } from '../libs/identity/src/roles/role';
import { seedOffices } from '../libs/identity/src/seed/seed-offices';
import { seedUsers } from '../libs/identity/src/seed/seed-users';
import { DefinitionRegistry } from '../libs/workflow/src/definition/definition-registry';
import { WorkflowDefinition } from '../libs/workflow/src/definition/definition.types';
import { chainHash, GENESIS_HASH } from '../libs/workflow/src/history/history-chain';
import { dropDatabase, flag, freshDatabase, percentile } from './bench-support';

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
const CHUNK = 5000;

/** Statements sent to Postgres by this process: every pg query, pooled or in a transaction, passes here. */
let statements = 0;
const query = Client.prototype.query;
Client.prototype.query = function (this: Client, ...args: unknown[]) {
  statements++;
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof Client.prototype.query;

interface Seeding {
  dataSource: DataSource;
  cycles: Cycle[];
  contexts: Map<string, Record<string, unknown>>;
  definition: WorkflowDefinition;
  /** The states applications are spread over: the initial one (drafts) and the next ones of the definition. */
  states: string[];
  officeCount: number;
  base: number;
}

/**
 * Applications [from, to) with their organisations, instances and genesis history rows, in
 * set-based statements of CHUNK rows. The engine has no bulk start, so this is an INSERT … SELECT
 * FROM unnest mirroring what WorkflowEngine.start writes (the instance and its hash-chained
 * `create` row; the initial state has neither onEnter events nor timers to write) and what
 * ApplicationsService.create adds (the application row). Seven in ten are then moved on to a later
 * state with a submission time and receipt number, without their history: the list reads only the
 * state. Application 2k and 2k+1 are organisation k's, in its office's two cycles.
 */
async function seed(s: Seeding, from: number, to: number): Promise<void> {
  for (let start = from; start < to; start += CHUNK) {
    const end = Math.min(to, start + CHUNK);
    const apps = { id: [] as string[], cycle: [] as string[], org: [] as string[], instance: [] as string[], state: [] as string[], created: [] as string[], submitted: [] as (string | null)[], receipt: [] as (string | null)[] };
    const inst = { context: [] as string[], hash: [] as string[] };
    const orgs = { id: [] as string[], name: [] as string[], uscc: [] as string[] };
    for (let i = start; i < end; i++) {
      const k = Math.floor(i / 2);
      const office = k % s.officeCount;
      const cycle = s.cycles[office * 2 + (i % 2)];
      const orgId = uuidOf(k, 'org');
      if (i % 2 === 0 || i === start) {
        orgs.id.push(orgId);
        orgs.name.push(`重庆基准测试企业${k}有限公司`);
        orgs.uscc.push(`91500000${String(k).padStart(10, '0')}`);
      }
      const id = randomUUID();
      const instanceId = randomUUID();
      const created = new Date(s.base + i * 1000);
      const band = i % 10;
      const state = band < 3 ? s.states[0] : s.states[1 + (band % (s.states.length - 1))];
      apps.id.push(id);
      apps.cycle.push(cycle.id);
      apps.org.push(orgId);
      apps.instance.push(instanceId);
      apps.state.push(state);
      apps.created.push(created.toISOString());
      apps.submitted.push(band < 3 ? null : new Date(created.getTime() + 3600_000).toISOString());
      apps.receipt.push(band < 3 ? null : `BENCH-${i}`);
      inst.context.push(JSON.stringify({ ...s.contexts.get(cycle.id), organizationId: orgId }));
      inst.hash.push(
        chainHash(GENESIS_HASH, { instanceId, seq: 1, actorId: null, actorRole: 'applicant', action: 'create', fromState: null, toState: s.definition.initial, comment: null, payload: {}, createdAt: created }),
      );
    }
    await s.dataSource.transaction(async (m) => {
      await m.query(
        `INSERT INTO organizations (id, name, uscc, region_code, address, legal_representative, contact, founded_at, industry)
         SELECT id, name, uscc, '500103', '重庆市渝中区解放碑民族路 1 号', '张三', '{"name":"王经理","phone":"023-63000000"}', '2010-03-01', 'C3825'
           FROM unnest($1::uuid[], $2::text[], $3::text[]) AS o(id, name, uscc) ON CONFLICT (id) DO NOTHING`,
        [orgs.id, orgs.name, orgs.uscc],
      );
      await m.query(
        `WITH n AS (SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::jsonb[], $4::text[], $5::timestamptz[]) AS n(id, subject_id, context, hash, created_at)),
         ins AS (
           INSERT INTO workflow_instances (id, definition_code, definition_version, subject_type, subject_id, state, version, context, history_seq, history_head, created_at, updated_at)
           SELECT id, $6, $7, 'application', subject_id, $8, 1, context, 1, hash, created_at, created_at FROM n
         )
         INSERT INTO workflow_history (instance_id, seq, actor_id, actor_role, action, from_state, to_state, comment, payload, created_at, prev_hash, hash)
         SELECT id, 1, NULL, 'applicant', 'create', NULL, $8, NULL, '{}', created_at, $9, hash FROM n`,
        [apps.instance, apps.id, inst.context, inst.hash, apps.created, s.definition.code, s.definition.version, s.definition.initial, GENESIS_HASH],
      );
      await m.query(
        `INSERT INTO applications (id, cycle_id, organization_id, instance_id, form, created_at, updated_at)
         SELECT id, cycle_id, organization_id, instance_id, '{}', created_at, created_at
           FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::timestamptz[]) AS a(id, cycle_id, organization_id, instance_id, created_at)`,
        [apps.id, apps.cycle, apps.org, apps.instance, apps.created],
      );
      await m.query(
        `UPDATE workflow_instances i SET state = n.state FROM unnest($1::uuid[], $2::text[]) AS n(id, state) WHERE i.id = n.id AND n.state <> $3`,
        [apps.instance, apps.state, s.definition.initial],
      );
      await m.query(
        `UPDATE applications a SET submitted_at = n.submitted_at, receipt_number = n.receipt
           FROM unnest($1::uuid[], $2::timestamptz[], $3::text[]) AS n(id, submitted_at, receipt) WHERE a.id = n.id AND n.submitted_at IS NOT NULL`,
        [apps.id, apps.submitted, apps.receipt],
      );
    });
  }
  // As autovacuum would in the background: statistics for the planner, the visibility map for index-only counts.
  await s.dataSource.query(`VACUUM (ANALYZE) applications, organizations, workflow_instances, workflow_history`);
}

/** A stable uuid per index, so growing the database finds the organisations it made before. */
function uuidOf(k: number, kind: 'org'): string {
  const hex = (kind === 'org' ? 1 : 2).toString(16).padStart(8, '0') + k.toString(16).padStart(24, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

interface PageFigure {
  list: string;
  page: number;
  total: number;
  p50: number;
  statements: number;
}

/**
 * Page 1 and the deep page: page 400, or the list's last full page at 1,000 applications when it
 * has fewer, the same page at both sizes (none when the list has less than two full pages at 1,000).
 */
async function measure(service: ApplicationsService, name: string, user: AuthUser, query: { state?: string; search?: string }, samples: number, deepPage?: number | null): Promise<Array<PageFigure | null>> {
  const first = await service.list({ ...query, page: 1, pageSize: PAGE_SIZE }, user);
  const full = Math.min(DEEP_PAGE, Math.floor(first.total / PAGE_SIZE));
  const deep = deepPage !== undefined ? deepPage : full >= 2 ? full : null;
  const figures: Array<PageFigure | null> = [];
  for (const [which, page] of [['page 1', 1], ['deep page', deep]] as const) {
    if (page === null) {
      figures.push(null);
      continue;
    }
    for (let i = 0; i < 3; i++) await service.list({ ...query, page, pageSize: PAGE_SIZE }, user);
    const latencies: number[] = [];
    let used = 0;
    let total = 0;
    for (let i = 0; i < samples; i++) {
      const before = statements;
      const t0 = process.hrtime.bigint();
      const result = await service.list({ ...query, page, pageSize: PAGE_SIZE }, user);
      latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      used = statements - before;
      total = result.total;
      if (result.items.length === 0) throw new Error(`${name} page ${page} is empty`);
    }
    latencies.sort((a, b) => a - b);
    figures.push({ list: `${name}, ${which}`, page, total, p50: percentile(latencies, 50), statements: used });
  }
  return figures;
}

async function main(): Promise<void> {
  const count = flag('applications', 100_000);
  const officeCount = Math.min(39, flag('offices', 39));
  const samples = flag('samples', 30);
  if (count < SMALL) throw new Error(`--applications must be at least ${SMALL}`);
  const dbName = 'awardflow_bench_lists';
  const url = await freshDatabase(dbName);
  let app: INestApplication | undefined;
  try {
    app = await createApiApp({
      NODE_ENV: 'test',
      DATABASE_URL: url,
      QUEUE_PREFIX: `{awardflow_bench_lists_${process.pid}}`,
      JWT_SECRET: 'bench-secret-bench-secret-bench-secret-1234',
      LOG_LEVEL: 'silent',
    });
    await app.init();
    const dataSource = app.get(DataSource);
    await seedUsers(dataSource, { adminUsername: 'admin', adminPassword: 'bench-admin-password-1', demo: false });
    await seedOffices(dataSource);
    const [{ adminId }] = await dataSource.query(`SELECT id AS "adminId" FROM users WHERE username = 'admin'`);
    const offices: Array<{ id: string }> = await dataSource.query(`SELECT id FROM offices ORDER BY parent_id NULLS FIRST, region_code LIMIT $1`, [officeCount]);
    const admin: AuthUser = { id: adminId, username: 'admin', role: Role.Admin, organizationId: null, officeIds: offices.map((o) => o.id) };
    const cyclesService = app.get(CyclesService);
    const cycles: Cycle[] = [];
    for (const office of offices) {
      for (const year of [2030, 2031]) {
        const created = await cyclesService.create(
          {
            officeId: office.id,
            awardCode: 'district-quality-award',
            year,
            title: `区长质量管理奖 基准测试 ${year}`,
            applicationOpensAt: '2026-01-01',
            applicationClosesAt: '2099-12-31',
            quota: { awards: 3, secondTier: { label: '提名奖', count: 2 } },
            reviewersPerApplication: 3,
          } as never,
          admin,
        );
        await cyclesService.open(created.id, admin);
        cycles.push(await cyclesService.get(created.id));
      }
    }
    const definition = await app.get(DefinitionRegistry).get(cycles[0].definitionCode!, cycles[0].definitionVersion!);
    const later = Object.keys(definition.states).filter((s) => s !== definition.initial && !definition.states[s].terminal);
    const seeding: Seeding = {
      dataSource,
      cycles,
      contexts: new Map(cycles.map((c) => [c.id, cyclesService.instanceContext(c)])),
      definition,
      states: [definition.initial, ...later.slice(0, 3)],
      officeCount,
      base: Date.parse('2026-01-01T00:00:00Z'),
    };

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
    const run = async (deepPages?: Array<number | null>): Promise<Array<PageFigure | null>> => {
      const figures: Array<PageFigure | null> = [];
      for (const [i, [name, user, query]] of lists.entries()) figures.push(...(await measure(service, name, user, query, samples, deepPages?.[i])));
      return figures;
    };

    let t0 = Date.now();
    await seed(seeding, 0, SMALL);
    const small = await run();
    const seedSmall = (Date.now() - t0) / 1000;
    t0 = Date.now();
    await seed(seeding, SMALL, count);
    const seedLarge = (Date.now() - t0) / 1000;
    const large = await run(small.filter((_, i) => i % 2 === 1).map((f) => f?.page ?? null));

    console.log(`machine: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.cpus()[0]?.model ?? ''}`);
    console.log(`seeded ${SMALL} applications (and measured) in ${seedSmall.toFixed(1)} s, grew to ${count} in ${seedLarge.toFixed(1)} s; ${officeCount} offices, ${cycles.length} cycles, page size ${PAGE_SIZE}, p50 of ${samples}`);
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
        `${a.list.padEnd(48)} at ${SMALL}: page ${String(a.page).padStart(3)} of ${String(a.total).padStart(6)} rows ${a.p50.toFixed(2).padStart(7)} ms ${String(a.statements).padStart(3)} statements` +
          ` | at ${count}: page ${String(b.page).padStart(3)} of ${String(b.total).padStart(6)} rows ${b.p50.toFixed(2).padStart(7)} ms ${String(b.statements).padStart(3)} statements` +
          ` | ratio ${ratio.toFixed(2)} (goal ≤ ${GOAL}) ${ok ? 'ok' : 'MISSED'}`,
      );
    }
    console.log(`all goals met: ${failed.length ? `no (${failed.join('; ')})` : 'yes'}`);
  } finally {
    await app?.close();
    // --keep leaves the database for EXPLAIN ANALYZE of a page's statements.
    if (!process.argv.includes('--keep')) await dropDatabase(dbName);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
