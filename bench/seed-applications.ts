import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { DataSource, EntityManager } from 'typeorm';
import { createApiApp } from '../apps/api/src/create-api-app';
import { Cycle } from '../libs/cycles/src/cycles/cycle.entity';
import { CyclesService } from '../libs/cycles/src/cycles/cycles.service';
import { AuthUser } from '../libs/identity/src/auth/auth-user';
import { Role } from '../libs/identity/src/roles/role';
import { seedOffices } from '../libs/identity/src/seed/seed-offices';
import { seedUsers } from '../libs/identity/src/seed/seed-users';
import { DefinitionRegistry } from '../libs/workflow/src/definition/definition-registry';
import { WorkflowDefinition } from '../libs/workflow/src/definition/definition.types';
import { A, S } from '../libs/rules/src';
import { sqlRows } from '../libs/platform/src/database/sql-rows';
import { chainHash, GENESIS_HASH } from '../libs/workflow/src/history/history-chain';
import { dropDatabase, freshDatabase } from './bench-support';

/**
 * What the benches that run the API app in their own process share (bench:bulk, bench:exports,
 * bench:lists, bench:stats): the app on a fresh database of the bench's own, the admin with open
 * cycles, and the pieces of set-based seeding (organisations, hash-chained history rows).
 *
 * Set-based seeding of applications for the benches (bench:lists, bench:stats): the engine has no
 * bulk start, so these are INSERT … SELECT FROM unnest statements mirroring what WorkflowEngine.start
 * writes (the instance and its hash-chained `create` row; the initial state has neither onEnter
 * events nor timers to write) and what ApplicationsService.create adds (the application row, its
 * state mirror holding the state the instance is then moved to).
 */
export const CHUNK = 5000;
const HOUR = 3600_000;
const DAY = 24 * HOUR;

export const BENCH_ADMIN_PASSWORD = 'bench-admin-password-1';

/**
 * The API app (in this process) on a fresh migrated database named for the bench and this run,
 * initialised, or listening on a spare port of 127.0.0.1 with `listen`; closed after fn, and the
 * database dropped unless the run was given --keep (to EXPLAIN ANALYZE its statements after).
 */
export async function withBenchApp(dbName: string, options: { listen?: boolean; env?: Record<string, string> }, fn: (app: INestApplication) => Promise<void>): Promise<void> {
  const url = await freshDatabase(dbName);
  let app: INestApplication | undefined;
  try {
    app = await createApiApp({
      NODE_ENV: 'test',
      DATABASE_URL: url,
      QUEUE_PREFIX: `{${dbName}_${process.pid}}`,
      JWT_SECRET: 'bench-secret-bench-secret-bench-secret-1234',
      LOG_LEVEL: 'silent',
      ...options.env,
    });
    if (options.listen) await app.listen(0, '127.0.0.1');
    else await app.init();
    await fn(app);
  } finally {
    await app?.close();
    if (!process.argv.includes('--keep')) await dropDatabase(dbName);
  }
}

/** The base URL of an app listening (see withBenchApp's `listen`). */
export function listeningUrl(app: INestApplication): string {
  return `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
}

export interface BenchCycles {
  /** The admin (password BENCH_ADMIN_PASSWORD) of the offices. */
  admin: AuthUser;
  offices: Array<{ id: string; regionCode: string }>;
  /** Two open 区长质量管理奖 cycles per office, 2030 and 2031, office by office. */
  cycles: Cycle[];
  definition: WorkflowDefinition;
  cyclesService: CyclesService;
}

/**
 * The admin, the first `officeCount` offices (the city first; with `allOffices` the city and its 38
 * 区县 from the seed, else the offices the migrations make) and two open 区长质量管理奖 cycles each
 * (2030 and 2031) titled `区长质量管理奖 <label> <year>`.
 */
export async function seedAdminAndCycles(app: INestApplication, options: { officeCount: number; allOffices: boolean; label: string }): Promise<BenchCycles> {
  const dataSource = app.get(DataSource);
  await seedUsers(dataSource, { adminUsername: 'admin', adminPassword: BENCH_ADMIN_PASSWORD, demo: false });
  if (options.allOffices) await seedOffices(dataSource);
  const [{ adminId }] = await sqlRows<{ adminId: string }>(dataSource, `SELECT id AS "adminId" FROM users WHERE username = 'admin'`);
  const offices = await sqlRows<{ id: string; regionCode: string }>(dataSource, `SELECT id, region_code AS "regionCode" FROM offices ORDER BY parent_id NULLS FIRST, region_code LIMIT $1`, [options.officeCount]);
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
          title: `区长质量管理奖 ${options.label} ${year}`,
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
  return { admin, offices, cycles, definition, cyclesService };
}

/** Organisation rows, column by column; without region or industry, 渝中区 (500103) instrument makers (C3825). */
export interface OrganizationColumns {
  id: string[];
  name: string[];
  uscc: string[];
  region?: string[];
  industry?: string[];
}

/** The organisations in one set-based statement (one already there is left as it is). */
export async function insertOrganizations(m: EntityManager, o: OrganizationColumns): Promise<void> {
  await sqlRows(
    m,
    `INSERT INTO organizations (id, name, uscc, region_code, address, legal_representative, contact, founded_at, industry)
     SELECT id, name, uscc, region, '重庆市渝中区解放碑民族路 1 号', '张三', '{"name":"王经理","phone":"023-63000000"}', '2010-03-01', industry
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[]) AS o(id, name, uscc, region, industry) ON CONFLICT (id) DO NOTHING`,
    [o.id, o.name, o.uscc, o.region ?? o.id.map(() => '500103'), o.industry ?? o.id.map(() => 'C3825')],
  );
}

/** A history row's step: what the engine chains (no actor id, comment or payload in the seeds). */
export interface SeedStep {
  action: string;
  fromState: string | null;
  toState: string;
  createdAt: Date;
  actorRole: string;
}

/** The hash of history row `seq` of an instance after `prev` (GENESIS_HASH before the first), as WorkflowEngine chains it. */
export function stepHash(prev: string, instanceId: string, seq: number, step: SeedStep): string {
  return chainHash(prev, { instanceId, seq, actorId: null, actorRole: step.actorRole, action: step.action, fromState: step.fromState, toState: step.toState, comment: null, payload: {}, createdAt: step.createdAt });
}

/** The hash of an instance's genesis row: created by the applicant in the definition's initial state. */
export function genesisHash(instanceId: string, initial: string, createdAt: Date): string {
  return stepHash(GENESIS_HASH, instanceId, 1, { action: 'create', fromState: null, toState: initial, createdAt, actorRole: 'applicant' });
}

export interface Seeding {
  dataSource: DataSource;
  cycles: Cycle[];
  contexts: Map<string, Record<string, unknown>>;
  definition: WorkflowDefinition;
  /** The states applications are spread over: the initial one (drafts) and the next ones of the definition. */
  states: string[];
  officeCount: number;
  base: number;
  /**
   * Also write the history of the moves (bench:stats measures the time spent in each state from
   * it): application i in states[k] went through states[1] … states[k], entering states[1] an hour
   * after it was created (its submission) and spending stageDays(i, j) days in states[j]. Without
   * it (bench:lists) the moved applications have their genesis row alone: the list reads only the state.
   */
  history?: boolean;
  /**
   * Register each organisation in its office's division and spread them over a few GB/T 4754
   * industries (bench:stats breaks the figures down by both). Without it (bench:lists) every
   * organisation is a 渝中区 instrument maker (C3825).
   */
  spread?: { regions: string[] };
}

const INDUSTRIES = ['C3825', 'C2710', 'E4710', 'I6510', 'F5131', 'A0111', 'M7320'];

/** Days application i spends in the j-th state of its path (1 to 13, spread so medians are not trivial). */
export function stageDays(i: number, j: number): number {
  return 1 + ((i * 7 + j * 5) % 13);
}

/**
 * Applications [from, to) with their organisations, instances and history rows, in set-based
 * statements of CHUNK rows. Seven in ten are moved on to a later state with a submission time and
 * receipt number. Application 2k and 2k+1 are organisation k's, in its office's two cycles.
 */
export async function seed(s: Seeding, from: number, to: number): Promise<void> {
  const actionOf = (fromState: string, toState: string) =>
    s.definition.transitions.find((t) => t.to === toState && (Array.isArray(t.from) ? t.from.includes(fromState) : t.from === fromState))?.action ?? 'bench_move';
  for (let start = from; start < to; start += CHUNK) {
    const end = Math.min(to, start + CHUNK);
    const apps = { id: [] as string[], cycle: [] as string[], org: [] as string[], instance: [] as string[], state: [] as string[], created: [] as string[], submitted: [] as (string | null)[], receipt: [] as (string | null)[] };
    const inst = { context: [] as string[], seq: [] as number[], head: [] as string[] };
    const hist = { instance: [] as string[], seq: [] as number[], action: [] as string[], from: [] as (string | null)[], to: [] as string[], at: [] as string[], prev: [] as string[], hash: [] as string[], role: [] as string[] };
    const orgs = { id: [] as string[], name: [] as string[], uscc: [] as string[], region: [] as string[], industry: [] as string[] };
    for (let i = start; i < end; i++) {
      const k = Math.floor(i / 2);
      const office = k % s.officeCount;
      const cycle = s.cycles[office * 2 + (i % 2)];
      const orgId = uuidOf(k, 'org');
      if (i % 2 === 0 || i === start) {
        orgs.id.push(orgId);
        orgs.name.push(`重庆基准测试企业${k}有限公司`);
        orgs.uscc.push(`91500000${String(k).padStart(10, '0')}`);
        orgs.region.push(s.spread ? s.spread.regions[office] : '500103');
        orgs.industry.push(s.spread ? INDUSTRIES[k % INDUSTRIES.length] : 'C3825');
      }
      const id = randomUUID();
      const instanceId = randomUUID();
      const created = new Date(s.base + i * 1000);
      const band = i % 10;
      const stateIndex = band < 3 ? 0 : 1 + (band % (s.states.length - 1));
      // With history, one in ten (band 9) was rejected at the end of its path: the stages' pass rates are not all 100 %.
      const rejected = s.history && band === 9;
      const state = rejected ? S.rejected : s.states[stateIndex];
      apps.id.push(id);
      apps.cycle.push(cycle.id);
      apps.org.push(orgId);
      apps.instance.push(instanceId);
      apps.state.push(state);
      apps.created.push(created.toISOString());
      apps.submitted.push(band < 3 ? null : new Date(created.getTime() + HOUR).toISOString());
      apps.receipt.push(band < 3 ? null : `BENCH-${i}`);
      inst.context.push(JSON.stringify({ ...s.contexts.get(cycle.id), organizationId: orgId }));
      const steps: SeedStep[] = [
        { action: 'create', fromState: null, toState: s.definition.initial, createdAt: created, actorRole: 'applicant' },
      ];
      if (s.history) {
        let at = created.getTime() + HOUR;
        for (let j = 1; j <= stateIndex; j++) {
          steps.push({ action: actionOf(s.states[j - 1], s.states[j]), fromState: s.states[j - 1], toState: s.states[j], createdAt: new Date(at), actorRole: j === 1 ? 'applicant' : 'admin' });
          at += stageDays(i, j) * DAY;
        }
        if (rejected) steps.push({ action: A.reject, fromState: s.states[stateIndex], toState: S.rejected, createdAt: new Date(at), actorRole: 'admin' });
      }
      let prev = GENESIS_HASH;
      steps.forEach((step, n) => {
        const hash = stepHash(prev, instanceId, n + 1, step);
        hist.instance.push(instanceId);
        hist.seq.push(n + 1);
        hist.action.push(step.action);
        hist.from.push(step.fromState);
        hist.to.push(step.toState);
        hist.at.push(step.createdAt.toISOString());
        hist.prev.push(prev);
        hist.hash.push(hash);
        hist.role.push(step.actorRole);
        prev = hash;
      });
      inst.seq.push(steps.length);
      inst.head.push(prev);
    }
    await s.dataSource.transaction(async (m) => {
      await insertOrganizations(m, orgs);
      await m.query(
        `INSERT INTO workflow_instances (id, definition_code, definition_version, subject_type, subject_id, state, version, context, history_seq, history_head, created_at, updated_at)
         SELECT id, $6, $7, 'application', subject_id, $8, 1, context, seq, head, created_at, created_at
           FROM unnest($1::uuid[], $2::uuid[], $3::jsonb[], $4::int[], $5::text[], $9::timestamptz[]) AS n(id, subject_id, context, seq, head, created_at)`,
        [apps.instance, apps.id, inst.context, inst.seq, inst.head, s.definition.code, s.definition.version, s.definition.initial, apps.created],
      );
      await m.query(
        `INSERT INTO workflow_history (instance_id, seq, actor_id, actor_role, action, from_state, to_state, comment, payload, created_at, prev_hash, hash)
         SELECT instance_id, seq, NULL, role, action, from_state, to_state, NULL, '{}', created_at, prev_hash, hash
           FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::text[], $9::text[])
             AS h(instance_id, seq, role, action, from_state, to_state, created_at, prev_hash, hash)`,
        [hist.instance, hist.seq, hist.role, hist.action, hist.from, hist.to, hist.at, hist.prev, hist.hash],
      );
      await m.query(
        `INSERT INTO applications (id, cycle_id, organization_id, instance_id, state, organization_name, organization_uscc, form, created_at, updated_at)
         SELECT a.id, a.cycle_id, a.organization_id, a.instance_id, a.state, o.name, o.uscc, '{}', a.created_at, a.created_at
           FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::timestamptz[], $6::text[]) AS a(id, cycle_id, organization_id, instance_id, created_at, state)
           JOIN organizations o ON o.id = a.organization_id`,
        [apps.id, apps.cycle, apps.org, apps.instance, apps.created, apps.state],
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
export function uuidOf(k: number, kind: 'org'): string {
  const hex = (kind === 'org' ? 1 : 2).toString(16).padStart(8, '0') + k.toString(16).padStart(24, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The offices (the city and its 38 区县 from the seed, the first `officeCount` of them) with two open
 * 区长质量管理奖 cycles each (2030 and 2031), and the Seeding over them. Returns the admin of them all.
 */
export async function setUpSeeding(
  app: INestApplication,
  officeCount: number,
  options: { history?: boolean; spread?: boolean } = {},
): Promise<{ seeding: Seeding; admin: AuthUser; offices: Array<{ id: string; regionCode: string }> }> {
  const { admin, offices, cycles, definition, cyclesService } = await seedAdminAndCycles(app, { officeCount, allOffices: true, label: '基准测试' });
  const later = Object.keys(definition.states).filter((s) => s !== definition.initial && !definition.states[s].terminal);
  const seeding: Seeding = {
    dataSource: app.get(DataSource),
    cycles,
    contexts: new Map(cycles.map((c) => [c.id, cyclesService.instanceContext(c)])),
    definition,
    // With history, the path an application takes (submitted, 形式审查, 资料评审) so the stages read as they do in use.
    states: options.history ? [definition.initial, S.submitted, S.formalReview, S.expertReview] : [definition.initial, ...later.slice(0, 3)],
    officeCount,
    base: Date.parse('2026-01-01T00:00:00Z'),
    history: options.history,
    spread: options.spread ? { regions: offices.map((o) => o.regionCode) } : undefined,
  };
  return { seeding, admin, offices };
}
