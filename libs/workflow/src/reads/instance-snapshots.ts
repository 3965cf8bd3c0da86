import { SqlRunner, sqlRows } from '@awardflow/platform';
import type { DefinitionRegistry } from '../definition/definition-registry';
import type { InstanceSnapshot } from '../engine/workflow-engine';

/**
 * Instances by id as the engine's `get` gives them, in one statement whatever the number of ids
 * (a list page reads its rows' instances at once instead of one `get` each). Definitions come
 * from the registry's cache, so labels and terminal flags cost no statement once loaded.
 */
export async function instanceSnapshots(
  runner: SqlRunner,
  definitions: Pick<DefinitionRegistry, 'get'>,
  instanceIds: readonly string[],
): Promise<Map<string, InstanceSnapshot>> {
  const unique = [...new Set(instanceIds)];
  if (!unique.length) return new Map();
  const rows = await sqlRows<Omit<InstanceSnapshot, 'stateLabel' | 'terminal'>>(
    runner,
    `SELECT id, definition_code AS "definitionCode", definition_version AS "definitionVersion", subject_type AS "subjectType",
            subject_id AS "subjectId", state, version, context, history_seq AS "historySeq", history_head AS "historyHead",
            created_at AS "createdAt", updated_at AS "updatedAt"
       FROM workflow_instances WHERE id = ANY($1::uuid[])`,
    [unique],
  );
  const snapshots = new Map<string, InstanceSnapshot>();
  for (const row of rows) {
    const state = (await definitions.get(row.definitionCode, row.definitionVersion)).states[row.state];
    snapshots.set(row.id, { ...row, stateLabel: state?.label ?? row.state, terminal: Boolean(state?.terminal) });
  }
  return snapshots;
}
