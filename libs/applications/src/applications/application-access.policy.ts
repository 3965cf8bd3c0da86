import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser, recommenderAdmits, Role, scopedRecommender } from '@awardflow/identity';
import { NotFoundError, sqlRows } from '@awardflow/platform';
import type { Cycle } from '@awardflow/cycles';
import { DataSource } from 'typeorm';
import { Application } from './application.entity';

/** Another context's say on who may see an application (the review context adds assigned reviewers). */
export type ViewerRule = (user: AuthUser, application: Application, cycle: Cycle) => Promise<boolean>;

/**
 * Who may see an application: admins of the cycle's office, the organisation's own applicants,
 * recommenders of the cycle's office within what they recommend (their division's organisations,
 * their awards: recommenderAdmits), and whoever a registered rule admits. Everyone else gets 404,
 * so nobody learns that an application they may not see exists.
 *
 * A recommender acts (endorse, 不予推荐) only on what it may see: the action check asks
 * `recommenderMaySee` too, the list filters by the same rule in SQL, and the notifier tells only
 * the recommenders the rule admits.
 */
@Injectable()
export class ApplicationAccessPolicy {
  private readonly rules: ViewerRule[] = [];

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  addViewerRule(rule: ViewerRule): void {
    this.rules.push(rule);
  }

  async canView(user: AuthUser, application: Application, cycle: Cycle): Promise<boolean> {
    if (user.role === Role.Admin) return user.officeIds.includes(cycle.officeId);
    if (user.role === Role.Recommender) return this.recommenderMaySee(user, application, cycle);
    if (user.role === Role.Applicant) return user.organizationId === application.organizationId;
    for (const rule of this.rules) if (await rule(user, application, cycle)) return true;
    return false;
  }

  /** A recommender of the cycle's office, and the application within its scope. */
  async recommenderMaySee(user: AuthUser, application: Pick<Application, 'organizationId'>, cycle: Pick<Cycle, 'officeId' | 'awardCode'>): Promise<boolean> {
    if (user.role !== Role.Recommender || !user.officeIds.includes(cycle.officeId)) return false;
    const scope = scopedRecommender(user);
    if (!scope) return true;
    // The region is read only when the scope names one (one primary-key lookup).
    const regionCode = scope.divisionCode ? await this.regionOf(application.organizationId) : null;
    return recommenderAdmits(scope, { awardCode: cycle.awardCode, regionCode });
  }

  async assertCanView(user: AuthUser, application: Application, cycle: Cycle): Promise<void> {
    if (!(await this.canView(user, application, cycle))) throw new NotFoundError('application', application.id);
  }

  private async regionOf(organizationId: string): Promise<string | null> {
    const [row] = await sqlRows<{ regionCode: string }>(this.dataSource, `SELECT region_code AS "regionCode" FROM organizations WHERE id = $1`, [organizationId]);
    return row?.regionCode ?? null;
  }
}
