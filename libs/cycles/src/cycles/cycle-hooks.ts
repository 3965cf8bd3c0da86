import { Injectable } from '@nestjs/common';
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

@Injectable()
export class CycleHooks {
  private port?: CycleApplicationsPort;

  register(port: CycleApplicationsPort): void {
    this.port = port;
  }

  hasSubmittedApplications(cycleId: string, manager?: EntityManager): Promise<boolean> {
    return this.port ? this.port.hasSubmittedApplications(cycleId, manager) : Promise.resolve(false);
  }

  onCycleClosed(cycle: Cycle, actor: Actor): Promise<{ movedToReview: number; expired: number }> {
    return this.port ? this.port.onCycleClosed(cycle, actor) : Promise.resolve({ movedToReview: 0, expired: 0 });
  }
}
