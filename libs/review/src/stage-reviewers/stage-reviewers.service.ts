import { Injectable } from '@nestjs/common';
import { AuditAction, AuditEntityType, AuditLog } from '@awardflow/audit';
import { Application, ApplicationsService } from '@awardflow/applications';
import { Cycle, CyclesService } from '@awardflow/cycles';
import { AuthUser, Role, userNames, usersOutsideOffice } from '@awardflow/identity';
import { FieldValidationError, NotFoundError } from '@awardflow/platform';
import { DataSource, EntityManager } from 'typeorm';
import { officeLabel } from '../pool/office-label';
import { isNamedFor, namedUserIds, replaceNamed, ReviewStage } from './stage-reviewers.repository';

export type { ReviewStage } from './stage-reviewers.repository';
export const REVIEW_STAGES: ReviewStage[] = ['formal_review', 'onsite_review'];

export interface NamedReviewers {
  cycleId: string;
  stage: ReviewStage;
  /** Null when named for the whole cycle. */
  applicationId: string | null;
  reviewers: Array<{ userId: string; displayName: string }>;
}

/**
 * Which experts an office names for a stage. Only they, besides the office's admins, see an
 * application in that stage and take its actions; every other expert of the office does not.
 */
@Injectable()
export class StageReviewersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cycles: CyclesService,
    private readonly applications: ApplicationsService,
    private readonly audit: AuditLog,
  ) {}

  async nameForCycle(cycleId: string, stage: ReviewStage, userIds: string[], admin: AuthUser): Promise<NamedReviewers> {
    const cycle = await this.cycles.getForAdmin(cycleId, admin);
    await this.rename(cycle, stage, null, userIds, admin);
    return this.named(cycle.id, stage, null);
  }

  async forCycle(cycleId: string, admin: AuthUser): Promise<NamedReviewers[]> {
    const cycle = await this.cycles.getForAdmin(cycleId, admin);
    return Promise.all(REVIEW_STAGES.map((stage) => this.named(cycle.id, stage, null)));
  }

  async nameForApplication(applicationId: string, userIds: string[], admin: AuthUser): Promise<NamedReviewers> {
    const { application, cycle } = await this.ofOffice(applicationId, admin);
    await this.rename(cycle, 'onsite_review', application.id, userIds, admin);
    return this.named(cycle.id, 'onsite_review', application.id);
  }

  async forApplication(applicationId: string, admin: AuthUser): Promise<NamedReviewers> {
    const { application, cycle } = await this.ofOffice(applicationId, admin);
    return this.named(cycle.id, 'onsite_review', application.id);
  }

  /** Whether the reviewer was named for the stage of this application (for it, or for its whole cycle). */
  async isNamed(stage: ReviewStage, user: AuthUser, application: Pick<Application, 'id'>, cycle: Pick<Cycle, 'id' | 'officeId'>): Promise<boolean> {
    if (user.role !== Role.Reviewer || !user.officeIds.includes(cycle.officeId)) return false;
    return isNamedFor(this.dataSource, cycle.id, user.id, stage, application.id);
  }

  /** The list replaces the one named before, audited with both (for the cycle: applicationId null). */
  private async rename(cycle: Cycle, stage: ReviewStage, applicationId: string | null, userIds: string[], admin: AuthUser): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await this.assertOfficeReviewers(m, userIds, cycle);
      const before = await namedUserIds(m, cycle.id, stage, applicationId);
      await replaceNamed(m, cycle.id, stage, applicationId, userIds, admin.id);
      const entity = applicationId ? { entityType: AuditEntityType.Application, entityId: applicationId } : { entityType: AuditEntityType.Cycle, entityId: cycle.id };
      await this.audit.record({ action: AuditAction.StageReviewersNamed, ...entity, officeIds: [cycle.officeId], before: { [stage]: before }, after: { [stage]: [...new Set(userIds)].sort() } }, m);
    });
  }

  private async ofOffice(applicationId: string, admin: AuthUser): Promise<{ application: Application; cycle: Cycle }> {
    const application = await this.applications.get(applicationId);
    const cycle = await this.cycles.get(application.cycleId);
    if (!admin.officeIds.includes(cycle.officeId)) throw new NotFoundError('application', applicationId);
    return { application, cycle };
  }

  private async assertOfficeReviewers(m: EntityManager, userIds: string[], cycle: Cycle): Promise<void> {
    const outside = await usersOutsideOffice(m, userIds, cycle.officeId, [Role.Reviewer]);
    if (outside.length) {
      throw new FieldValidationError([{ field: 'userIds', messages: [`须为本届评奖办公室（${await officeLabel(m, cycle.officeId)}）在职的评审专家；以下用户不是：${outside.join('、')}`] }]);
    }
  }

  private async named(cycleId: string, stage: ReviewStage, applicationId: string | null): Promise<NamedReviewers> {
    const users = await userNames(this.dataSource, await namedUserIds(this.dataSource, cycleId, stage, applicationId));
    return { cycleId, stage, applicationId, reviewers: users.map((u) => ({ userId: u.id, displayName: u.displayName })) };
  }
}
