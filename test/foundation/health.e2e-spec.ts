import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, Server } from 'node:net';
import { startTestApp, TestContext } from '../support/test-app';

/** A port nothing listens on: bound, then closed again. */
async function closedPort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('GET /health', () => {
  it('is 200 with database and redis up', async () => {
    const ctx = await startTestApp();
    try {
      const res = await ctx.http.get('/health').expect(200);
      expect(res.body.status).toBe('ok');
      expect(res.body.details).toEqual({ database: { status: 'up' }, redis: { status: 'up' } });
    } finally {
      await ctx.close();
    }
  });

  describe('with Redis unreachable', () => {
    let ctx: TestContext;
    beforeAll(async () => {
      ctx = await startTestApp({ env: { REDIS_URL: `redis://127.0.0.1:${await closedPort()}` } });
    });
    afterAll(() => ctx.close());

    it('closes its workers without leaving an error for nobody (bullmq#3546: each worker connection is guarded)', async () => {
      const { createWorkerApp } = await import('../../apps/worker/src/create-worker-app');
      const { WorkerHost } = await import('@nestjs/bullmq');
      const { DiscoveryService } = await import('@nestjs/core');
      const worker = await createWorkerApp({ ...ctx.env });
      await worker.init();
      const workers = worker
        .get(DiscoveryService)
        .getProviders()
        .map((w) => w.instance)
        .filter((i): i is InstanceType<typeof WorkerHost> => i instanceof WorkerHost)
        .map((host) => host.worker as unknown as { connection: NodeJS.EventEmitter; blockingConnection: NodeJS.EventEmitter });
      expect(workers.length).toBeGreaterThan(0);
      await worker.close();
      for (const w of workers) {
        for (const connection of [w.connection, w.blockingConnection]) {
          expect(connection.listenerCount('error')).toBe(0);
          expect(() => connection.emit('error', new Error('after close'))).not.toThrow();
        }
      }
    });

    it('is 503 naming redis, with the database still up', async () => {
      const res = await ctx.http.get('/health').expect(503);
      expect(res.body.status).toBe('error');
      expect(res.body.details.redis.status).toBe('down');
      expect(res.body.details.database.status).toBe('up');
    });
  });

  describe('with Postgres unreachable', () => {
    let ctx: TestContext | undefined;
    afterAll(async () => ctx?.close());

    it('still starts, and is 503 naming the database', async () => {
      const port = await closedPort();
      // The app seeds through the database, so start it normally and point a second app at the closed port.
      ctx = await startTestApp();
      const { createApiApp } = await import('../../apps/api/src/create-api-app');
      const broken = await createApiApp({ ...ctx.env, DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/awardflow` });
      await broken.init();
      try {
        const request = (await import('supertest')).default;
        const res = await request(broken.getHttpServer()).get('/health').expect(503);
        expect(res.body.details.database.status).toBe('down');
        expect(res.body.details.redis.status).toBe('up');
        // Other routes answer 503 too, in the error shape, instead of hanging or crashing.
        const login = await request(broken.getHttpServer()).post('/auth/login').send({ username: 'a', password: 'b' });
        expect(login.status).toBe(503);
        expect(login.body.code).toBe('SERVICE_UNAVAILABLE');
      } finally {
        await broken.close();
      }
    });
  });
});
