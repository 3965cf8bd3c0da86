import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DomainEventPayload, Outbox, OutboxEvent, OutboxEventRouter, OutboxRelay } from '../../libs/workflow/src';
import { OutboxNotifier } from '../../libs/workflow/src/outbox/outbox-notifier';
import { QueueName } from '../../libs/platform/src/queue/queue-names';
import { QueueService } from '../../libs/platform/src/queue/queue.service';
import { waitFor } from '../support/throwaway-redis';
import { startTestApp, TestContext } from '../support/test-app';

const extended = (reason: string): DomainEventPayload<'deadline_extended'> => ({
  deadlineId: randomUUID(),
  kind: 'supplement',
  dueAt: new Date().toISOString(),
  previousDueAt: new Date().toISOString(),
  reason,
  actorId: randomUUID(),
});

describe('Outbox.append', () => {
  let ctx: TestContext;
  const handled: Array<OutboxEvent<'deadline_extended'>> = [];

  beforeAll(async () => {
    // Polling every ten minutes: within the test only the after-commit wake-up can move a row.
    ctx = await startTestApp({ worker: true, env: { OUTBOX_POLL_INTERVAL_MS: '600000' } });
    ctx.worker!.get(OutboxEventRouter).on('deadline_extended', async (e) => {
      handled.push(e);
    });
    await waitFor(async () => (await ctx.dataSource.query(`SELECT 1 FROM pg_stat_activity WHERE application_name = 'awardflow-outbox-listener'`)).length > 0, 10_000, 'the listener');
  });
  afterAll(() => ctx.close());

  it('wakes the relays only once the transaction commits, never for one that rolled back', async () => {
    const outbox = ctx.api.get(Outbox);
    const poke = jest.spyOn(ctx.api.get(OutboxNotifier), 'poke');

    await expect(
      ctx.dataSource.transaction(async (m) => {
        await outbox.append(m, 'deadline_extended', extended('rolled back'));
        throw new Error('the caller changes its mind');
      }),
    ).rejects.toThrow('the caller changes its mind');
    expect(poke).not.toHaveBeenCalled();

    await ctx.dataSource.transaction(async (m) => {
      await outbox.append(m, 'deadline_extended', extended('committed'));
      await outbox.append(m, 'deadline_extended', extended('committed too'));
      expect(poke).not.toHaveBeenCalled();
    });
    expect(poke).toHaveBeenCalledTimes(1);
    poke.mockRestore();
  });

  it('relays each committed row to its handler exactly once; a rolled-back append never reaches one', async () => {
    await waitFor(async () => handled.length >= 2, 15_000, 'both committed events handled');
    // Nothing is left for a relay, and a second pass finds nothing to send again.
    expect(await ctx.worker!.get(OutboxRelay).drain()).toBe(0);
    expect(handled.map((e) => e.payload.reason).sort()).toEqual(['committed', 'committed too']);
    expect(new Set(handled.map((e) => e.id)).size).toBe(2);
    const rows = await ctx.dataSource.query(`SELECT payload->>'reason' AS reason, attempts FROM outbox WHERE event = 'deadline_extended' ORDER BY 1`);
    expect(rows).toEqual([
      { reason: 'committed', attempts: 1 },
      { reason: 'committed too', attempts: 1 },
    ]);
  });

  it('fails the job of an event this worker has no handler for, instead of acknowledging it', async () => {
    // A row no release of this code writes (the old dotted name): only a hand-written row gets here.
    const [{ id }] = await ctx.dataSource.query(`INSERT INTO outbox (event, payload) VALUES ('review.assigned', '{}') RETURNING id`);
    await ctx.worker!.get(OutboxRelay).drain();
    const events = ctx.worker!.get(QueueService).queue(QueueName.Events);
    await waitFor(async () => Boolean((await events.getJob(id))?.failedReason), 15_000, 'the job to fail');
    const job = await events.getJob(id);
    expect(job!.failedReason).toContain('"review.assigned"');
    expect(job!.failedReason).toContain('has no handler');
    expect(await job!.getState()).not.toBe('completed');
  });
});
