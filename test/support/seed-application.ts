import { randomUUID } from 'node:crypto';
import { seedOffices } from '../../libs/identity/src/seed/seed-offices';
import { validUscc } from './award-fixtures';
import { TestContext } from './test-app';

const DAY = 24 * 3600_000;

/** One step of a seeded application's history: the state entered and the day (after t0) it was entered. */
export type Step = [state: string, day: number];

/**
 * An organisation of the industry (registered in `region`), and an application of it in the cycle
 * that went through `steps` (the last is its state), written straight into the tables with its
 * engine instance and history: for reports over many known histories without driving each through
 * the API.
 */
export async function seedApplication(ctx: TestContext, cycleId: string, industry: string, steps: Step[], { region = '500103', t0 }: { region?: string; t0: number }): Promise<string> {
  const T0 = t0;
  const [cycle] = await ctx.dataSource.query(`SELECT definition_code, definition_version FROM cycles WHERE id = $1`, [cycleId]);
  const orgId = randomUUID();
  await ctx.dataSource.query(
    `INSERT INTO organizations (id, name, uscc, region_code, address, legal_representative, contact, founded_at, industry)
     VALUES ($1, $2, $3, $5, '重庆市民族路 1 号', '张三', '{"name":"王经理","phone":"023-63000000"}', '2010-03-01', $4)`,
    [orgId, `统计测试企业${orgId.slice(0, 8)}有限公司`, validUscc(), industry, region],
  );
  const instanceId = randomUUID();
  const id = randomUUID();
  const [last] = steps[steps.length - 1];
  await ctx.dataSource.query(
    `INSERT INTO workflow_instances (id, definition_code, definition_version, subject_type, subject_id, state, version, context, history_seq, history_head, created_at, updated_at)
     VALUES ($1, $2, $3, 'application', $4, $5, $6, '{}', $6, repeat('0', 64), $7, $7)`,
    [instanceId, cycle.definition_code, cycle.definition_version, id, last, steps.length, new Date(T0)],
  );
  for (const [n, [state, day]] of steps.entries()) {
    await ctx.dataSource.query(
      `INSERT INTO workflow_history (instance_id, seq, actor_role, action, from_state, to_state, payload, created_at, prev_hash, hash)
       VALUES ($1, $2, 'admin', 'seeded', $3, $4, '{}', $5, repeat('0', 64), repeat('0', 64))`,
      [instanceId, n + 1, n === 0 ? null : steps[n - 1][0], state, new Date(T0 + day * DAY)],
    );
  }
  const submitted = steps.length > 1 ? new Date(T0 + steps[1][1] * DAY) : null;
  await ctx.dataSource.query(
    `INSERT INTO applications (id, cycle_id, organization_id, instance_id, state, organization_name, organization_uscc, form, submitted_at, created_at, updated_at)
     SELECT $1::uuid, $2::uuid, o.id, $4::uuid, (SELECT state FROM workflow_instances WHERE id = $4::uuid), o.name, o.uscc, '{}', $5::timestamptz, $6::timestamptz, $6::timestamptz
       FROM organizations o WHERE o.id = $3::uuid`,
    [id, cycleId, orgId, instanceId, submitted, new Date(T0)],
  );
  return id;
}

/** The city's and its 38 区县' offices, seeded; their ids by GB/T 2260 division code. */
export async function seedChongqingOffices(ctx: TestContext): Promise<Map<string, string>> {
  await seedOffices(ctx.dataSource);
  const offices: Array<{ id: string; region_code: string }> = await ctx.dataSource.query(`SELECT id, region_code FROM offices`);
  return new Map(offices.map((o) => [o.region_code, o.id]));
}
