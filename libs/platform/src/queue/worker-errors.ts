import { Logger } from '@nestjs/common';

const lastLogged = new Map<string, number>();

/**
 * A BullMQ worker re-emits its connection's errors; an 'error' event without a listener kills
 * the process. Redis outages are expected (ioredis reconnects), so processors log them instead,
 * at most once every 10 s per queue. Call it from an `@OnWorkerEvent('error')` method.
 */
export function logWorkerError(logger: Logger, queue: string, error: Error): void {
  const now = Date.now();
  if (now - (lastLogged.get(queue) ?? 0) < 10_000) return;
  lastLogged.set(queue, now);
  logger.warn(`worker ${queue}: ${error.message}`);
}
