import { describe, expect, it } from '@jest/globals';
import { Queue } from 'bullmq';
import type { EventEmitter } from 'node:events';
import { createServer } from 'node:net';
import { dropErrorsAfterClose } from '../../libs/platform/src/queue/orphaned-connection-errors';

/** A port nothing listens on: bound, then closed again. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function unreachableQueue(guarded: boolean): Promise<{ queue: Queue; connection: EventEmitter; heard: Error[] }> {
  const queue = new Queue('orphaned-errors', { connection: { host: '127.0.0.1', port: await closedPort() }, prefix: `{orphan-${process.pid}}` });
  const heard: Error[] = [];
  queue.on('error', (error) => heard.push(error));
  if (guarded) dropErrorsAfterClose(queue);
  // The first connect has failed: the connection is still initializing, as when Redis is down at start.
  await new Promise((resolve) => queue.once('error', resolve));
  return { queue, connection: (queue as unknown as { connection: EventEmitter }).connection, heard };
}

/**
 * bullmq#3546: close() removes every listener of a connection that never reached Redis, and the
 * first-connect chain its constructor attached then emits the connect error to nobody, which
 * throws inside that chain (an unhandled rejection: seen as "connect ECONNREFUSED" failing the
 * health spec's suite once). The emit is called directly here, so the test does not depend on when
 * the socket closes.
 */
describe('a BullMQ queue closed before it ever reached Redis', () => {
  it('still passes its connection errors to its listeners while open, when guarded', async () => {
    const { queue, connection, heard } = await unreachableQueue(true);
    const before = heard.length;
    connection.emit('error', new Error('while open'));
    expect(heard.slice(before).map((e) => e.message)).toEqual(['while open']);
    await queue.close();
  });

  it('drops an error emitted after close, when guarded', async () => {
    const { queue, connection } = await unreachableQueue(true);
    await queue.close();
    expect(connection.listenerCount('error')).toBe(0);
    expect(() => connection.emit('error', new Error('after close'))).not.toThrow();
  });

  it('(the library alone) throws on an error emitted after close: the case the guard is for', async () => {
    const { queue, connection } = await unreachableQueue(false);
    await queue.close();
    // If a BullMQ release stops removing the listeners (or the late emit), this fails: then the guard can go.
    expect(() => connection.emit('error', new Error('after close'))).toThrow('after close');
    // The library's own late emit is still to come: guard it now, or it ends this test process.
    dropErrorsAfterClose(queue);
  });
});
