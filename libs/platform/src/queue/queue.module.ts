import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AppConfigService } from '../config/app-config.service';
import { ALL_QUEUES } from './queue-names';
import { QueueService } from './queue.service';
import { RedisConnections } from './redis-connections';
import { RedisConnectionsModule } from './redis-connections.module';
import { RedisClient } from './redis-client';
import { WorkerCloseGuard } from './worker-close-guard';

/** Every queue is registered here and nowhere else; a module that enqueues or reads a queue imports this. */
@Module({
  imports: [
    BullModule.forRootAsync({
      imports: [RedisConnectionsModule],
      inject: [AppConfigService, RedisConnections],
      useFactory: (config: AppConfigService, connections: RedisConnections) => ({
        connection: connections.bull(),
        prefix: config.get('QUEUE_PREFIX'),
      }),
    }),
    BullModule.registerQueue(...ALL_QUEUES.map((name) => ({ name }))),
    DiscoveryModule,
    RedisConnectionsModule,
  ],
  providers: [QueueService, RedisClient, WorkerCloseGuard],
  exports: [BullModule, QueueService, RedisClient],
})
export class QueueModule {}
