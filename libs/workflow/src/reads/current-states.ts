import { SqlRunner, sqlRows } from '@awardflow/platform';

/** The current state of each instance, in one statement whatever the number of ids. */
export async function instanceStates(runner: SqlRunner, instanceIds: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(instanceIds)];
  if (!unique.length) return new Map();
  const rows = await sqlRows<{ id: string; state: string }>(runner, `SELECT id, state FROM workflow_instances WHERE id = ANY($1::uuid[])`, [unique]);
  return new Map(rows.map((r) => [r.id, r.state]));
}
