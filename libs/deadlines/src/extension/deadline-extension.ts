import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APPLICATION_SUMMARIES_RELATION, ORGANIZATION_PROFILES_RELATION } from '@awardflow/applications';
import { AuditAction, AuditEntityType, AuditLog } from '@awardflow/audit';
import { CYCLE_OFFICES_RELATION, lockApplicationWindow, moveApplicationClose, parseBeijingInstant } from '@awardflow/cycles';
import { AuthUser } from '@awardflow/identity';
import { DomainError, ErrorCode, FieldValidationError, NotFoundError, Page, pageOf, pageWindow, QueueName, QueueService, sqlRows } from '@awardflow/platform';
import {
  addIsoDuration,
  DeadlineOffices,
  DeadlineRecord,
  listDeadlines,
  lockDeadline,
  lockPendingDeadlines,
  moveDeadline,
  Outbox,
  pendingActionDeadlines,
  shiftPendingReminders,
  WorkflowEngine,
} from '@awardflow/workflow';
import { DataSource, EntityManager } from 'typeorm';
import { deadlineJobId } from '../scheduling/deadline-scheduler';

/** A deadline is the business of its cycle's office. */
const CYCLE_OFFICES: DeadlineOffices = { relation: CYCLE_OFFICES_RELATION, contextKey: 'cycleId' };

export interface ExtendRequest {
  /** New due time: ISO 8601 with offset, or a date meaning the end of that day in Beijing. */
  dueAt?: string;
  /** Or: move it by an ISO 8601 duration (P7D). */
  by?: string;
  reason: string;
}

export interface DeadlineView {
  id: string;
  instanceId: string | null;
  kind: string;
  action: string | null;
  event: string | null;
  status: string;
  outcome: string | null;
  dueAt: Date;
  firedAt: Date | null;
  generation: number;
}

/** The application a listed deadline belongs to, as the office's deadline list names it. */
export interface DeadlineApplication {
  id: string;
  receiptNumber: string | null;
  organizationName: string | null;
  subjectName: string | null;
}

/** A row of the office's deadline list: the deadline, its cycle and (for an application's own) the application. */
export interface ListedDeadline extends DeadlineView {
  cycleId: string | null;
  application: DeadlineApplication | null;
}

export interface DeadlineListQuery {
  instanceId?: string;
  kind?: string;
  status?: string;
  cycleId?: string;
  overdue?: boolean;
  sort?: string;
  page?: number;
  pageSize?: number;
}

/**
 * Moves a pending deadline (and its reminders) to a new time. The row gets a new generation,
 * so the job already in Redis turns into a no-op and the scheduler adds a fresh one under a new
 * job id (BullMQ would ignore a re-add under an id it still keeps): neither lost nor doubled.
 */
@Injectable()
export class DeadlineExtension {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: QueueService,
    private readonly outbox: Outbox,
    private readonly engine: WorkflowEngine,
    private readonly audit: AuditLog,
  ) {}

  async extendOne(deadlineId: string, request: ExtendRequest, admin: AuthUser): Promise<DeadlineView> {
    const stale: string[] = [];
    const view = await this.dataSource.transaction(async (m) => {
      const deadline = await lockDeadline(m, deadlineId, CYCLE_OFFICES);
      if (!deadline || (deadline.officeId && !admin.officeIds.includes(deadline.officeId))) throw new NotFoundError('deadline', deadlineId);
      return this.extendRow(m, deadline, request, admin, stale);
    });
    await this.dropJobs(stale);
    return view;
  }

  /** Every pending deadline of a kind in a cycle (e.g. the whole cycle's 补正 or 公示). */
  async extendCycle(cycleId: string, kind: string, request: ExtendRequest, admin: AuthUser): Promise<{ extended: number }> {
    const stale: string[] = [];
    const count = await this.dataSource.transaction(async (m) => {
      const cycle = await lockApplicationWindow(m, cycleId);
      if (!cycle || !admin.officeIds.includes(cycle.officeId)) throw new NotFoundError('cycle', cycleId);
      const deadlines = await lockPendingDeadlines(m, kind, { key: CYCLE_OFFICES.contextKey, equals: cycleId });
      if (kind === 'application_window_close') {
        // The window itself moves: the cycle, and the context later timers are computed from.
        const closesAt = this.newDue(cycle.applicationClosesAt, request);
        await moveApplicationClose(m, cycleId, closesAt);
        await this.engine.changeContext({
          where: { key: 'cycleId', equals: cycleId },
          patch: { applicationClosesAt: closesAt.toISOString() },
          actor: { id: admin.id, role: admin.role },
          comment: request.reason,
          manager: m,
        });
        await this.audit.record({ action: AuditAction.DeadlineExtended, entityType: AuditEntityType.Cycle, entityId: cycleId, officeIds: [cycle.officeId], before: { applicationClosesAt: cycle.applicationClosesAt }, after: { applicationClosesAt: closesAt }, details: { kind, reason: request.reason } }, m);
      }
      for (const deadline of deadlines) await this.extendRow(m, { ...deadline, officeId: cycle.officeId }, request, admin, stale);
      return deadlines.length;
    });
    await this.dropJobs(stale);
    return { extended: count };
  }

  async list(query: DeadlineListQuery, officeIds: string[]): Promise<Page<ListedDeadline>> {
    const window = pageWindow(query);
    const filter = { instanceId: query.instanceId, kind: query.kind, status: query.status, contextId: query.cycleId, overdue: query.overdue };
    const { rows, total } = await listDeadlines(this.dataSource, filter, { offices: CYCLE_OFFICES, officeIds }, { ...window, sort: query.sort });
    // The page's applications only (at most a page of them), looked up after ordering and paging.
    const instanceIds = [...new Set(rows.map((r) => r.instanceId).filter((id): id is string => !!id))];
    const applications = instanceIds.length
      ? await sqlRows<DeadlineApplication & { instanceId: string }>(
          this.dataSource,
          `SELECT a.id, a.instance_id AS "instanceId", a.receipt_number AS "receiptNumber", a.subject_name AS "subjectName", o.name AS "organizationName"
             FROM ${APPLICATION_SUMMARIES_RELATION} a LEFT JOIN ${ORGANIZATION_PROFILES_RELATION} o ON o.id = a.organization_id
            WHERE a.instance_id = ANY($1::uuid[])`,
          [instanceIds],
        )
      : [];
    const byInstance = new Map(applications.map(({ instanceId, ...a }) => [instanceId, a]));
    const items = rows.map((r) => ({ ...toView(r), cycleId: r.contextId, application: (r.instanceId && byInstance.get(r.instanceId)) || null }));
    return pageOf(items, total, window);
  }

  /** The instance's own pending deadlines (not reviewers' reminders), for people following it. */
  async pendingForInstance(instanceId: string): Promise<DeadlineView[]> {
    return (await pendingActionDeadlines(this.dataSource, instanceId)).map(toView);
  }

  private newDue(current: Date, request: ExtendRequest): Date {
    const errors = [];
    if (!request.dueAt === !request.by) errors.push({ field: 'dueAt', messages: ['请填写新的截止时间或延长时长（二选一）'] });
    if (errors.length) throw new FieldValidationError(errors);
    const due = request.dueAt ? parseBeijingInstant(request.dueAt, 'end') : addIsoDuration(current, request.by!);
    if (Number.isNaN(due.getTime())) throw new FieldValidationError([{ field: request.dueAt ? 'dueAt' : 'by', messages: ['不是有效的时间'] }]);
    if (due <= current) throw new FieldValidationError([{ field: request.dueAt ? 'dueAt' : 'by', messages: ['延期后的时间须晚于原截止时间'] }]);
    return due;
  }

  private async extendRow(m: EntityManager, deadline: DeadlineRecord & { officeId: string | null }, request: ExtendRequest, admin: AuthUser, stale: string[]): Promise<DeadlineView> {
    if (deadline.status !== 'pending') throw new DomainError(ErrorCode.DeadlineSettled, { deadlineStatus: deadline.status === 'fired' ? 'fired' : 'cancelled' });
    const current = deadline.dueAt;
    const due = this.newDue(current, request);
    const delta = due.getTime() - current.getTime();
    stale.push(deadlineJobId(deadline.id, deadline.generation));
    const updated = await moveDeadline(m, deadline.id, due);
    const reminders = await shiftPendingReminders(m, deadline.id, delta);
    for (const r of reminders) stale.push(deadlineJobId(r.id, r.previousGeneration));
    if (deadline.instanceId) {
      const extended = { deadlineId: deadline.id, kind: deadline.kind, dueAt: due.toISOString(), previousDueAt: current.toISOString(), reason: request.reason, actorId: admin.id };
      await this.outbox.append(m, 'deadline_extended', extended, deadline.instanceId);
    }
    await this.audit.record(
      {
        action: AuditAction.DeadlineExtended,
        entityType: AuditEntityType.Deadline,
        entityId: deadline.id,
        officeIds: deadline.officeId ? [deadline.officeId] : undefined,
        before: { dueAt: current },
        after: { dueAt: due },
        details: { kind: deadline.kind, reason: request.reason },
      },
      m,
    );
    return toView(updated);
  }

  /** Best effort: a stale job is a no-op anyway (generation check), this only keeps Redis tidy. */
  private async dropJobs(jobIds: string[]): Promise<void> {
    const queue = this.queues.queue(QueueName.Deadlines);
    await Promise.all(jobIds.map((id) => queue.remove(id).catch(() => 0)));
  }
}

function toView(d: DeadlineRecord): DeadlineView {
  return { id: d.id, instanceId: d.instanceId, kind: d.kind, action: d.action, event: d.event, status: d.status, outcome: d.outcome, dueAt: d.dueAt, firedAt: d.firedAt, generation: d.generation };
}
