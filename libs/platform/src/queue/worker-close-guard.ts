import { WorkerHost } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { dropErrorsAfterClose } from './orphaned-connection-errors';

/** Every processor's BullMQ worker gets the guard the queues get (bullmq#3546); @nestjs/bullmq creates them before bootstrap. */
@Injectable()
export class WorkerCloseGuard implements OnApplicationBootstrap {
  constructor(private readonly discovery: DiscoveryService) {}

  onApplicationBootstrap(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      if (!(instance instanceof WorkerHost)) continue;
      try {
        dropErrorsAfterClose(instance.worker);
      } catch {
        // A host whose worker was never created (its queue not consumed in this process).
      }
    }
  }
}
