import { describe, expect, it, jest } from '@jest/globals';
import type { EntityManager, QueryRunner, TransactionCommitEvent } from 'typeorm';
import { afterCommit, AfterCommitSubscriber } from './after-commit';

/** A stand-in for TypeORM's runner: only what afterCommit and the subscriber read. */
function runner(): { manager: EntityManager; qr: { isTransactionActive: boolean }; event: TransactionCommitEvent } {
  const qr = { isTransactionActive: true };
  return { qr, manager: { queryRunner: qr } as unknown as EntityManager, event: { queryRunner: qr as unknown as QueryRunner } as TransactionCommitEvent };
}

describe('afterCommit', () => {
  const subscriber = new AfterCommitSubscriber();

  it('runs at once outside a transaction', () => {
    const callback = jest.fn<() => void>();
    afterCommit({ queryRunner: undefined } as unknown as EntityManager, callback);
    expect(callback).toHaveBeenCalledTimes(1);
  });

  it('waits for the outermost commit, and runs a callback registered twice once', () => {
    const { qr, manager, event } = runner();
    const callback = jest.fn<() => void>();
    afterCommit(manager, callback);
    afterCommit(manager, callback);
    subscriber.afterTransactionCommit(event); // a savepoint released: still in the transaction
    expect(callback).not.toHaveBeenCalled();
    qr.isTransactionActive = false;
    subscriber.afterTransactionCommit(event);
    subscriber.afterTransactionCommit(event);
    expect(callback).toHaveBeenCalledTimes(1);
  });

  it('never runs for a transaction that rolled back', () => {
    const { qr, manager, event } = runner();
    const callback = jest.fn<() => void>();
    afterCommit(manager, callback);
    qr.isTransactionActive = false;
    subscriber.afterTransactionRollback(event);
    subscriber.afterTransactionCommit(event);
    expect(callback).not.toHaveBeenCalled();
  });

  it('holds the commit until a follow-up that returns a promise settles, and only then', async () => {
    const { qr, manager, event } = runner();
    let finish!: () => void;
    let settled = false;
    afterCommit(manager, () => new Promise<void>((resolve) => (finish = resolve)));
    afterCommit(manager, () => {
      throw new Error('a failing follow-up');
    });
    qr.isTransactionActive = false;
    const held = subscriber.afterTransactionCommit(event);
    expect(held).toBeInstanceOf(Promise);
    void (held as Promise<unknown>).then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    finish();
    await held;
    expect(settled).toBe(true);

    const plain = runner();
    afterCommit(plain.manager, jest.fn<() => void>());
    plain.qr.isTransactionActive = false;
    expect(subscriber.afterTransactionCommit(plain.event)).toBeUndefined();
  });
});
