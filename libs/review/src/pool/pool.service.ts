import { Injectable } from '@nestjs/common';
import { AuditAction, AuditEntityType, AuditLog } from '@awardflow/audit';
import { AuthUser, memberOfOffices, membersOfOffices, Role } from '@awardflow/identity';
import { FieldValidationError, Page } from '@awardflow/platform';
import { DataSource, EntityManager } from 'typeorm';
import { PoolReviewer } from '../assignment/select-reviewers';
import type { ReviewerPoolQuery } from './pool.dto';
import { reviewerPoolPage } from './reviewer-pool-page';
import { lockReviewerEntry, ReviewerRow, reviewersAmong, upsertReviewer } from './reviewer.repository';

/** A pool entry as the office lists it: the expert's name beside it. */
export interface ReviewerProfile extends ReviewerRow {
  displayName: string;
}

/** The expert pool of the offices: who knows which industries, whom they are tied to, how busy they are. */
@Injectable()
export class ReviewPoolService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  async register(input: { userId: string; expertise: string[]; ties: string[]; maxLoad?: number }, admin: AuthUser): Promise<ReviewerProfile> {
    const user = await memberOfOffices(this.dataSource, input.userId, admin.officeIds);
    // The same answer for a user of another office as for one that does not exist.
    if (!user) throw new FieldValidationError([{ field: 'userId', messages: ['须为您所在评奖办公室的评审专家账号'] }]);
    if (user.role !== Role.Reviewer) throw new FieldValidationError([{ field: 'userId', messages: ['须为评审专家角色的用户'] }]);
    await this.dataSource.transaction(async (m) => {
      const before = await lockReviewerEntry(m, input.userId);
      const after = await upsertReviewer(m, { userId: input.userId, expertise: input.expertise, ties: input.ties, maxLoad: input.maxLoad ?? 15 });
      await this.audit.record({ action: AuditAction.ReviewerRegistered, entityType: AuditEntityType.Reviewer, entityId: input.userId, before, after }, m);
    });
    return (await this.list(admin.officeIds)).find((r) => r.userId === input.userId)!;
  }

  /** The pool entries of the offices' members, by display name. */
  async list(officeIds: string[]): Promise<ReviewerProfile[]> {
    const members = await membersOfOffices(this.dataSource, officeIds);
    const entries = new Map((await reviewersAmong(this.dataSource, members.map((u) => u.id))).map((r) => [r.userId, r]));
    return members.flatMap((u) => {
      const entry = entries.get(u.id);
      return entry ? [{ userId: entry.userId, displayName: u.displayName, expertise: entry.expertise, ties: entry.ties, maxLoad: entry.maxLoad, active: entry.active, openAssignments: entry.openAssignments }] : [];
    });
  }

  /** A page of the offices' pool (专家库), searched, filtered and sorted as `query` asks. */
  async page(officeIds: string[], query: ReviewerPoolQuery): Promise<Page<ReviewerProfile>> {
    return reviewerPoolPage(await this.list(officeIds), query);
  }

  /** Active reviewers of an office with their current load, for selection. */
  async poolFor(officeId: string, manager: EntityManager): Promise<PoolReviewer[]> {
    const members = await membersOfOffices(manager, [officeId]);
    const entries = await reviewersAmong(manager, members.filter((u) => u.isActive).map((u) => u.id), { active: true });
    return entries.map((r) => ({ id: r.userId, expertise: r.expertise, ties: r.ties, load: r.openAssignments, maxLoad: r.maxLoad }));
  }
}
