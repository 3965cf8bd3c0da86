import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  DefinitionConflictError,
  DefinitionRegistry,
  GuardFailedError,
  VersionConflictError,
  WorkflowEngine,
} from '../../libs/workflow/src';
import { sampleDefinition } from '../../libs/workflow/src/testing/sample-definitions';
import { sampleAdmin as admin, sampleApplicant as applicant, startSample, startSampleEngine } from '../support/sample-engine';
import { TestContext } from '../support/test-app';

describe('workflow engine on Postgres', () => {
  let ctx: TestContext;
  let engine: WorkflowEngine;
  let ds: DataSource;

  beforeAll(async () => ({ ctx, engine, ds } = await startSampleEngine()));
  afterAll(() => ctx.close());

  const start = (context: Record<string, unknown> = {}) => startSample(engine, context);
  const count = async (sql: string, params: unknown[]) => Number((await ds.query(sql, params))[0].count);

  it('starts an instance in the initial state with a first history row', async () => {
    const instance = await start();
    expect(instance).toMatchObject({ state: 'draft', stateLabel: '草稿', version: 1, terminal: false });
    const history = await engine.history(instance.id);
    expect(history.chainValid).toBe(true);
    expect(history.entries).toEqual([expect.objectContaining({ seq: 1, action: 'create', actionLabel: '创建', toState: 'draft', chainValid: true })]);
  });

  it('runs a transition: new state and version, history, outbox rows for the effects, next actions', async () => {
    const instance = await start();
    const result = await engine.fire({ instanceId: instance.id, action: 'submit', actor: applicant, comment: '提交', payload: { note: 1 } });
    expect(result).toMatchObject({ from: 'draft', to: 'submitted', historySeq: 2 });
    expect(result.instance).toMatchObject({ state: 'submitted', version: 2, stateLabel: '已提交' });
    expect(result.availableActions.map((a) => a.action)).toEqual(['withdraw']);
    const outbox = await ds.query(`SELECT event, payload FROM outbox WHERE instance_id = $1`, [instance.id]);
    expect(outbox).toEqual([
      {
        event: 'notify',
        payload: expect.objectContaining({ params: { template: 'application_submitted', to: 'applicant' }, action: 'submit', from: 'draft', to: 'submitted', historySeq: 2, actorId: applicant.id }),
      },
    ]);
    const stored = await engine.get(instance.id);
    expect(stored.version).toBe(2);
  });

  it('lets exactly one of 50 concurrent attempts of the same transition through', async () => {
    const instance = await start();
    const attempts = await Promise.allSettled(
      Array.from({ length: 50 }, () => engine.fire({ instanceId: instance.id, action: 'submit', actor: applicant, expectedVersion: 1 })),
    );
    const ok = attempts.filter((a) => a.status === 'fulfilled');
    const failed = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(49);
    for (const f of failed) {
      expect(f.reason).toBeInstanceOf(VersionConflictError);
      expect((f.reason as VersionConflictError).params).toMatchObject({ currentVersion: 2, currentState: 'submitted' });
    }
    expect(await count(`SELECT count(*) FROM workflow_history WHERE instance_id = $1`, [instance.id])).toBe(2);
    expect(await count(`SELECT count(*) FROM outbox WHERE instance_id = $1`, [instance.id])).toBe(1);
  });

  it('refuses a stale If-Match version without writing anything', async () => {
    const instance = await start();
    await engine.fire({ instanceId: instance.id, action: 'submit', actor: applicant });
    await expect(engine.fire({ instanceId: instance.id, action: 'withdraw', actor: applicant, comment: '不申报了', expectedVersion: 1 })).rejects.toBeInstanceOf(VersionConflictError);
    expect((await engine.get(instance.id)).state).toBe('submitted');
  });

  it('writes nothing when a guard fails', async () => {
    const instance = await start();
    await engine.fire({ instanceId: instance.id, action: 'submit', actor: applicant });
    const before = await ds.query(`SELECT version, history_seq, history_head FROM workflow_instances WHERE id = $1`, [instance.id]);
    await expect(engine.fire({ instanceId: instance.id, action: 'pass', actor: admin })).rejects.toBeInstanceOf(GuardFailedError);
    expect(await ds.query(`SELECT version, history_seq, history_head FROM workflow_instances WHERE id = $1`, [instance.id])).toEqual(before);
    expect(await count(`SELECT count(*) FROM workflow_history WHERE instance_id = $1`, [instance.id])).toBe(2);
    expect(await count(`SELECT count(*) FROM outbox WHERE instance_id = $1`, [instance.id])).toBe(1);
  });

  it('starts a state\'s timers as deadline rows and cancels them when the state is left', async () => {
    const instance = await start({ supplementDuration: 'P15D' });
    await engine.fire({ instanceId: instance.id, action: 'submit', actor: applicant });
    const before = Date.now();
    await engine.fire({ instanceId: instance.id, action: 'request_supplement', actor: admin, comment: '缺少营业执照' });
    const after = Date.now();
    const [deadline] = await ds.query(`SELECT kind, action, set_in_state, status, due_at FROM deadlines WHERE instance_id = $1`, [instance.id]);
    expect(deadline).toMatchObject({ kind: 'supplement', action: 'supplement_expired', set_in_state: 'supplement_requested', status: 'pending' });
    // Fifteen days from the transition, however long the transition took (a second either side for rounding).
    const due = new Date(deadline.due_at).getTime() - 15 * 86_400_000;
    expect(due).toBeGreaterThanOrEqual(before - 1000);
    expect(due).toBeLessThanOrEqual(after + 1000);
    await engine.fire({ instanceId: instance.id, action: 'resubmit', actor: applicant });
    expect(await ds.query(`SELECT status FROM deadlines WHERE instance_id = $1`, [instance.id])).toEqual([{ status: 'cancelled' }]);
  });

  it('leaves no history, outbox or deadline rows when the caller\'s transaction rolls back', async () => {
    const instance = await start({ supplementDuration: 'P15D' });
    await engine.fire({ instanceId: instance.id, action: 'submit', actor: applicant });
    await expect(
      ds.transaction(async (manager) => {
        await engine.fire({ instanceId: instance.id, action: 'request_supplement', actor: admin, comment: '补正', manager });
        throw new Error('domain write failed after the transition');
      }),
    ).rejects.toThrow('domain write failed');
    expect((await engine.get(instance.id)).state).toBe('submitted');
    expect(await count(`SELECT count(*) FROM deadlines WHERE instance_id = $1`, [instance.id])).toBe(0);
    expect(await count(`SELECT count(*) FROM workflow_history WHERE instance_id = $1`, [instance.id])).toBe(2);
    expect(await count(`SELECT count(*) FROM outbox WHERE instance_id = $1`, [instance.id])).toBe(1);
  });

  it('changes the context of the matching instances only with a new version and a history row each', async () => {
    const cycleId = randomUUID();
    const [a, b, other] = [await start({ cycleId, applicationClosesAt: '2099-01-01T00:00:00.000Z' }), await start({ cycleId }), await start({ cycleId: randomUUID() })];
    await engine.fire({ instanceId: b.id, action: 'submit', actor: applicant });
    const changed = await engine.changeContext({ where: { key: 'cycleId', equals: cycleId }, patch: { applicationClosesAt: '2099-02-01T00:00:00.000Z' }, actor: admin, comment: '延长申报期' });
    expect(changed).toBe(2);

    const after = await engine.get(a.id);
    expect(after).toMatchObject({ version: a.version + 1, state: 'draft', context: { cycleId, applicationClosesAt: '2099-02-01T00:00:00.000Z' } });
    expect((await engine.get(b.id)).version).toBe(3);
    expect(await engine.get(other.id)).toMatchObject({ version: 1, context: { cycleId: other.context.cycleId } });
    const history = await engine.history(a.id);
    expect(history.chainValid).toBe(true);
    expect(history.entries.at(-1)).toMatchObject({ action: 'change_context', actionLabel: '调整流程参数', fromState: 'draft', toState: 'draft', comment: '延长申报期', actorId: admin.id });
    // A holder of the old version conflicts, as after a transition.
    await expect(engine.fire({ instanceId: a.id, action: 'submit', actor: applicant, expectedVersion: a.version })).rejects.toBeInstanceOf(VersionConflictError);
    // In the caller's transaction: its rollback leaves the version and the chain as they were.
    await expect(
      ds.transaction(async (manager) => {
        await engine.changeContext({ where: { key: 'cycleId', equals: cycleId }, patch: { applicationClosesAt: '2099-03-01T00:00:00.000Z' }, actor: admin, manager });
        throw new Error('the cycle could not be saved');
      }),
    ).rejects.toThrow('the cycle could not be saved');
    expect((await engine.get(a.id)).version).toBe(after.version);
    expect((await engine.history(a.id)).entries).toHaveLength(history.entries.length);
  });

  it('catches a history row altered with SQL, naming the first broken link', async () => {
    const instance = await start();
    await engine.fire({ instanceId: instance.id, action: 'submit', actor: applicant });
    await engine.fire({ instanceId: instance.id, action: 'withdraw', actor: applicant, comment: '原因' });
    expect((await engine.history(instance.id)).chainValid).toBe(true);
    await ds.query(`UPDATE workflow_history SET comment = '篡改' WHERE instance_id = $1 AND seq = 3`, [instance.id]);
    const history = await engine.history(instance.id);
    expect(history).toMatchObject({ chainValid: false, firstBrokenSeq: 3 });
    expect(history.entries.map((e) => e.chainValid)).toEqual([true, true, false]);
    await ds.query(`DELETE FROM workflow_history WHERE instance_id = $1 AND seq = 3`, [instance.id]);
    expect((await engine.history(instance.id)).firstBrokenSeq).toBe(3);
  });

  it('keeps running instances on the version they started with', async () => {
    const registry = ctx.api.get(DefinitionRegistry);
    expect((await registry.register(sampleDefinition())).created).toBe(false);
    await expect(registry.register(sampleDefinition({ label: '改过的流程' }))).rejects.toBeInstanceOf(DefinitionConflictError);

    const old = await start();
    const v2 = sampleDefinition({ version: 2 });
    v2.states.submitted = { ...v2.states.submitted, label: '已受理' };
    v2.transitions = v2.transitions.map((t) => (t.action === 'submit' ? { ...t, label: '正式申报' } : t));
    await registry.register(v2);
    expect(await registry.latestVersion('sample-review')).toBe(2);

    const fresh = await engine.start({ definition: { code: 'sample-review', version: 2 }, subjectType: 'sample', subjectId: randomUUID(), actor: applicant });
    expect((await engine.fire({ instanceId: old.id, action: 'submit', actor: applicant })).instance.stateLabel).toBe('已提交');
    expect((await engine.fire({ instanceId: fresh.id, action: 'submit', actor: applicant })).instance.stateLabel).toBe('已受理');
    expect((await engine.history(old.id)).entries[1].actionLabel).toBe('提交申报');
    expect((await engine.history(fresh.id)).entries[1].actionLabel).toBe('正式申报');
    const stored = await ds.query(`SELECT content_hash FROM workflow_definitions WHERE code = 'sample-review' ORDER BY version`);
    expect(stored).toHaveLength(2);
    expect(stored[0].content_hash).not.toBe(stored[1].content_hash);
  });
});
