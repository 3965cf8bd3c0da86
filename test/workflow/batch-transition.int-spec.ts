import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { FireManyInput, TransitionInvariants, WorkflowEngine } from '../../libs/workflow/src';
import { sampleAdmin as admin, sampleApplicant as applicant, startSample, startSampleEngine } from '../support/sample-engine';
import { TestContext } from '../support/test-app';

describe('batch transition (WorkflowEngine.fireMany) on Postgres', () => {
  let ctx: TestContext;
  let engine: WorkflowEngine;
  let ds: DataSource;

  beforeAll(async () => ({ ctx, engine, ds } = await startSampleEngine()));
  afterAll(() => ctx.close());

  const start = (context: Record<string, unknown> = {}, subjectType = 'sample') => startSample(engine, context, subjectType);
  /** n instances moved to `submitted` one by one, as the single fire moves them. */
  const submitted = async (n: number, context: Record<string, unknown> = { supplementDuration: 'P15D' }) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const instance = await start(context);
      await engine.fire({ instanceId: instance.id, action: 'submit', actor: applicant });
      ids.push(instance.id);
    }
    return ids;
  };
  const rowsOf = (table: string, ids: string[], columns: string) => ds.query(`SELECT instance_id, ${columns} FROM ${table} WHERE instance_id = ANY($1::uuid[]) ORDER BY instance_id, 2`, [ids]);
  const countBy = async (sql: string, ids: string[]) => Object.fromEntries((await ds.query(sql, [ids])).map((r: { id: string; n: number }) => [r.id, Number(r.n)]));
  /** The admin's 批量补正 of ids in chunks of 3 (the restart specs' run; options add lanes or a crash). */
  const supplementInChunks = (ids: string[], options: Partial<FireManyInput> = {}) =>
    engine.fireMany({ instanceIds: ids, action: 'request_supplement', actor: admin, comment: '批量补正', chunkSize: 3, ...options });
  /** How many instances of ids are in supplement_requested. */
  const supplementRequested = async (ids: string[]): Promise<number> =>
    (await ds.query(`SELECT count(*)::int AS n FROM workflow_instances WHERE id = ANY($1::uuid[]) AND state = 'supplement_requested'`, [ids]))[0].n;

  it('writes for each instance what a single fire writes: state, history chained from its own head, outbox, deadlines', async () => {
    const [single, ...batch] = await submitted(5);
    await engine.fire({ instanceId: single, action: 'request_supplement', actor: admin, comment: '缺少营业执照' });
    const result = await engine.fireMany({ instanceIds: batch, action: 'request_supplement', actor: admin, comment: '缺少营业执照', chunkSize: 2 });
    expect(result.skipped).toEqual([]);
    expect(result.moved.map((m) => m.instanceId).sort()).toEqual([...batch].sort());
    expect(result.moved[0]).toMatchObject({ from: 'submitted', to: 'supplement_requested', historySeq: 3 });

    const shape = async (id: string) => ({
      instance: (await ds.query(`SELECT state, version, history_seq FROM workflow_instances WHERE id = $1`, [id]))[0],
      history: (await engine.history(id)).entries.map((e) => ({ seq: e.seq, action: e.action, from: e.fromState, to: e.toState, comment: e.comment, actorId: e.actorId, chainValid: e.chainValid })),
      chainValid: (await engine.history(id)).chainValid,
      deadlines: (await ds.query(`SELECT kind, action, set_in_state, status FROM deadlines WHERE instance_id = $1 ORDER BY kind`, [id])),
      outbox: (await ds.query(`SELECT event, payload->>'action' AS action, payload->>'to' AS "to" FROM outbox WHERE instance_id = $1 ORDER BY id`, [id])),
    });
    const expected = await shape(single);
    expect(expected.chainValid).toBe(true);
    expect(expected.deadlines).toEqual([{ kind: 'supplement', action: 'supplement_expired', set_in_state: 'supplement_requested', status: 'pending' }]);
    for (const id of batch) expect(await shape(id)).toEqual(expected);

    // Back again as a batch: the supplement deadlines set in the state left are cancelled, and the
    // onEnter notification of `submitted` is written once per instance.
    const back = await engine.fireMany({ instanceIds: batch, action: 'resubmit', actor: applicant });
    expect(back.moved).toHaveLength(4);
    expect(await rowsOf('deadlines', batch, 'status')).toEqual(batch.sort().map((id) => ({ instance_id: id, status: 'cancelled' })));
    const notifications = await countBy(`SELECT instance_id AS id, count(*) AS n FROM outbox WHERE instance_id = ANY($1::uuid[]) AND payload->>'action' = 'resubmit' GROUP BY 1`, batch);
    expect(notifications).toEqual(Object.fromEntries(batch.map((id) => [id, 1])));
    for (const id of batch) expect((await engine.history(id)).chainValid).toBe(true);
  });

  it('skips, with the reason a single fire gives, what the action is not available to: wrong state, role, guard, unknown id', async () => {
    const [withReceipt, withoutReceipt] = [await start({ receiptNumber: 'R-1' }), await start()];
    for (const i of [withReceipt, withoutReceipt]) await engine.fire({ instanceId: i.id, action: 'submit', actor: applicant });
    const draft = await start();
    const missing = randomUUID();
    const result = await engine.fireMany({ instanceIds: [withReceipt.id, withoutReceipt.id, draft.id, missing], action: 'pass', actor: admin });
    expect(result.moved.map((m) => m.instanceId)).toEqual([withReceipt.id]);
    const byId = Object.fromEntries(result.skipped.map((s) => [s.instanceId, s]));
    expect(byId[withoutReceipt.id]).toMatchObject({ state: 'submitted', code: 'GUARD_FAILED' });
    expect(byId[draft.id]).toMatchObject({ state: 'draft', code: 'TRANSITION_NOT_ALLOWED' });
    expect(byId[missing]).toMatchObject({ code: 'NOT_FOUND' });
    for (const s of result.skipped) expect(s.message).toMatch(/[\u4e00-\u9fa5]/);
    // A role the action is not for is skipped too, and nothing is written for a skipped row.
    const asApplicant = await engine.fireMany({ instanceIds: [withoutReceipt.id], action: 'request_supplement', actor: applicant, comment: '补正' });
    expect(asApplicant).toEqual({ moved: [], skipped: [expect.objectContaining({ instanceId: withoutReceipt.id, code: 'FORBIDDEN' })] });
    expect((await engine.get(withoutReceipt.id)).version).toBe(2);
  });

  it('is restartable: a run that dies after its first chunk leaves that chunk committed, and running it again moves only the rest, once', async () => {
    const ids = await submitted(7);
    let chunks = 0;
    await expect(
      supplementInChunks(ids, {
        afterChunk: () => {
          chunks++;
          throw new Error('the process died');
        },
      }),
    ).rejects.toThrow('the process died');
    expect(chunks).toBe(1);
    expect(await supplementRequested(ids)).toBe(3);

    const rerun = await supplementInChunks(ids);
    expect(rerun.moved).toHaveLength(4);
    expect(rerun.skipped).toHaveLength(3);
    for (const s of rerun.skipped) expect(s).toMatchObject({ state: 'supplement_requested', code: 'TRANSITION_NOT_ALLOWED' });
    const once = Object.fromEntries(ids.map((id) => [id, 1]));
    expect(await countBy(`SELECT instance_id AS id, count(*) AS n FROM workflow_history WHERE instance_id = ANY($1::uuid[]) AND action = 'request_supplement' GROUP BY 1`, ids)).toEqual(once);
    expect(await countBy(`SELECT instance_id AS id, count(*) AS n FROM deadlines WHERE instance_id = ANY($1::uuid[]) AND kind = 'supplement' GROUP BY 1`, ids)).toEqual(once);
    for (const id of ids) expect((await engine.history(id)).chainValid).toBe(true);
  });

  it('in two lanes: a crash in one leaves whole chunks committed, and the re-run moves the rest once', async () => {
    const ids = await submitted(12);
    await expect(
      supplementInChunks(ids, {
        lanes: 2,
        afterChunk: ({ chunk }) => {
          if (chunk === 1) throw new Error('the process died');
        },
      }),
    ).rejects.toThrow('the process died');
    const n = await supplementRequested(ids);
    // Chunk 1, and what the other lane committed meanwhile: whole chunks only, and not all of them.
    expect(n % 3).toBe(0);
    expect(n).toBeGreaterThanOrEqual(3);
    expect(n).toBeLessThan(12);
    const rerun = await supplementInChunks(ids, { lanes: 2 });
    expect(rerun.moved).toHaveLength(12 - n);
    expect(await countBy(`SELECT instance_id AS id, count(*) AS n FROM workflow_history WHERE instance_id = ANY($1::uuid[]) AND action = 'request_supplement' GROUP BY 1`, ids)).toEqual(Object.fromEntries(ids.map((id) => [id, 1])));
    for (const id of ids) expect((await engine.history(id)).chainValid).toBe(true);
  });

  it('moves each instance once when two batches of the same ids race', async () => {
    const ids = await submitted(12);
    const [a, b] = await Promise.all([
      engine.fireMany({ instanceIds: ids, action: 'request_supplement', actor: admin, comment: '甲', chunkSize: 5 }),
      engine.fireMany({ instanceIds: [...ids].reverse(), action: 'request_supplement', actor: admin, comment: '乙', chunkSize: 5 }),
    ]);
    expect(a.moved.length + b.moved.length).toBe(12);
    expect(a.skipped.length + b.skipped.length).toBe(12);
    expect(await countBy(`SELECT instance_id AS id, count(*) AS n FROM workflow_history WHERE instance_id = ANY($1::uuid[]) AND action = 'request_supplement' GROUP BY 1`, ids)).toEqual(Object.fromEntries(ids.map((id) => [id, 1])));
  });

  it('in the caller\'s transaction: a prepare that refuses writes nothing; one that decides per row gives its patch, comment or skip', async () => {
    const ids = (await submitted(3, { supplementDuration: 'P15D', receiptNumber: 'R' })).sort();
    await expect(
      ds.transaction((manager) =>
        engine.fireMany({
          instanceIds: ids,
          action: 'pass',
          actor: admin,
          manager,
          prepare: async () => {
            throw new Error('over the quota');
          },
        }),
      ),
    ).rejects.toThrow('over the quota');
    expect(await ds.query(`SELECT DISTINCT state FROM workflow_instances WHERE id = ANY($1::uuid[])`, [ids])).toEqual([{ state: 'submitted' }]);

    const result = await ds.transaction((manager) =>
      engine.fireMany({
        instanceIds: ids,
        action: 'pass',
        actor: admin,
        manager,
        prepare: async (rows) =>
          new Map(
            rows.map((r, i) => [r.instanceId, i === 0 ? { skip: { code: 'INELIGIBLE_APPLICATION', message: '不符合申报条件' } } : { contextPatch: { certificateNumber: `C-${i}` }, comment: `证书编号 C-${i}` }]),
          ),
      }),
    );
    expect(result.skipped).toEqual([{ instanceId: ids[0], state: 'submitted', code: 'INELIGIBLE_APPLICATION', message: '不符合申报条件' }]);
    expect(result.moved.map((m) => m.instanceId)).toEqual(ids.slice(1));
    const second = await engine.get(ids[1]);
    expect(second).toMatchObject({ state: 'panel', context: expect.objectContaining({ certificateNumber: 'C-1', receiptNumber: 'R' }) });
    const history = await engine.history(ids[1]);
    expect(history.chainValid).toBe(true);
    expect(history.entries.at(-1)).toMatchObject({ action: 'pass', comment: '证书编号 C-1' });
  });

  it('refuses an action with an invariant of its subject instead of skipping the invariant', async () => {
    ctx.api.get(TransitionInvariants).register('sample-guarded', 'submit', { check: async () => undefined });
    const instance = await start({}, 'sample-guarded');
    await expect(engine.fireMany({ instanceIds: [instance.id], action: 'submit', actor: applicant })).rejects.toThrow(/invariant/);
    expect((await engine.get(instance.id)).state).toBe('draft');
  });
});
