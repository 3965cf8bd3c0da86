import { describe, expect, it } from '@jest/globals';
import Redis, { Cluster } from 'ioredis';
import { bullConnection, createRedisConnection, isClusterTarget } from './redis-connection';

/** Built, never connected (disconnected at once): what each configuration makes. */
function made<T>(connection: Redis | Cluster, read: (c: Redis | Cluster) => T): T {
  connection.on('error', () => undefined);
  try {
    return read(connection);
  } finally {
    connection.disconnect();
  }
}

describe('createRedisConnection', () => {
  it('makes one Redis from REDIS_URL when no cluster is configured', () => {
    const target = { REDIS_URL: 'redis://user:p%40ss@redis.internal:6380/2' };
    expect(isClusterTarget(target)).toBe(false);
    made(createRedisConnection(target, { lazyConnect: true }), (c) => {
      expect(c).toBeInstanceOf(Redis);
      expect((c as Redis).options).toMatchObject({ host: 'redis.internal', port: 6380, db: 2, username: 'user', password: 'p@ss', maxRetriesPerRequest: null });
    });
    // BullMQ gets options on one Redis: each queue and worker owns its connections, as before.
    expect(bullConnection(target)).toMatchObject({ host: 'redis.internal', port: 6380, maxRetriesPerRequest: null });
  });

  it('makes a Cluster seeded with REDIS_CLUSTER_NODES, the first node\'s credentials for all, BullMQ\'s retry rule on every node', () => {
    const target = { REDIS_URL: 'redis://127.0.0.1:6379', REDIS_CLUSTER_NODES: 'rediss://app:secret@node-1:7001,node-2:7002,node-3:7003' };
    expect(isClusterTarget(target)).toBe(true);
    made(createRedisConnection(target, { maxRetriesPerRequest: 1, enableOfflineQueue: false }), (c) => {
      expect(c).toBeInstanceOf(Cluster);
      const cluster = c as Cluster;
      expect((cluster as unknown as { startupNodes: unknown }).startupNodes).toEqual([{ host: 'node-1', port: 7001 }, { host: 'node-2', port: 7002 }, { host: 'node-3', port: 7003 }]);
      expect(cluster.options.enableOfflineQueue).toBe(false);
      expect(cluster.options.redisOptions).toMatchObject({ username: 'app', password: 'secret', tls: {}, maxRetriesPerRequest: 1 });
      expect(bullConnection(target, cluster)).toBe(cluster);
    });
    made(createRedisConnection(target), (c) => expect((c as Cluster).options.redisOptions?.maxRetriesPerRequest).toBeNull());
    expect(() => bullConnection(target)).toThrow(/no Cluster connection was given/);
  });
});
