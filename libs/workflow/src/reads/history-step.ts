import { SqlRunner, sqlRows } from '@awardflow/platform';

/** One step of an instance's history as a notification words it: what was done, and why. */
export interface HistoryStep {
  action: string;
  comment: string | null;
}

/** The step with this sequence number, or undefined when the instance has none. */
export async function historyStep(runner: SqlRunner, instanceId: string, seq: number): Promise<HistoryStep | undefined> {
  const [step] = await sqlRows<HistoryStep>(runner, `SELECT action, comment FROM workflow_history WHERE instance_id = $1 AND seq = $2`, [instanceId, seq]);
  return step;
}
