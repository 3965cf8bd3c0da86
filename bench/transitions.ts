import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../libs/platform/src/database/data-source-options';
import { WorkflowDefinition } from '../libs/workflow/src/definition/definition.types';
import { EffectRegistry } from '../libs/workflow/src/registry/effect.registry';
import { GuardRegistry } from '../libs/workflow/src/registry/guard.registry';
import { DefinitionRegistry } from '../libs/workflow/src/definition/definition-registry';
import { WorkflowEngine } from '../libs/workflow/src/engine/workflow-engine';
import { TransitionInvariants } from '../libs/workflow/src/engine/transition-invariants';
import { OutboxNotifier } from '../libs/workflow/src/outbox/outbox-notifier';
import { WorkCalendars } from '../libs/calendar/src/work-calendar/work-calendars';
import { dropDatabase, flag, freshDatabase, percentile, pgbenchTps } from './bench-support';

/**
 * npm run bench:transitions [-- --seconds 20 --clients 16]
 * Engine transitions (no HTTP) on distinct instances, then pgbench tpcb-like on the same server.
 * Each transition is an update of the instance plus two inserts (history row, outbox row), the
 * same shape of work as one tpcb transaction.
 */
/** Issue 15's goals: transitions/s against pgbench's TPS from the same run. */
const GOALS = { held: 0.9, read: 0.8 };

const PING_PONG: WorkflowDefinition = {
  code: 'bench-ping-pong',
  version: 1,
  label: '基准测试流程',
  roles: ['admin'],
  initial: 'ping',
  states: { ping: { label: '甲' }, pong: { label: '乙' } },
  transitions: [
    { action: 'to_pong', label: '到乙', from: 'ping', to: 'pong', roles: ['admin'], effects: [{ name: 'notify', params: { template: 'bench' } }] },
    { action: 'to_ping', label: '到甲', from: 'pong', to: 'ping', roles: ['admin'], effects: [{ name: 'notify', params: { template: 'bench' } }] },
  ],
};

async function main(): Promise<void> {
  const seconds = flag('seconds', 20);
  const clients = flag('clients', 16);
  const dbName = 'awardflow_bench_transitions';
  const url = await freshDatabase(dbName);
  const dataSource = new DataSource({ ...dataSourceOptions(url, 'awardflow-bench'), extra: { max: clients + 2 } });
  await dataSource.initialize();
  try {
    const guards = new GuardRegistry();
    const effects = new EffectRegistry();
    effects.register('notify');
    const definitions = new DefinitionRegistry(dataSource, guards, effects);
    await definitions.register(PING_PONG);
    const engine = new WorkflowEngine(dataSource, definitions, guards, new OutboxNotifier(dataSource), new TransitionInvariants(), new WorkCalendars(dataSource));
    const actor = { id: randomUUID(), role: 'admin' };

    const instances = await Promise.all(
      Array.from({ length: clients }, () =>
        engine.start({ definition: { code: PING_PONG.code, version: 1 }, subjectType: 'bench', subjectId: randomUUID(), actor }),
      ),
    );
    // Warm-up: connections opened, definition cached, plans prepared.
    await Promise.all(instances.map(async (i) => {
      await engine.fire({ instanceId: i.id, action: 'to_pong', actor });
      await engine.fire({ instanceId: i.id, action: 'to_ping', actor });
    }));

    // "read": the executor loads the instance first (two round trips), as an HTTP action does.
    // "held": the caller passes the snapshot it got from its previous transition (one round trip).
    const run = async (mode: 'read' | 'held') => {
      const latencies: number[] = [];
      const deadline = Date.now() + seconds * 1000;
      const started = process.hrtime.bigint();
      await Promise.all(
        instances.map(async (first) => {
          let instance = await engine.get(first.id);
          while (Date.now() < deadline) {
            const t0 = process.hrtime.bigint();
            const action = instance.state === 'ping' ? 'to_pong' : 'to_ping';
            const result = await engine.fire({ instanceId: instance.id, action, actor, instance: mode === 'held' ? instance : undefined });
            latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
            instance = result.instance;
          }
        }),
      );
      const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
      latencies.sort((a, b) => a - b);
      return { count: latencies.length, elapsed, perSecond: latencies.length / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
    };
    const held = await run('held');
    const read = await run('read');
    const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM workflow_history WHERE action <> 'create'`);
    if (count !== held.count + read.count + 2 * clients) throw new Error(`history has ${count} rows, expected ${held.count + read.count + 2 * clients}`);

    await dataSource.destroy();
    await dropDatabase(dbName);

    const tps = await pgbenchTps(clients, 2, seconds, 10);
    console.log(`machine: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.cpus()[0]?.model ?? ''}`);
    for (const [name, r] of [['caller holds the snapshot (1 round trip)', held], ['executor reads first (2 round trips)', read]] as const) {
      console.log(`${name}: ${r.count} transitions in ${r.elapsed.toFixed(1)} s with ${clients} clients`);
      console.log(`  transitions/s: ${r.perSecond.toFixed(0)}   latency p50: ${r.p50.toFixed(2)} ms   p99: ${r.p99.toFixed(2)} ms`);
    }
    console.log(`pgbench tpcb-like (-c ${clients} -j 2 -T ${seconds}, scale 10) TPS: ${tps.toFixed(0)}`);
    console.log(`ratio (snapshot held) transitions/s ÷ pgbench TPS: ${(held.perSecond / tps).toFixed(2)}`);
    console.log(`ratio (read first) transitions/s ÷ pgbench TPS: ${(read.perSecond / tps).toFixed(2)}`);
    const missed = [
      ...(held.perSecond / tps >= GOALS.held ? [] : [`snapshot held ≥ ${GOALS.held}× pgbench`]),
      ...(read.perSecond / tps >= GOALS.read ? [] : [`read first ≥ ${GOALS.read}× pgbench`]),
    ];
    console.log(`all goals met: ${missed.length ? `no (${missed.join(', ')})` : 'yes'}`);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
