import type { EventEmitter } from 'node:events';

/**
 * BullMQ's RedisConnection re-emits a failed first connect as an 'error' from a promise chain its
 * constructor attaches. A queue or worker closed before it ever reached Redis (Redis down at start,
 * then shutdown) has had every listener removed by close() by the time that chain runs, so the
 * emit throws inside it: an unhandled rejection after a clean shutdown (taskforcesh/bullmq#3546,
 * open for 5.81). While anyone listens, errors go to them as before; once nobody does, the
 * connection is closed and its error has nobody left to tell.
 */
export function dropErrorsAfterClose(bullmqObject: object): void {
  // A queue has one connection; a worker also a blocking one, closed the same way.
  const { connection, blockingConnection } = bullmqObject as { connection?: EventEmitter; blockingConnection?: EventEmitter };
  for (const target of [connection, blockingConnection]) {
    if (!target || typeof target.emit !== 'function') continue;
    const emit = target.emit.bind(target);
    target.emit = (event: string | symbol, ...args: unknown[]): boolean => {
      if (event === 'error' && target.listenerCount('error') === 0) return false;
      return emit(event, ...args);
    };
  }
}
