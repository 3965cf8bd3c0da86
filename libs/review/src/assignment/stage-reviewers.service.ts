import { Injectable } from '@nestjs/common';
import { AuditAction, AuditEntityType, AuditLog } from '@awardflow/audit';
import { Application, ApplicationsService } from '@awardflow/applications';
import { Cycle, CyclesService } from '@awardflow/cycles';
import { AuthUser, Role } from '@awardflow/identity';
import { FieldValidationError, NotFoundError } from '@awardflow/platform';
import { DataSource, EntityManager } from 'typeorm';
import { officeName, outsideOffice } from '../pool/office-members';

/** 形式审查 / 初审 (named per cycle) and 现场评审 (per cycle or per application). */
export type ReviewStage = 'formal_review' | 'onsite_review';
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
    await this.dataSource.transaction(async (m) => {
      await this.assertOfficeReviewers(m, userIds, cycle);
      const before = await this.userIdsNamed(m, cycle.id, stage, null);
      await m.query(`DELETE FROM stage_reviewers WHERE cycle_id = $1 AND stage = $2 AND application_id IS NULL`, [cycle.id, stage]);
      await this.insert(m, cycle.id, stage, null, userIds, admin.id);
      await this.audit.record({ action: AuditAction.StageReviewersNamed, entityType: AuditEntityType.Cycle, entityId: cycle.id, officeIds: [cycle.officeId], before: { [stage]: before }, after: { [stage]: [...new Set(userIds)].sort() } }, m);
    });
    return this.named(cycle.id, stage, null);
  }

  private async userIdsNamed(m: EntityManager, cycleId: string, stage: ReviewStage, applicationId: string | null): Promise<string[]> {
    const rows: Array<{ user_id: string }> = await m.query(
      `SELECT user_id FROM stage_reviewers WHERE cycle_id = $1 AND stage = $2 AND application_id IS NOT DISTINCT FROM $3::uuid ORDER BY user_id`,
      [cycleId, stage, applicationId],
    );
    return rows.map((r) => r.user_id);
  }

  async forCycle(cycleId: string, admin: AuthUser): Promise<NamedReviewers[]> {
    const cycle = await this.cycles.getForAdmin(cycleId, admin);
    return Promise.all(REVIEW_STAGES.map((stage) => this.named(cycle.id, stage, null)));
  }

  async nameForApplication(applicationId: string, userIds: string[], admin: AuthUser): Promise<NamedReviewers> {
    const { application, cycle } = await this.ofOffice(applicationId, admin);
    await this.dataSource.transaction(async (m) => {
      await this.assertOfficeReviewers(m, userIds, cycle);
      const before = await this.userIdsNamed(m, cycle.id, 'onsite_review', application.id);
      await m.query(`DELETE FROM stage_reviewers WHERE application_id = $1 AND stage = 'onsite_review'`, [application.id]);
      await this.insert(m, cycle.id, 'onsite_review', application.id, userIds, admin.id);
      await this.audit.record({ action: AuditAction.StageReviewersNamed, entityType: AuditEntityType.Application, entityId: application.id, officeIds: [cycle.officeId], before: { onsite_review: before }, after: { onsite_review: [...new Set(userIds)].sort() } }, m);
    });
    return this.named(cycle.id, 'onsite_review', application.id);
  }

  async forApplication(applicationId: string, admin: AuthUser): Promise<NamedReviewers> {
    const { application, cycle } = await this.ofOffice(applicationId, admin);
    return this.named(cycle.id, 'onsite_review', application.id);
  }

  /** Whether the reviewer was named for the stage of this application (for it, or for its whole cycle). */
  async isNamed(stage: ReviewStage, user: AuthUser, application: Pick<Application, 'id'>, cycle: Pick<Cycle, 'id' | 'officeId'>): Promise<boolean> {
    if (user.role !== Role.Reviewer || !user.officeIds.includes(cycle.officeId)) return false;
    const rows = await this.dataSource.query(
      `SELECT 1 FROM stage_reviewers WHERE cycle_id = $1 AND user_id = $2 AND stage = $3 AND (application_id IS NULL OR application_id = $4) LIMIT 1`,
      [cycle.id, user.id, stage, application.id],
    );
    return rows.length > 0;
  }

  private async ofOffice(applicationId: string, admin: AuthUser): Promise<{ application: Application; cycle: Cycle }> {
    const application = await this.applications.get(applicationId);
    const cycle = await this.cycles.get(application.cycleId);
    if (!admin.officeIds.includes(cycle.officeId)) throw new NotFoundError('application', applicationId);
    return { application, cycle };
  }

  private async assertOfficeReviewers(m: EntityManager, userIds: string[], cycle: Cycle): Promise<void> {
    const outside = await outsideOffice(m, userIds, cycle.officeId, [Role.Reviewer]);
    if (outside.length) {
      throw new FieldValidationError([{ field: 'userIds', messages: [`须为本届评奖办公室（${await officeName(m, cycle.officeId)}）在职的评审专家；以下用户不是：${outside.join('、')}`] }]);
    }
  }

  private async insert(m: EntityManager, cycleId: string, stage: ReviewStage, applicationId: string | null, userIds: string[], adminId: string): Promise<void> {
    await m.query(
      `INSERT INTO stage_reviewers (cycle_id, stage, application_id, user_id, named_by) SELECT $1, $2, $3, u, $4 FROM unnest($5::uuid[]) u`,
      [cycleId, stage, applicationId, adminId, [...new Set(userIds)]],
    );
  }

  private async named(cycleId: string, stage: ReviewStage, applicationId: string | null): Promise<NamedReviewers> {
    const rows: Array<{ user_id: string; display_name: string }> = await this.dataSource.query(
      `SELECT s.user_id, u.display_name FROM stage_reviewers s JOIN users u ON u.id = s.user_id
        WHERE s.cycle_id = $1 AND s.stage = $2 AND s.application_id IS NOT DISTINCT FROM $3::uuid ORDER BY u.display_name`,
      [cycleId, stage, applicationId],
    );
    return { cycleId, stage, applicationId, reviewers: rows.map((r) => ({ userId: r.user_id, displayName: r.display_name })) };
  }
}
