import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AppConfigService } from '../config/app-config.service';
import { ALL_QUEUES } from './queue-names';
import { QueueService } from './queue.service';
import { redisOptionsFromUrl } from './redis-connection';
import { RedisClient } from './redis-client';
import { WorkerCloseGuard } from './worker-close-guard';

/** Every queue is registered here and nowhere else; a module that enqueues or reads a queue imports this. */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfigService],
      useFactory: (config: AppConfigService) => ({
        connection: redisOptionsFromUrl(config.get('REDIS_URL')),
        prefix: config.get('QUEUE_PREFIX'),
      }),
    }),
    BullModule.registerQueue(...ALL_QUEUES.map((name) => ({ name }))),
    DiscoveryModule,
  ],
  providers: [QueueService, RedisClient, WorkerCloseGuard],
  exports: [BullModule, QueueService, RedisClient],
})
export class QueueModule {}
