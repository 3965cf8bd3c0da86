import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '@awardflow/workflow';
import type { Cycle } from './cycle.entity';

/**
 * What cycles need to know from, or ask of, the applications context without depending on it
 * (applications depends on cycles). The applications module registers these on start.
 */
export interface CycleApplicationsPort {
  /** Whether any application of the cycle was submitted (then eligibility rules are frozen). */
  hasSubmittedApplications(cycleId: string, manager?: EntityManager): Promise<boolean>;
  /** The window closed: move submitted applications into review, expire drafts. */
  onCycleClosed(cycle: Cycle, actor: Actor): Promise<{ movedToReview: number; expired: number }>;
}

/**
 * Nothing answers for the applications context by default: a process whose cycles nobody
 * registered for would call every cycle unsubmitted and close it moving nothing, so it refuses to start.
 */
@Injectable()
export class CycleHooks implements OnApplicationBootstrap {
  private port?: CycleApplicationsPort;

  register(port: CycleApplicationsPort): void {
    if (this.port && this.port !== port) throw new Error('the applications port of cycles is already registered');
    this.port = port;
  }

  onApplicationBootstrap(): void {
    this.registered();
  }

  async hasSubmittedApplications(cycleId: string, manager?: EntityManager): Promise<boolean> {
    return this.registered().hasSubmittedApplications(cycleId, manager);
  }

  async onCycleClosed(cycle: Cycle, actor: Actor): Promise<{ movedToReview: number; expired: number }> {
    return this.registered().onCycleClosed(cycle, actor);
  }

  private registered(): CycleApplicationsPort {
    if (!this.port) throw new Error('no applications port is registered with CycleHooks (the applications module registers it)');
    return this.port;
  }
}
