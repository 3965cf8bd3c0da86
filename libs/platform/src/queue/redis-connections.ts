import { WorkerHost } from '@nestjs/bullmq';
import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { Queue } from 'bullmq';
import type { Cluster } from 'ioredis';
import { AppConfigService } from '../config/app-config.service';
import { bullConnection, createRedisConnection, isClusterTarget } from './redis-connection';

/**
 * Owns the Redis Cluster connection BullMQ shares in this process (none on one Redis, where each
 * queue and worker owns its own). BullMQ does not close a connection it was given, so this does,
 * after every queue and worker of the process has closed on it, whatever order Nest runs the hooks in.
 */
@Injectable()
export class RedisConnections implements OnApplicationShutdown {
  private cluster?: Cluster;

  constructor(
    private readonly config: AppConfigService,
    private readonly discovery: DiscoveryService,
  ) {}

  /** BullMQ's `connection` for this process. */
  bull() {
    const target = { REDIS_URL: this.config.get('REDIS_URL'), REDIS_CLUSTER_NODES: this.config.get('REDIS_CLUSTER_NODES') };
    if (isClusterTarget(target) && !this.cluster) {
      this.cluster = createRedisConnection(target) as Cluster;
      // Queues and workers listen on the connection themselves; this only keeps a lost node from being unhandled.
      this.cluster.on('error', () => undefined);
    }
    return bullConnection(target, this.cluster);
  }

  async onApplicationShutdown(): Promise<void> {
    const cluster = this.cluster;
    if (!cluster) return;
    // close() is idempotent in BullMQ: the same promise whether @nestjs/bullmq has called it yet or not.
    const closing: Array<Promise<unknown>> = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      if (instance instanceof WorkerHost) {
        try {
          closing.push(instance.worker.close());
        } catch {
          // A host whose worker was never created.
        }
      } else if (instance instanceof Queue) {
        closing.push(instance.close());
      }
    }
    await Promise.allSettled(closing);
    this.cluster = undefined;
    await cluster.quit().catch(() => cluster.disconnect());
  }
}
