import { Injectable } from '@nestjs/common';
import { AuthUser, Role } from '@awardflow/identity';
import { NotFoundError } from '@awardflow/platform';
import type { Cycle } from '@awardflow/cycles';
import { Application } from './application.entity';

/** Another context's say on who may see an application (the review context adds assigned reviewers). */
export type ViewerRule = (user: AuthUser, application: Application, cycle: Cycle) => Promise<boolean>;

/**
 * Who may see an application: admins of the cycle's office, the organisation's own applicants,
 * recommenders of the cycle's office, and whoever a registered rule admits. Everyone else gets
 * 404, so nobody learns that an application they may not see exists.
 */
@Injectable()
export class ApplicationAccessPolicy {
  private readonly rules: ViewerRule[] = [];

  addViewerRule(rule: ViewerRule): void {
    this.rules.push(rule);
  }

  async canView(user: AuthUser, application: Application, cycle: Cycle): Promise<boolean> {
    if (user.role === Role.Admin || user.role === Role.Recommender) return user.officeIds.includes(cycle.officeId);
    if (user.role === Role.Applicant) return user.organizationId === application.organizationId;
    for (const rule of this.rules) if (await rule(user, application, cycle)) return true;
    return false;
  }

  async assertCanView(user: AuthUser, application: Application, cycle: Cycle): Promise<void> {
    if (!(await this.canView(user, application, cycle))) throw new NotFoundError('application', application.id);
  }
}
