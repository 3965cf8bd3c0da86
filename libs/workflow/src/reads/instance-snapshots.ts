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
  const rows = await sqlRows<InstanceSnapshotRow>(runner, `SELECT ${SNAPSHOT_COLUMNS} FROM workflow_instances WHERE id = ANY($1::uuid[])`, [unique]);
  const snapshots = new Map<string, InstanceSnapshot>();
  for (const row of rows) snapshots.set(row.id, await instanceSnapshotOf(definitions, row));
  return snapshots;
}

/** An instance's columns as a snapshot names them (what `instanceSnapshotOf` takes). */
export type InstanceSnapshotRow = Omit<InstanceSnapshot, 'stateLabel' | 'terminal' | 'createdAt' | 'updatedAt'> & { createdAt: Date | string; updatedAt: Date | string };

const SNAPSHOT_COLUMNS = `id, definition_code AS "definitionCode", definition_version AS "definitionVersion", subject_type AS "subjectType",
  subject_id AS "subjectId", state, version, context, history_seq AS "historySeq", history_head AS "historyHead",
  created_at AS "createdAt", updated_at AS "updatedAt"`;

/**
 * The instances as one relation whose rows are snapshots' columns, for a subject's owner that reads
 * its row and its instance in one statement (a GET, and the read before an action):
 * `JOIN ${INSTANCE_SNAPSHOTS_RELATION} i ON i.id = a.instance_id` and select `row_to_json(i)`,
 * then `instanceSnapshotOf` turns the row into the engine's snapshot.
 */
export const INSTANCE_SNAPSHOTS_RELATION = `(SELECT ${SNAPSHOT_COLUMNS} FROM workflow_instances)`;

/** The snapshot of a row read through INSTANCE_SNAPSHOTS_RELATION (dates may come as JSON strings). */
export async function instanceSnapshotOf(definitions: Pick<DefinitionRegistry, 'get'>, row: InstanceSnapshotRow): Promise<InstanceSnapshot> {
  const state = (await definitions.get(row.definitionCode, row.definitionVersion)).states[row.state];
  return {
    ...row,
    stateLabel: state?.label ?? row.state,
    terminal: Boolean(state?.terminal),
    createdAt: new Date(row.createdAt),
    updatedAt: new Date(row.updatedAt),
  };
}
