import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import os from 'node:os';
import v8 from 'node:v8';
import vm from 'node:vm';
import { DataSource } from 'typeorm';
import { statesTagged } from '../libs/awards/src';
import { Cycle } from '../libs/cycles/src/cycles/cycle.entity';
import { csvDocument, sqlCursor, sqlRows } from '../libs/platform/src';
import { RankedRow, rankingSql } from '../libs/review/src/ranking/ranking.query';
import { GENESIS_HASH } from '../libs/workflow/src/history/history-chain';
import { flag, runBench } from './bench-support';
import { HttpClient } from './http-client';
import { BENCH_ADMIN_PASSWORD, CHUNK, genesisHash, insertOrganizations, listeningUrl, seedAdminAndCycles, withBenchApp } from './seed-applications';

/**
 * npm run bench:exports [-- --small 1000 --large 10000 --runs 3]
 * The ranking's CSV export (GET /cycles/:id/ranking.csv, over HTTP to this process's API, the
 * body thrown away) of a cycle of --small and of --large scored applications, beside the same
 * SELECT read through the same cursor and thrown away (the floor any streamed export stands on),
 * and, for reference, the export as it was before (every row in one SELECT, one Buffer). For each:
 * the peak of live memory (JS heap + external buffers, a full GC at each probe: every 64 KB of body
 * or every batch) over where it started, the RSS growth, and the time (runs without probes). Also a page of GET /cycles/:id/ranking at both sizes (its bytes and time).
 * Goals: the export's live memory growth at --large ≤ 1.5× its growth at --small, and a
 * page's bytes at --large ≤ 1.5× at --small.
 *
 * The app, admin, cycles and organisations come from bench/seed-applications.ts; the applications
 * are this bench's own shape, set-based: instances with their genesis history row, applications in
 * 入围审核 with receipt numbers, and their aggregates, in statements of CHUNK rows.
 */
const GOAL = 1.5;
const PAGE_SIZE = 20;

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

interface Memory {
  heap: number;
  rss: number;
}

function memory(): Memory {
  const m = process.memoryUsage();
  return { heap: m.heapUsed + m.external, rss: m.rss };
}

interface Figure {
  ms: number;
  heapGrowth: number;
  rssGrowth: number;
  bytes: number;
}

/**
 * A point inside a run where what is live is measured: a full GC first, so the figure is what the
 * run holds at that moment (its rows, its buffers), not garbage the young generation has not yet
 * swept (which grows with the run's length whatever it holds).
 */
type Probe = () => void;

/** Runs `fn`, probing where it says: the peak of live memory over where it started (after a GC). RSS is sampled every 2 ms as well. */
async function memoryRun(fn: (probe: Probe) => Promise<number>): Promise<Omit<Figure, 'ms'>> {
  gc();
  gc();
  await new Promise((r) => setTimeout(r, 20));
  const start = memory();
  let peak = { ...start };
  const probe = () => {
    gc();
    const now = memory();
    peak = { heap: Math.max(peak.heap, now.heap), rss: Math.max(peak.rss, now.rss) };
  };
  const timer = setInterval(() => (peak.rss = Math.max(peak.rss, process.memoryUsage().rss)), 2);
  try {
    const bytes = await fn(probe);
    probe();
    return { heapGrowth: peak.heap - start.heap, rssGrowth: peak.rss - start.rss, bytes };
  } finally {
    clearInterval(timer);
  }
}

/** The largest growth over `runs` probed runs, and the median time of `runs` runs without probes. */
async function worst(runs: number, fn: (probe: Probe) => Promise<number>): Promise<Figure> {
  const memories: Array<Omit<Figure, 'ms'>> = [];
  for (let i = 0; i < runs; i++) memories.push(await memoryRun(fn));
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await fn(() => undefined);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return {
    ms: times[Math.floor(times.length / 2)],
    heapGrowth: Math.max(...memories.map((f) => f.heapGrowth)),
    rssGrowth: Math.max(...memories.map((f) => f.rssGrowth)),
    bytes: memories[0].bytes,
  };
}

/** Probes every 64 KB of a body as it arrives. */
const PROBE_EVERY = 64 * 1024;

/** GET a path of the running API and throw the body away: its byte count. */
function download(baseUrl: string, path: string, token: string, probe: Probe): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(baseUrl + path, { headers: { authorization: token } }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        reject(new Error(`GET ${path}: ${res.statusCode}`));
        return;
      }
      let bytes = 0;
      let next = PROBE_EVERY;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes >= next) {
          next += PROBE_EVERY;
          probe();
        }
      });
      res.on('end', () => resolve(bytes));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

/** `count` scored applications in 入围审核 in `cycle`, set-based. */
async function seed(dataSource: DataSource, cycle: Cycle, context: Record<string, unknown>, definition: { code: string; version: number; initial: string }, count: number, offset: number): Promise<void> {
  const base = Date.parse('2026-05-01T00:00:00Z');
  for (let start = 0; start < count; start += CHUNK) {
    const end = Math.min(count, start + CHUNK);
    const r = { org: [] as string[], name: [] as string[], uscc: [] as string[], app: [] as string[], inst: [] as string[], context: [] as string[], hash: [] as string[], created: [] as string[] };
    const s = { submitted: [] as string[], receipt: [] as string[], aggregated: [] as number[], results: [] as number[] };
    for (let i = start; i < end; i++) {
      const k = offset + i;
      const org = randomUUID();
      const instanceId = randomUUID();
      const created = new Date(base + k * 1000);
      r.org.push(org);
      r.name.push(`重庆导出基准测试企业${k}有限公司`);
      r.uscc.push(`91500000${String(k).padStart(10, '0')}`);
      r.app.push(randomUUID());
      r.inst.push(instanceId);
      r.context.push(JSON.stringify({ ...context, organizationId: org }));
      r.hash.push(genesisHash(instanceId, definition.initial, created));
      r.created.push(created.toISOString());
      s.submitted.push(new Date(created.getTime() + 3600_000).toISOString());
      s.receipt.push(`${cycle.year}-EXP-${String(k).padStart(6, '0')}`);
      // Scores with many ties (one decimal between 60 and 95), so the tie-breaks are exercised.
      s.aggregated.push(60 + ((k * 37) % 350) / 10);
      s.results.push(20 + ((k * 13) % 200) / 10);
    }
    await dataSource.transaction(async (m) => {
      await insertOrganizations(m, { id: r.org, name: r.name, uscc: r.uscc });
      await m.query(
        `WITH n AS (SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::jsonb[], $4::text[], $5::timestamptz[]) AS n(id, subject_id, context, hash, created_at)),
         ins AS (
           INSERT INTO workflow_instances (id, definition_code, definition_version, subject_type, subject_id, state, version, context, history_seq, history_head, created_at, updated_at)
           SELECT id, $6, $7, 'application', subject_id, 'shortlisting', 1, context, 1, hash, created_at, created_at FROM n
         )
         INSERT INTO workflow_history (instance_id, seq, actor_id, actor_role, action, from_state, to_state, comment, payload, created_at, prev_hash, hash)
         SELECT id, 1, NULL, 'applicant', 'create', NULL, $8, NULL, '{}', created_at, $9, hash FROM n`,
        [r.inst, r.app, r.context, r.hash, r.created, definition.code, definition.version, definition.initial, GENESIS_HASH],
      );
      await m.query(
        `INSERT INTO applications (id, cycle_id, organization_id, instance_id, state, organization_name, organization_uscc, form, created_at, updated_at, submitted_at, receipt_number)
         SELECT a.id, $6, a.organization_id, a.instance_id, (SELECT i.state FROM workflow_instances i WHERE i.id = a.instance_id), o.name, o.uscc, '{}', a.created_at, a.created_at, a.submitted_at, a.receipt
           FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::timestamptz[], $5::timestamptz[], $7::text[]) AS a(id, organization_id, instance_id, created_at, submitted_at, receipt)
           JOIN organizations o ON o.id = a.organization_id`,
        [r.app, r.org, r.inst, r.created, s.submitted, cycle.id, s.receipt],
      );
      await m.query(
        `INSERT INTO application_scores (application_id, cycle_id, rule, aggregated, results_subtotal, reviewer_count)
         SELECT id, $2, 'trimmed_mean', aggregated, results, 5 FROM unnest($1::uuid[], $3::numeric[], $4::numeric[]) AS s(id, aggregated, results)`,
        [r.app, cycle.id, s.aggregated, s.results],
      );
    });
  }
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1).padStart(6)} MB`;

async function main(): Promise<void> {
  const small = flag('small', 1000);
  const large = flag('large', 10_000);
  const runs = flag('runs', 3);
  await withBenchApp('awardflow_bench_exports', { listen: true, env: { RATE_LIMIT_PER_MINUTE: '100000000' } }, async (app) => {
    const baseUrl = listeningUrl(app);
    const dataSource = app.get(DataSource);
    const { cycles, definition, cyclesService } = await seedAdminAndCycles(app, { officeCount: 1, allOffices: false, label: '导出基准测试' });
    const token = await new HttpClient(baseUrl).login('admin', BENCH_ADMIN_PASSWORD);
    const t0 = Date.now();
    await seed(dataSource, cycles[0], cyclesService.instanceContext(cycles[0]), definition, small, 0);
    await seed(dataSource, cycles[1], cyclesService.instanceContext(cycles[1]), definition, large, small);
    await dataSource.query(`VACUUM (ANALYZE) applications, organizations, workflow_instances, application_scores`);
    const seedSeconds = (Date.now() - t0) / 1000;

    const paramsOf = (cycle: Cycle) => [cycle.id, statesTagged('out'), cycle.quota.awards, cycle.quota.secondTier?.count ?? 0];
    const sizes = [
      { rows: small, cycle: cycles[0] },
      { rows: large, cycle: cycles[1] },
    ];
    const kinds: Array<{ name: string; goal: boolean; run: (cycle: Cycle, probe: Probe) => Promise<number> }> = [
      {
        name: 'baseline: the SELECT through the cursor, rows dropped',
        goal: false,
        run: async (cycle, probe) => {
          let rows = 0;
          for await (const batch of await sqlCursor<RankedRow>(dataSource, rankingSql(), paramsOf(cycle))) {
            rows += batch.length;
            // As often as the export's 64 KB: a batch of 500 rows is about 60 KB of CSV.
            probe();
          }
          return rows;
        },
      },
      { name: 'GET ranking.csv (streamed, to /dev/null)', goal: true, run: (cycle, probe) => download(baseUrl, `/cycles/${cycle.id}/ranking.csv`, token, probe) },
      {
        name: 'reference: whole SELECT + one CSV Buffer (before)',
        goal: false,
        run: async (cycle, probe) => {
          const rows = await sqlRows<RankedRow>(dataSource, rankingSql(), paramsOf(cycle));
          probe();
          const csv = csvDocument(rows.map((r) => [r.rank, r.receiptNumber, r.organizationName, r.score.toFixed(2), r.aggregated.toFixed(2), r.onsiteAdjustment.toFixed(1), r.resultsSubtotal.toFixed(2), r.reviewerCount, r.insideQuota ?? '名额外']));
          probe();
          return csv.length;
        },
      },
      { name: `GET ranking page 1 (pageSize ${PAGE_SIZE})`, goal: false, run: (cycle, probe) => download(baseUrl, `/cycles/${cycle.id}/ranking?page=1&pageSize=${PAGE_SIZE}`, token, probe) },
    ];
    // Warm-up: connections, plans, JIT.
    for (const kind of kinds) for (const size of sizes) await kind.run(size.cycle, () => undefined);

    console.log(`machine: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.cpus()[0]?.model ?? ''}; node ${process.version}`);
    console.log(
      `seeded ${small} + ${large} scored applications in two cycles in ${seedSeconds.toFixed(1)} s; in this process (API and client): peak live heap (+ external) growth over a GC'd start, probed (full GC) every 64 KB / batch, worst of ${runs}; RSS growth sampled every 2 ms; median time of ${runs} unprobed runs`,
    );
    const failed: string[] = [];
    const results = new Map<string, Figure[]>();
    for (const kind of kinds) {
      const figures: Figure[] = [];
      for (const size of sizes) figures.push(await worst(runs, (probe) => kind.run(size.cycle, probe)));
      results.set(kind.name, figures);
      const [a, b] = figures;
      const line = (f: Figure, rows: number) => `${String(rows).padStart(6)} rows: heap ${mb(f.heapGrowth)} rss ${mb(f.rssGrowth)} ${f.ms.toFixed(1).padStart(7)} ms ${String(f.bytes).padStart(9)} B`;
      const heapRatio = b.heapGrowth / Math.max(a.heapGrowth, 1);
      const rssRatio = b.rssGrowth / Math.max(a.rssGrowth, 1);
      console.log(`${kind.name.padEnd(52)} ${line(a, small)} | ${line(b, large)} | growth ${large}/${small}: heap ${heapRatio.toFixed(2)}× rss ${rssRatio.toFixed(2)}×`);
      if (kind.goal) {
        // The goal is on live memory. RSS is printed beside it: it grows only when the heap outgrows
        // the pages the process already holds from the warm-up, so its ratio is mostly noise of zeros.
        const heapOk = heapRatio <= GOAL;
        console.log(`  goal: ${kind.name}: live memory growth at ${large} ≤ ${GOAL}× at ${small}: ${heapRatio.toFixed(2)}× ${heapOk ? 'ok' : 'MISSED'}`);
        if (!heapOk) failed.push(`export memory growth ${heapRatio.toFixed(2)}×`);
      }
    }
    const [baseSmall, baseLarge] = results.get(kinds[0].name)!;
    const [csvSmall, csvLarge] = results.get(kinds[1].name)!;
    console.log(`export time against the baseline SELECT: ${(csvSmall.ms / baseSmall.ms).toFixed(2)}× at ${small}, ${(csvLarge.ms / baseLarge.ms).toFixed(2)}× at ${large}; ${((large / csvLarge.ms) * 1000).toFixed(0)} rows/s at ${large}`);
    const [pageSmall, pageLarge] = results.get(kinds[3].name)!;
    const pageRatio = pageLarge.bytes / pageSmall.bytes;
    const pageOk = pageRatio <= GOAL;
    console.log(`  goal: a ranking page's bytes at ${large} ≤ ${GOAL}× at ${small}: ${pageSmall.bytes} B → ${pageLarge.bytes} B (${pageRatio.toFixed(2)}×) ${pageOk ? 'ok' : 'MISSED'}`);
    if (!pageOk) failed.push(`page bytes ${pageRatio.toFixed(2)}×`);
    console.log(`all goals met: ${failed.length ? `no (${failed.join('; ')})` : 'yes'}`);
  });
}

runBench(main);
