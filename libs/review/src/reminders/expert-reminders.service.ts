import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditAction, AuditEntityType, AuditLog } from '@awardflow/audit';
import { findAward } from '@awardflow/awards';
import { CyclesService, formatBeijing } from '@awardflow/cycles';
import { AuthUser, USER_NAMES_RELATION } from '@awardflow/identity';
import { NOTIFICATIONS_SENT_RELATION, NotificationsService } from '@awardflow/notifications';
import { AppConfigService, Page, pageOf, PageQuery, pageWindow, sqlRows } from '@awardflow/platform';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PENDING_ASSIGNMENT_HOLDERS_RELATION } from '../assignment/assignment-relations';
import { ExpertReminderRowDto, ExpertRemindersSentDto } from './expert-reminders.dto';

/** The notification template of a reminder; its rows in `notifications` are the record of who was reminded when. */
const TEMPLATE = 'review_chased';
/** An expert reminded of a cycle this recently is not reminded again (one nudge a day is enough). */
const QUIET_HOURS = 24;

/** Event keys of a cycle's reminders: `experts-reminded:<cycle>:<sending>`, so a cycle's reminders are found by prefix. */
const eventKeyPrefix = (cycleId: string) => `experts-reminded:${cycleId}:`;

/**
 * 提醒专家: the office lists the experts of a cycle with reviews assigned and not scored (overdue
 * first) and sends them a reminder through the notifications path (inbox and email), at most one
 * a day per expert and cycle; each sending is audited as experts_reminded on the cycle.
 */
@Injectable()
export class ExpertRemindersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cycles: CyclesService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditLog,
    private readonly config: AppConfigService,
  ) {}

  async list(cycleId: string, query: PageQuery, admin: AuthUser): Promise<Page<ExpertReminderRowDto>> {
    const cycle = await this.cycles.getForAdmin(cycleId, admin);
    const window = pageWindow(query);
    const rows = await sqlRows<ExpertReminderRowDto & { total: number }>(
      this.dataSource,
      `${PENDING_SQL}
       SELECT p.*, count(*) OVER ()::int AS total FROM pending p
        ORDER BY p.overdue DESC, p."earliestDueAt", p."reviewerId" LIMIT $4 OFFSET $5`,
      [cycle.id, `${eventKeyPrefix(cycle.id)}%`, QUIET_HOURS, window.limit, window.offset],
    );
    const total = rows[0]?.total ?? (window.offset ? await this.count(cycle.id) : 0);
    return pageOf(rows.map(({ total: _, ...row }) => row), total, window);
  }

  async send(cycleId: string, reviewerIds: string[] | undefined, admin: AuthUser): Promise<ExpertRemindersSentDto> {
    const cycle = await this.cycles.getForAdmin(cycleId, admin);
    return this.dataSource.transaction(async (m) => {
      // Two sendings of one cycle at once would both find an expert not yet reminded.
      await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [eventKeyPrefix(cycle.id)]);
      const pending = await sqlRows<ExpertReminderRowDto>(m, `${PENDING_SQL} SELECT * FROM pending`, [cycle.id, `${eventKeyPrefix(cycle.id)}%`, QUIET_HOURS]);
      const byId = new Map(pending.map((p) => [p.reviewerId, p]));
      const asked = reviewerIds ?? pending.map((p) => p.reviewerId);
      const skipped: ExpertRemindersSentDto['skipped'] = [];
      const due: ExpertReminderRowDto[] = [];
      for (const id of asked) {
        const row = byId.get(id);
        if (!row) skipped.push({ reviewerId: id, message: '该专家在本评审周期没有未完成的评审' });
        else if (row.recentlyReminded) skipped.push({ reviewerId: id, message: `该专家已于 ${formatBeijing(new Date(row.lastRemindedAt!))}（北京时间）提醒过，${QUIET_HOURS} 小时内不再提醒` });
        else due.push(row);
      }
      const sending = randomUUID();
      // One notification each: the counts differ per expert, so each is rendered for its reader.
      for (const row of due) {
        await this.notifications.notify({
          eventKey: `${eventKeyPrefix(cycle.id)}${sending}`,
          template: TEMPLATE,
          recipientIds: [row.reviewerId],
          variables: {
            awardName: findAward(cycle.awardCode)?.name,
            cycleTitle: cycle.title,
            pendingCount: row.pending,
            overdueCount: row.overdue,
            deadline: formatBeijing(new Date(row.earliestDueAt)),
            link: `${this.config.get('PUBLIC_BASE_URL')}/reviews`,
          },
          manager: m,
        });
      }
      if (due.length) {
        await this.audit.record(
          {
            action: AuditAction.ExpertsReminded,
            entityType: AuditEntityType.Cycle,
            entityId: cycle.id,
            officeIds: [cycle.officeId],
            details: { reviewerIds: due.map((d) => d.reviewerId), skipped: skipped.map((s) => s.reviewerId) },
          },
          m,
        );
      }
      return { reminded: due.map((d) => d.reviewerId), skipped };
    });
  }

  private async count(cycleId: string): Promise<number> {
    const [row] = await sqlRows<{ n: number }>(this.dataSource, `SELECT count(DISTINCT reviewer_id)::int AS n FROM ${PENDING_ASSIGNMENT_HOLDERS_RELATION} r WHERE r.cycle_id = $1`, [cycleId]);
    return row.n;
  }
}

/** `pending`: per expert of cycle $1, the reviews assigned and not scored, and the last reminder ($2: its event keys, $3: quiet hours). */
const PENDING_SQL = `
  WITH pending AS (
    SELECT r.reviewer_id AS "reviewerId", u.display_name AS "displayName",
           count(*)::int AS pending, (count(*) FILTER (WHERE r.due_at < now()))::int AS overdue, min(r.due_at) AS "earliestDueAt",
           n.last AS "lastRemindedAt", coalesce(n.last > now() - make_interval(hours => $3::int), false) AS "recentlyReminded"
      FROM ${PENDING_ASSIGNMENT_HOLDERS_RELATION} r
      JOIN ${USER_NAMES_RELATION} u ON u.id = r.reviewer_id
      LEFT JOIN LATERAL (
        SELECT max(created_at) AS last FROM ${NOTIFICATIONS_SENT_RELATION} sent WHERE user_id = r.reviewer_id AND template = '${TEMPLATE}' AND event_key LIKE $2
      ) n ON true
     WHERE r.cycle_id = $1
     GROUP BY r.reviewer_id, u.display_name, n.last
  )`;
