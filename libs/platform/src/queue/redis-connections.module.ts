import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { RedisConnections } from './redis-connections';

/** The process's shared Redis Cluster connection, for BullMQ's root config and the queue module. */
@Module({
  imports: [DiscoveryModule],
  providers: [RedisConnections],
  exports: [RedisConnections],
})
export class RedisConnectionsModule {}
