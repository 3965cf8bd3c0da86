import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { IneligibleError } from '../../libs/applications/src';
import { WorkflowEngine } from '../../libs/workflow/src';
import { openCycle, qualityForm, readyApplication, registerEnterprise } from '../support/award-fixtures';
import { startTestApp, TestContext } from '../support/test-app';
import { waitFor } from '../support/throwaway-redis';

/**
 * Submission's invariants belong to the transition, not to the route: fired through the engine
 * with no HTTP request at all, submit is refused for an ineligible application, and an eligible one
 * takes its receipt number in the transaction that moves it.
 */
describe('submit fired through the engine directly', () => {
  let ctx: TestContext;
  let engine: WorkflowEngine;
  let cycleId: string;

  const row = async (applicationId: string) =>
    (
      await ctx.dataSource.query(
        `SELECT a.instance_id, a.receipt_number, a.submitted_at, i.state, i.version, i.context->>'receiptNumber' AS context_receipt,
                (SELECT last_number FROM cycle_receipt_counters WHERE cycle_id = a.cycle_id) AS counter
           FROM applications a JOIN workflow_instances i ON i.id = a.instance_id WHERE a.id = $1`,
        [applicationId],
      )
    )[0] as { instance_id: string; receipt_number: string | null; submitted_at: Date | null; state: string; version: number; context_receipt: string | null; counter: number | null };

  beforeAll(async () => {
    ctx = await startTestApp();
    engine = ctx.api.get(WorkflowEngine);
    cycleId = (await openCycle(ctx)).id;
  });
  afterAll(async () => ctx?.close());

  it('refuses an application with no materials: nothing moves and no receipt number is taken', async () => {
    const enterprise = await registerEnterprise(ctx, '重庆引擎直提未备齐有限公司');
    const created = await ctx.http.post('/applications').set('Authorization', enterprise.token).send({ cycleId, form: qualityForm() }).expect(201);
    const before = await row(created.body.id);

    const refused = await engine.fire({ instanceId: before.instance_id, action: 'submit', actor: { id: enterprise.userId, role: 'applicant' } }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(IneligibleError);
    expect((refused as IneligibleError).reasons.map((r) => r.rule)).toContain('documents');
    expect(await row(created.body.id)).toEqual(before);
    expect(before).toMatchObject({ state: 'draft', receipt_number: null, counter: null });
  });

  it('moves an eligible application and gives it the receipt number in the same transaction', async () => {
    const enterprise = await registerEnterprise(ctx, '重庆引擎直提齐备有限公司');
    const applicationId = await readyApplication(ctx, enterprise, cycleId);
    const { instance_id } = await row(applicationId);

    const result = await engine.fire({ instanceId: instance_id, action: 'submit', actor: { id: enterprise.userId, role: 'applicant' } });
    expect(result.to).toBe('submitted');
    expect(result.instance.context.receiptNumber).toMatch(/^\d{4}-DMQ-0001$/);
    const after = await row(applicationId);
    expect(after).toMatchObject({ state: 'submitted', receipt_number: result.instance.context.receiptNumber, context_receipt: result.instance.context.receiptNumber, counter: 1 });
    expect(after.submitted_at).not.toBeNull();
  });

  it('rolls the receipt number back with a transition whose transaction does not commit', async () => {
    const enterprise = await registerEnterprise(ctx, '重庆引擎直提并发有限公司');
    const applicationId = await readyApplication(ctx, enterprise, cycleId);
    const before = await row(applicationId);
    const rolledBack = new Error('the caller rolls back after the transition');
    const outcome = await ctx.dataSource
      .transaction(async (manager) => {
        const result = await engine.fire({ instanceId: before.instance_id, action: 'submit', actor: { id: enterprise.userId, role: 'applicant' }, manager });
        expect(result.instance.context.receiptNumber).toBeTruthy();
        throw rolledBack;
      })
      .catch((e: unknown) => e);
    expect(outcome).toBe(rolledBack);
    expect(await row(applicationId)).toMatchObject({ state: 'draft', receipt_number: null, counter: before.counter, version: before.version });
  });

  it('a submit that names no version waits for a save holding the application, then goes on from the saved version', async () => {
    const enterprise = await registerEnterprise(ctx, '重庆引擎直提等待保存有限公司');
    const applicationId = await readyApplication(ctx, enterprise, cycleId);
    const before = await row(applicationId);
    // A form save in flight: it holds the application row and has bumped the instance's version.
    const save = ctx.dataSource.createQueryRunner();
    await save.connect();
    let submitting: Promise<unknown> | undefined;
    try {
      await save.startTransaction();
      await save.query(`SELECT 1 FROM applications WHERE id = $1 FOR UPDATE`, [applicationId]);
      await save.query(`UPDATE workflow_instances SET version = version + 1 WHERE id = $1`, [before.instance_id]);
      submitting = engine.fire({ instanceId: before.instance_id, action: 'submit', actor: { id: enterprise.userId, role: 'applicant' } }).catch((e: unknown) => e);
      await waitFor(
        async () =>
          Number(
            (await ctx.dataSource.query(`SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query ILIKE '%applications%FOR UPDATE%' AND pid <> pg_backend_pid()`))[0].n,
          ) > 0,
        15_000,
        'the submit to wait on the application row',
      );
      await save.commitTransaction();
    } finally {
      await save.release();
    }
    const result = (await submitting) as { to?: string; instance?: { version: number } };
    expect(result).toMatchObject({ to: 'submitted', instance: { version: before.version + 2 } });
    expect(await row(applicationId)).toMatchObject({ state: 'submitted', version: before.version + 2 });
  });
});
