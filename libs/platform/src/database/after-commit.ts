import { EventSubscriber } from 'typeorm';
import type { EntityManager, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';

type AfterCommit = () => void | Promise<void>;

const pending = new WeakMap<QueryRunner, Set<AfterCommit>>();

/**
 * Runs `callback` once the transaction `manager` belongs to has committed: at once when the
 * manager is not in a transaction (its statements autocommit), never when it rolls back. A
 * callback registered twice in one transaction runs once, so "wake someone after commit" can sit
 * next to every write without flooding. A callback that returns a promise holds the commit's
 * caller (`transaction()` resolves) until it settles, so a request can answer after its follow-up.
 * Needs {@link AfterCommitSubscriber} on the DataSource.
 */
export function afterCommit(manager: EntityManager, callback: AfterCommit): void | Promise<void> {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) return callback();
  let callbacks = pending.get(runner);
  if (!callbacks) pending.set(runner, (callbacks = new Set()));
  callbacks.add(callback);
}

/**
 * TypeORM announces every COMMIT and ROLLBACK (savepoints included); only the outermost one
 * ends the transaction, so callbacks wait until the runner is no longer in one. (TypeORM loads
 * only decorated classes from the `subscribers` option.)
 */
@EventSubscriber()
export class AfterCommitSubscriber implements EntitySubscriberInterface {
  afterTransactionCommit(event: TransactionCommitEvent): void | Promise<unknown> {
    if (event.queryRunner.isTransactionActive) return;
    const callbacks = pending.get(event.queryRunner);
    pending.delete(event.queryRunner);
    let held: Promise<unknown>[] | undefined;
    for (const callback of callbacks ?? []) {
      try {
        const result = callback();
        if (result) (held ??= []).push(result);
      } catch {
        // The transaction has committed: a failing follow-up must not make it look failed.
      }
    }
    // Only a commit with a follow-up that returned a promise waits (TypeORM awaits what this returns).
    return held && Promise.allSettled(held);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) pending.delete(event.queryRunner);
  }
}
