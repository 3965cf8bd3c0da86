import { DeadlineFiring } from '../../libs/deadlines/src';
import { TestContext } from './test-app';
import { waitFor } from './throwaway-redis';

/**
 * Ends an application's window now (公示, a review's due date, a 补正 …): fires its pending deadline
 * of that kind as the worker does when it is due. A test keeps its windows long (the defaults, or
 * PT1H) and ends them itself, so a busy machine can never close a window before the test has acted
 * in it. Firing is idempotent: the worker racing it changes nothing.
 */
export async function endWindow(ctx: TestContext, applicationId: string, kind: string): Promise<void> {
  const pending = await waitFor(async () => {
    const rows: Array<{ id: string }> = await ctx.dataSource.query(
      `SELECT d.id FROM deadlines d JOIN applications a ON a.instance_id = d.instance_id WHERE a.id = $1 AND d.kind = $2 AND d.status = 'pending'`,
      [applicationId, kind],
    );
    return rows.length > 0 ? rows : null;
  }, 30_000, `a pending ${kind} deadline of application ${applicationId}`);
  const firing = (ctx.worker ?? ctx.api).get(DeadlineFiring, { strict: false });
  for (const { id } of pending) {
    const outcome = await firing.fire(id, null);
    if (outcome !== 'fired' && outcome !== 'not_pending') throw new Error(`the ${kind} deadline ${id} did not fire: ${outcome}`);
  }
}
