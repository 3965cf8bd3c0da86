import { Injectable } from '@nestjs/common';
import { AuditAction, AuditEntityType, AuditLog } from '@awardflow/audit';
import { AuthUser, Role } from '@awardflow/identity';
import { FieldValidationError } from '@awardflow/platform';
import { DataSource, EntityManager } from 'typeorm';
import { PoolReviewer } from '../assignment/select-reviewers';

export interface ReviewerProfile {
  userId: string;
  displayName: string;
  expertise: string[];
  ties: string[];
  maxLoad: number;
  active: boolean;
  openAssignments: number;
}

/** The expert pool of the offices: who knows which industries, whom they are tied to, how busy they are. */
@Injectable()
export class ReviewPoolService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  async register(input: { userId: string; expertise: string[]; ties: string[]; maxLoad?: number }, admin: AuthUser): Promise<ReviewerProfile> {
    const [user] = await this.dataSource.query(
      `SELECT u.id, u.role FROM users u JOIN user_offices uo ON uo.user_id = u.id WHERE u.id = $1 AND uo.office_id = ANY($2::uuid[]) LIMIT 1`,
      [input.userId, admin.officeIds],
    );
    // The same answer for a user of another office as for one that does not exist.
    if (!user) throw new FieldValidationError([{ field: 'userId', messages: ['须为您所在评奖办公室的评审专家账号'] }]);
    if (user.role !== Role.Reviewer) throw new FieldValidationError([{ field: 'userId', messages: ['须为评审专家角色的用户'] }]);
    await this.dataSource.transaction(async (m) => {
      const [before] = await m.query(`SELECT expertise, ties, max_load AS "maxLoad", active FROM reviewers WHERE user_id = $1 FOR UPDATE`, [input.userId]);
      const [after] = await m.query(
        `INSERT INTO reviewers (user_id, expertise, ties, max_load) VALUES ($1, $2, $3, $4)
         ON CONFLICT (user_id) DO UPDATE SET expertise = EXCLUDED.expertise, ties = EXCLUDED.ties, max_load = EXCLUDED.max_load, active = true
         RETURNING expertise, ties, max_load AS "maxLoad", active`,
        [input.userId, input.expertise, input.ties, input.maxLoad ?? 15],
      );
      await this.audit.record({ action: AuditAction.ReviewerRegistered, entityType: AuditEntityType.Reviewer, entityId: input.userId, before, after }, m);
    });
    return (await this.list(admin.officeIds)).find((r) => r.userId === input.userId)!;
  }

  async list(officeIds: string[]): Promise<ReviewerProfile[]> {
    const rows = await this.dataSource.query(
      `SELECT r.user_id, u.display_name, r.expertise, r.ties, r.max_load, r.active,
              (SELECT count(*)::int FROM review_assignments a WHERE a.reviewer_id = r.user_id AND a.status = 'assigned') AS open_assignments
         FROM reviewers r JOIN users u ON u.id = r.user_id
        WHERE EXISTS (SELECT 1 FROM user_offices uo WHERE uo.user_id = r.user_id AND uo.office_id = ANY($1::uuid[]))
        ORDER BY u.display_name`,
      [officeIds],
    );
    return rows.map((r: Record<string, unknown>) => ({
      userId: r.user_id as string,
      displayName: r.display_name as string,
      expertise: r.expertise as string[],
      ties: r.ties as string[],
      maxLoad: r.max_load as number,
      active: r.active as boolean,
      openAssignments: r.open_assignments as number,
    }));
  }

  /** Active reviewers of an office with their current load, for selection. */
  async poolFor(officeId: string, manager: EntityManager): Promise<PoolReviewer[]> {
    const rows = await manager.query(
      `SELECT r.user_id, r.expertise, r.ties, r.max_load,
              (SELECT count(*)::int FROM review_assignments a WHERE a.reviewer_id = r.user_id AND a.status = 'assigned') AS load
         FROM reviewers r JOIN users u ON u.id = r.user_id AND u.is_active
        WHERE r.active AND EXISTS (SELECT 1 FROM user_offices uo WHERE uo.user_id = r.user_id AND uo.office_id = $1)`,
      [officeId],
    );
    return rows.map((r: Record<string, unknown>) => ({ id: r.user_id as string, expertise: r.expertise as string[], ties: r.ties as string[], load: r.load as number, maxLoad: r.max_load as number }));
  }
}
