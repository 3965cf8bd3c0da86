import Redis, { Cluster, ClusterOptions, RedisOptions } from 'ioredis';
import { parseClusterNodes } from '../config/environment';

/** ioredis options from a redis:// URL; BullMQ workers need maxRetriesPerRequest null. */
export function redisOptionsFromUrl(redisUrl: string): RedisOptions {
  const url = new URL(redisUrl);
  const db = url.pathname && url.pathname !== '/' ? Number(url.pathname.slice(1)) : 0;
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : 6379,
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: Number.isFinite(db) ? db : 0,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
    // Reconnect forever with a capped backoff: Redis coming back must need no restart.
    retryStrategy: reconnectBackoff,
  };
}

function reconnectBackoff(times: number): number {
  return Math.min(200 * 2 ** Math.min(times, 5), 5_000);
}

/** Where the product's Redis is: one server (REDIS_URL) or a Redis Cluster (REDIS_CLUSTER_NODES). */
export interface RedisTarget {
  REDIS_URL: string;
  REDIS_CLUSTER_NODES?: string;
}

export function isClusterTarget(target: RedisTarget): boolean {
  return !!target.REDIS_CLUSTER_NODES;
}

/**
 * Every Redis connection of the product is made here: a Redis for REDIS_URL, an ioredis Cluster for
 * REDIS_CLUSTER_NODES. `overrides` are per-connection options (fail fast for health checks, …).
 */
export function createRedisConnection(target: RedisTarget, overrides: RedisOptions = {}): Redis | Cluster {
  if (!target.REDIS_CLUSTER_NODES) return new Redis({ ...redisOptionsFromUrl(target.REDIS_URL), ...overrides });
  const seeds = parseClusterNodes(target.REDIS_CLUSTER_NODES);
  const { enableOfflineQueue, ...nodeOverrides } = overrides;
  const options: ClusterOptions = {
    // Options of each node's connection (the cluster makes one per master it learns of).
    redisOptions: {
      username: seeds.username,
      password: seeds.password,
      tls: seeds.tls ? {} : undefined,
      maxRetriesPerRequest: null,
      ...nodeOverrides,
    },
    clusterRetryStrategy: reconnectBackoff,
    enableOfflineQueue: enableOfflineQueue ?? true,
    // Nodes announce the addresses they were created with; behind NAT or docker the seeds may differ.
    slotsRefreshTimeout: 2_000,
  };
  return new Cluster(seeds.nodes, options);
}

/**
 * BullMQ's `connection`: on one Redis, options (each queue and worker opens and closes its own
 * connections, as before); on a cluster, the one Cluster instance given (BullMQ shares it, and each
 * worker duplicates it for its blocking connection), which its owner closes.
 */
export function bullConnection(target: RedisTarget, cluster?: Cluster): RedisOptions | Cluster {
  if (!isClusterTarget(target)) return redisOptionsFromUrl(target.REDIS_URL);
  if (!cluster) throw new Error('a Redis Cluster is configured but no Cluster connection was given');
  return cluster;
}
