import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { DataSource, EntityManager } from 'typeorm';
import { BulkActions } from '../libs/applications/src/applications/bulk-actions';
import { A, S } from '../libs/awards/src/families/workflow-names';
import { Cycle } from '../libs/cycles/src/cycles/cycle.entity';
import { sqlRows } from '../libs/platform/src/database/sql-rows';
import { WorkCalendars } from '../libs/calendar/src/work-calendar/work-calendars';
import { DefinitionRegistry } from '../libs/workflow/src/definition/definition-registry';
import { WorkflowDefinition } from '../libs/workflow/src/definition/definition.types';
import { computeTransition } from '../libs/workflow/src/engine/compute-transition';
import { WorkflowEngine } from '../libs/workflow/src/engine/workflow-engine';
import { chainHash, GENESIS_HASH } from '../libs/workflow/src/history/history-chain';
import { GuardRegistry } from '../libs/workflow/src/registry/guard.registry';
import { flag, runBench, seconds } from './bench-support';
import { CHUNK, genesisHash, insertOrganizations, seedAdminAndCycles, stepHash, withBenchApp } from './seed-applications';

/**
 * npm run bench:bulk [-- --applications 10000 --bulk 1000]
 * Closing a cycle of --applications submitted applications through the product's close path
 * (CyclesService.close: the cycle row, then the engine's batch transition in chunks), beside the
 * same writes as one hand-written statement on a second cycle seeded alike (the instances, a
 * hash-chained history row each, the outbox rows of the state entered, the left state's deadlines
 * cancelled): issue 15's 33× today, goal ≤ 3 s. Then a bulk 形式审查通过 of --bulk applications
 * through the bulk route's service (BulkActions.run) beside the same hand-written statement for as
 * many, goal ≤ 3 s per 10k as for the close.
 *
 * The app, admin, cycles and organisations come from bench/seed-applications.ts; the applications
 * are this bench's own shape: already submitted (create and submit rows chained, the window-close
 * deadline pending), which bench:lists and bench:stats do not write.
 */
const CLOSE_GOAL_SECONDS = 3;

interface Seeded {
  applicationIds: string[];
  instanceIds: string[];
}

/** `count` submitted applications in `cycle`: what create + submit through the product would leave. */
async function seedSubmitted(dataSource: DataSource, cycle: Cycle, context: Record<string, unknown>, def: WorkflowDefinition, count: number, tag: string): Promise<Seeded> {
  const seeded: Seeded = { applicationIds: [], instanceIds: [] };
  const base = Date.parse('2026-01-01T00:00:00Z');
  for (let start = 0; start < count; start += CHUNK) {
    const end = Math.min(count, start + CHUNK);
    const r = { app: [] as string[], inst: [] as string[], org: [] as string[], name: [] as string[], uscc: [] as string[], ctx: [] as string[], h1: [] as string[], h2: [] as string[], created: [] as string[], submitted: [] as string[], receipt: [] as string[] };
    for (let i = start; i < end; i++) {
      const app = randomUUID();
      const inst = randomUUID();
      const org = randomUUID();
      const created = new Date(base + i * 1000);
      const submitted = new Date(created.getTime() + 3600_000);
      const h1 = genesisHash(inst, def.initial, created);
      const h2 = stepHash(h1, inst, 2, { actorRole: 'applicant', action: A.submit, fromState: def.initial, toState: S.submitted, createdAt: submitted });
      r.app.push(app);
      r.inst.push(inst);
      r.org.push(org);
      r.name.push(`重庆批量基准${tag}企业${i}有限公司`);
      r.uscc.push(`91500${tag === 'a' ? '1' : '2'}00${String(i).padStart(10, '0')}`);
      r.ctx.push(JSON.stringify({ ...context, organizationId: org, receiptNumber: `BULK-${tag}-${i}` }));
      r.h1.push(h1);
      r.h2.push(h2);
      r.created.push(created.toISOString());
      r.submitted.push(submitted.toISOString());
      r.receipt.push(`BULK-${tag}-${i}`);
    }
    await dataSource.transaction(async (m) => {
      await insertOrganizations(m, { id: r.org, name: r.name, uscc: r.uscc });
      await sqlRows(
        m,
        `WITH n AS (SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::jsonb[], $4::text[], $5::text[], $6::timestamptz[], $7::timestamptz[]) AS n(id, subject_id, context, h1, h2, created_at, submitted_at)),
         ins AS (
           INSERT INTO workflow_instances (id, definition_code, definition_version, subject_type, subject_id, state, version, context, history_seq, history_head, created_at, updated_at)
           SELECT id, $8::text, $9::int, 'application', subject_id, $11::text, 2, context, 2, h2, created_at, submitted_at FROM n
         ), hist AS (
           INSERT INTO workflow_history (instance_id, seq, actor_id, actor_role, action, from_state, to_state, comment, payload, created_at, prev_hash, hash)
           SELECT id, 1, NULL::uuid, 'applicant', 'create', NULL::text, $10::text, NULL::text, '{}'::jsonb, created_at, $12::text, h1 FROM n
           UNION ALL
           SELECT id, 2, NULL::uuid, 'applicant', $13::text, $10::text, $11::text, NULL::text, '{}'::jsonb, submitted_at, h1, h2 FROM n
         )
         INSERT INTO deadlines (instance_id, kind, action, set_in_state, due_at)
         SELECT id, 'application_window_close', $14::text, $11::text, $15::timestamptz FROM n`,
        [r.inst, r.app, r.ctx, r.h1, r.h2, r.created, r.submitted, def.code, def.version, def.initial, S.submitted, GENESIS_HASH, A.submit, A.startReview, cycle.applicationClosesAt.toISOString()],
      );
      await sqlRows(
        m,
        `INSERT INTO applications (id, cycle_id, organization_id, instance_id, state, organization_name, organization_uscc, form, receipt_number, submitted_at, created_at, updated_at)
         SELECT a.id, $2::uuid, a.org, a.inst, (SELECT i.state FROM workflow_instances i WHERE i.id = a.inst), o.name, o.uscc, '{}', a.receipt, a.submitted_at, a.created_at, a.submitted_at
           FROM unnest($1::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::timestamptz[], $7::timestamptz[]) AS a(id, org, inst, receipt, submitted_at, created_at)
           JOIN organizations o ON o.id = a.org`,
        [r.app, cycle.id, r.org, r.inst, r.receipt, r.submitted, r.created],
      );
    });
    seeded.applicationIds.push(...r.app);
    seeded.instanceIds.push(...r.inst);
  }
  return seeded;
}

/**
 * The baseline: the same writes for every instance as one statement written by hand for this one
 * move (no definition, guards or chunks), after one read of the chain heads, in one transaction.
 */
async function handWritten(app: INestApplication, instanceIds: string[], action: string, actor: { id: string; role: string }): Promise<number> {
  const dataSource = app.get(DataSource);
  return dataSource.transaction(async (m: EntityManager) => {
    const rows = await sqlRows<{ id: string; version: number; state: string; history_seq: number; history_head: string; context: Record<string, unknown>; definition_code: string; definition_version: number }>(
      m,
      `SELECT id, version, state, history_seq, history_head, context, definition_code, definition_version FROM workflow_instances WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
      [instanceIds],
    );
    const def = await app.get(DefinitionRegistry).get(rows[0].definition_code, rows[0].definition_version);
    const now = new Date();
    // What the move writes is the same for every row here (one state, one context shape): planned once.
    const plan = await app.get(WorkCalendars).withCalendar((calendar) => computeTransition(def, { state: rows[0].state, context: rows[0].context }, { action, actor, now, calendar }, app.get(GuardRegistry)));
    const claims = rows.map((r) => {
      const seq = r.history_seq + 1;
      const hash = chainHash(r.history_head, { instanceId: r.id, seq, actorId: actor.id, actorRole: actor.role, action, fromState: plan.from, toState: plan.to, comment: null, payload: {}, createdAt: now });
      return { id: r.id, version: r.version, seq, hash, prev_hash: r.history_head };
    });
    const [{ n }] = await sqlRows<{ n: number }>(
      m,
      `WITH c AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS c(id uuid, version int, seq int, hash text, prev_hash text)),
       upd AS (
         UPDATE workflow_instances i SET state = $2, version = i.version + 1, history_seq = c.seq, history_head = c.hash, updated_at = $3
           FROM c WHERE i.id = c.id AND i.version = c.version RETURNING i.id, i.subject_id
       ), hist AS (
         INSERT INTO workflow_history (instance_id, seq, actor_id, actor_role, action, from_state, to_state, comment, payload, created_at, prev_hash, hash)
         SELECT c.id, c.seq, $4::uuid, $5, $6, $7, $2, NULL, '{}', $3, c.prev_hash, c.hash FROM c JOIN upd ON upd.id = c.id
       ), ob AS (
         INSERT INTO outbox (event, instance_id, payload, created_at)
         SELECT e.event, upd.id, jsonb_build_object('instanceId', upd.id, 'subjectType', 'application', 'subjectId', upd.subject_id, 'action', $6::text, 'from', $7::text, 'to', $2::text,
                'actorId', $4::uuid, 'actorRole', $5::text, 'historySeq', c.seq, 'params', e.params), $3
           FROM upd JOIN c ON c.id = upd.id CROSS JOIN jsonb_to_recordset($8::jsonb) AS e(event text, params jsonb)
       ), cancelled AS (
         UPDATE deadlines d SET status = 'cancelled', cancelled_at = $3 FROM upd WHERE d.instance_id = upd.id AND d.status = 'pending' AND d.set_in_state = $7
       ), dl AS (
         INSERT INTO deadlines (instance_id, kind, action, set_in_state, due_at)
         SELECT upd.id, t.kind, t.action, $2, t.due_at FROM upd CROSS JOIN jsonb_to_recordset($9::jsonb) AS t(kind text, action text, due_at timestamptz)
       ), mirror AS (
         UPDATE applications a SET state = $2 FROM upd WHERE a.id = upd.subject_id
       )
       SELECT count(*)::int AS n FROM upd`,
      [
        JSON.stringify(claims),
        plan.to,
        now,
        actor.id,
        actor.role,
        action,
        plan.from,
        JSON.stringify(plan.effects.map((e) => ({ event: e.name, params: e.params ?? {} }))),
        JSON.stringify(plan.timers.map((t) => ({ kind: t.kind, action: t.action, due_at: t.dueAt.toISOString() }))),
      ],
    );
    return n;
  });
}

/** What the move wrote, checked: one history row of the action per instance, chains valid (a sample), outbox and deadline rows once. */
async function check(app: INestApplication, instanceIds: string[], action: string, from: string): Promise<string[]> {
  const dataSource = app.get(DataSource);
  const problems: string[] = [];
  const [counts] = await sqlRows<{ history: number; instances: number; outboxDup: number; leftPending: number }>(
    dataSource,
    `SELECT (SELECT count(*)::int FROM workflow_history WHERE instance_id = ANY($1::uuid[]) AND action = $2) AS history,
            (SELECT count(DISTINCT instance_id)::int FROM workflow_history WHERE instance_id = ANY($1::uuid[]) AND action = $2) AS instances,
            (SELECT count(*)::int FROM (SELECT instance_id, event FROM outbox WHERE instance_id = ANY($1::uuid[]) AND payload->>'action' = $2 GROUP BY 1, 2 HAVING count(*) > 1) d) AS "outboxDup",
            (SELECT count(*)::int FROM deadlines WHERE instance_id = ANY($1::uuid[]) AND set_in_state = $3 AND status = 'pending') AS "leftPending"`,
    [instanceIds, action, from],
  );
  if (counts.history !== instanceIds.length || counts.instances !== instanceIds.length) problems.push(`${action}: ${counts.history} history rows over ${counts.instances} of ${instanceIds.length} instances`);
  if (counts.outboxDup) problems.push(`${action}: ${counts.outboxDup} duplicated outbox rows`);
  if (counts.leftPending) problems.push(`${action}: ${counts.leftPending} deadlines of ${from} still pending`);
  const engine = app.get(WorkflowEngine);
  for (let i = 0; i < instanceIds.length; i += Math.max(1, Math.floor(instanceIds.length / 25))) {
    if (!(await engine.history(instanceIds[i])).chainValid) problems.push(`${action}: broken chain on ${instanceIds[i]}`);
  }
  return problems;
}

async function main(): Promise<void> {
  const count = flag('applications', 10_000);
  const bulk = Math.min(count, flag('bulk', 1000));
  await withBenchApp('awardflow_bench_bulk', {}, async (app) => {
    const dataSource = app.get(DataSource);
    const { admin, cycles, definition: def, cyclesService } = await seedAdminAndCycles(app, { officeCount: 1, allOffices: false, label: '批量基准' });
    const tSeed = Date.now();
    const product = await seedSubmitted(dataSource, cycles[0], cyclesService.instanceContext(cycles[0]), def, count, 'a');
    const baseline = await seedSubmitted(dataSource, cycles[1], cyclesService.instanceContext(cycles[1]), def, count, 'b');
    await sqlRows(dataSource, `VACUUM (ANALYZE) applications, organizations, workflow_instances, workflow_history, deadlines, outbox`, []);
    console.log(`seeded 2 × ${count} submitted applications in ${((Date.now() - tSeed) / 1000).toFixed(1)} s (${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'cpu'})`);

    const actor = { id: admin.id, role: admin.role };
    const [closeSeconds, closed] = await seconds(() => cyclesService.close(cycles[0].id, admin));
    const [baseSeconds, baseMoved] = await seconds(() => handWritten(app, baseline.instanceIds, A.startReview, actor));
    const problems: string[] = [];
    if (closed.movedToReview !== count) problems.push(`close moved ${closed.movedToReview} of ${count}`);
    if (baseMoved !== count) problems.push(`baseline moved ${baseMoved} of ${count}`);
    problems.push(...(await check(app, product.instanceIds, A.startReview, S.submitted)));

    const ids = product.applicationIds.slice(0, bulk);
    const [bulkSeconds, bulkResult] = await seconds(() => app.get(BulkActions).run(cycles[0].id, A.passFormalReview, { applicationIds: ids }, admin));
    const [bulkBaseSeconds, bulkBaseMoved] = await seconds(() => handWritten(app, baseline.instanceIds.slice(0, bulk), A.passFormalReview, actor));
    if (bulkResult.moved.length !== bulk) problems.push(`bulk moved ${bulkResult.moved.length} of ${bulk} (${bulkResult.skipped[0]?.message ?? ''})`);
    if (bulkBaseMoved !== bulk) problems.push(`bulk baseline moved ${bulkBaseMoved} of ${bulk}`);
    problems.push(...(await check(app, await instancesOf(dataSource, ids), A.passFormalReview, S.formalReview)));

    const closeRatio = closeSeconds / baseSeconds;
    const bulkRatio = bulkSeconds / bulkBaseSeconds;
    const bulkGoal = (CLOSE_GOAL_SECONDS * bulk) / 10_000;
    console.log(`close a cycle of ${count} submitted (CyclesService.close → engine.fireMany): ${closeSeconds.toFixed(2)} s | same writes as one hand-written statement: ${baseSeconds.toFixed(2)} s | ratio ${closeRatio.toFixed(2)}× | goal ≤ ${CLOSE_GOAL_SECONDS} s per 10,000 ${closeSeconds <= (CLOSE_GOAL_SECONDS * count) / 10_000 ? 'ok' : 'MISSED'}`);
    console.log(`bulk 形式审查通过 of ${bulk} (BulkActions.run):                ${bulkSeconds.toFixed(2)} s | same writes as one hand-written statement: ${bulkBaseSeconds.toFixed(2)} s | ratio ${bulkRatio.toFixed(2)}× | goal ≤ ${bulkGoal.toFixed(2)} s ${bulkSeconds <= bulkGoal ? 'ok' : 'MISSED'}`);
    console.log(`checked: one history row of the action per application, no outbox row twice, the left state's deadlines cancelled, chains valid (a sample of 25 each)${problems.length ? `; PROBLEMS: ${problems.join('; ')}` : ''}`);
    const failed: string[] = [];
    if (closeSeconds > (CLOSE_GOAL_SECONDS * count) / 10_000) failed.push(`close ${closeSeconds.toFixed(2)} s`);
    if (bulkSeconds > bulkGoal) failed.push(`bulk ${bulkSeconds.toFixed(2)} s`);
    if (problems.length) failed.push(`${problems.length} check(s) failed`);
    console.log(`all goals met: ${failed.length ? `no (${failed.join('; ')})` : 'yes'}`);
  });
}

async function instancesOf(dataSource: DataSource, applicationIds: string[]): Promise<string[]> {
  return (await sqlRows<{ id: string }>(dataSource, `SELECT instance_id AS id FROM applications WHERE id = ANY($1::uuid[])`, [applicationIds])).map((r) => r.id);
}

runBench(main);
