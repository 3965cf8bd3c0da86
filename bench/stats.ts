import 'reflect-metadata';
import os from 'node:os';
import { DataSource } from 'typeorm';
import { sqlRows } from '../libs/platform/src/database/sql-rows';
import { SnapshotService } from '../libs/stats/src/snapshot/snapshot.service';
import { flag, latenciesMs, percentile, runBench } from './bench-support';
import { BENCH_ADMIN_PASSWORD, listeningUrl, seed, setUpSeeding, withBenchApp } from './seed-applications';

/**
 * npm run bench:stats [-- --applications 100000 --samples 50 --keep]
 * GET /stats over HTTP (the API app in this process, listening on a spare port, signed in as the
 * city's admin) after seeding --applications over the city and its 38 区县 offices (two cycles each,
 * with the history of every move, organisations in their office's division and over seven industries):
 * the city's figures (all 39 offices), one 区县's, and the city's
 * for one year; p50 and p99 of each beside a bare `SELECT count(*)` over the same applications on
 * the same pool in the same run. Also the snapshot's rebuild and the xlsx export, once each.
 */
const GOAL_MS = 200;

async function main(): Promise<void> {
  const count = flag('applications', 100_000);
  const samples = flag('samples', 50);
  await withBenchApp('awardflow_bench_stats', { listen: true, env: { RATE_LIMIT_PER_MINUTE: '1000000' } }, async (app) => {
    const base = listeningUrl(app);
    const { seeding, offices } = await setUpSeeding(app, 39, { history: true, spread: true });
    let t0 = Date.now();
    await seed(seeding, 0, count);
    const seedSeconds = (Date.now() - t0) / 1000;
    const dataSource = app.get(DataSource);
    const [{ historyRows }] = await sqlRows<{ historyRows: number }>(dataSource, `SELECT count(*)::int AS "historyRows" FROM workflow_history`);
    t0 = Date.now();
    const snapshot = await app.get(SnapshotService).refresh({ wait: true });
    const refreshMs = Date.now() - t0;
    await sqlRows(dataSource, `VACUUM (ANALYZE) stats_application_counts, stats_stage_durations`);

    const login = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: BENCH_ADMIN_PASSWORD }) });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const headers = { authorization: `Bearer ${accessToken}` };

    const time = async (fn: () => Promise<unknown>): Promise<{ p50: number; p99: number }> => {
      const latencies = await latenciesMs(fn, samples);
      return { p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
    };
    const getStats = (query: string) => async () => {
      const res = await fetch(`${base}/stats${query}`, { headers });
      if (res.status !== 200) throw new Error(`GET /stats${query}: ${res.status} ${await res.text()}`);
      return res.json();
    };

    const city = (await getStats('')()) as { totals: { applications: number; drafts: number; awards: number }; byOffice: unknown[]; byRegion: unknown[]; byIndustry: unknown[]; stages: Array<{ stage: string; passRate: number | null; medianDays: number | null }> };
    if (city.totals.applications + city.totals.drafts !== count) throw new Error(`GET /stats counts ${city.totals.applications + city.totals.drafts} applications, seeded ${count}`);
    const district = offices[offices.length - 1].id;
    const baseline = await time(() => sqlRows(dataSource, `SELECT count(*) FROM applications`));
    const figures: Array<[string, { p50: number; p99: number }]> = [
      ['GET /stats, the city (39 offices)', await time(getStats(''))],
      ['GET /stats?officeId=<one 区县>', await time(getStats(`?officeId=${district}`))],
      ['GET /stats?year=2031, the city', await time(getStats('?year=2031'))],
    ];
    t0 = Date.now();
    const xlsx = await fetch(`${base}/stats/export.xlsx`, { headers });
    const bytes = (await xlsx.arrayBuffer()).byteLength;
    const exportMs = Date.now() - t0;

    console.log(`machine: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.cpus()[0]?.model ?? ''}`);
    console.log(`seeded ${count} applications (${historyRows} history rows) over ${offices.length} offices, ${seeding.cycles.length} cycles in ${seedSeconds.toFixed(1)} s; p50/p99 of ${samples} requests each`);
    console.log(`snapshot rebuild (worker, every 5 min): ${refreshMs} ms for ${snapshot.applications} applications`);
    console.log(`the city's figures: ${city.totals.applications} applications, ${city.totals.drafts} drafts; ${city.byOffice.length} offices, ${city.byRegion.length} divisions, ${city.byIndustry.length} industry sections`);
    console.log(`stages: ${city.stages.map((s) => `${s.stage} pass ${s.passRate === null ? '—' : `${(s.passRate * 100).toFixed(0)} %`} median ${s.medianDays ?? '—'} d`).join('; ')}`);
    console.log(`${'baseline: SELECT count(*) FROM applications'.padEnd(44)} p50 ${baseline.p50.toFixed(2).padStart(7)} ms  p99 ${baseline.p99.toFixed(2).padStart(7)} ms`);
    const failed: string[] = [];
    for (const [name, f] of figures) {
      const ok = f.p99 <= GOAL_MS;
      if (!ok) failed.push(`${name} p99 ${f.p99.toFixed(0)} ms > ${GOAL_MS} ms`);
      console.log(
        `${name.padEnd(44)} p50 ${f.p50.toFixed(2).padStart(7)} ms  p99 ${f.p99.toFixed(2).padStart(7)} ms  ${(f.p50 / baseline.p50).toFixed(1)}× the baseline's p50  (goal p99 ≤ ${GOAL_MS} ms) ${ok ? 'ok' : 'MISSED'}`,
      );
    }
    console.log(`GET /stats/export.xlsx, the city: ${exportMs} ms, ${bytes} bytes`);
    console.log(`all goals met: ${failed.length ? `no (${failed.join('; ')})` : 'yes'}`);
  });
}

runBench(main);
