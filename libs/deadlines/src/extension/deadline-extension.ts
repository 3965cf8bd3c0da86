import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditAction, AuditEntityType, AuditLog } from '@awardflow/audit';
import { CYCLE_OFFICES_RELATION, lockApplicationWindow, moveApplicationClose, parseBeijingInstant } from '@awardflow/cycles';
import { AuthUser } from '@awardflow/identity';
import { DomainError, ErrorCode, FieldValidationError, NotFoundError, QueueName, QueueService } from '@awardflow/platform';
import { addIsoDuration, INSTANCE_CONTEXTS_RELATION, Outbox, WorkflowEngine } from '@awardflow/workflow';
import { DataSource, EntityManager } from 'typeorm';
import { deadlineJobId } from '../scheduling/deadline-scheduler';

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
      const [row] = await m.query(
        `SELECT d.*, c.office_id FROM deadlines d
           LEFT JOIN ${INSTANCE_CONTEXTS_RELATION} i ON i.id = d.instance_id
           LEFT JOIN ${CYCLE_OFFICES_RELATION} c ON c.id::text = i.context->>'cycleId'
          WHERE d.id = $1 FOR UPDATE OF d`,
        [deadlineId],
      );
      if (!row || (row.office_id && !admin.officeIds.includes(row.office_id))) throw new NotFoundError('deadline', deadlineId);
      return this.extendRow(m, row, request, admin, stale);
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
      const rows = await m.query(
        `SELECT d.* FROM deadlines d JOIN ${INSTANCE_CONTEXTS_RELATION} i ON i.id = d.instance_id
          WHERE i.context->>'cycleId' = $1 AND d.kind = $2 AND d.status = 'pending' ORDER BY d.id FOR UPDATE OF d`,
        [cycleId, kind],
      );
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
      for (const row of rows) await this.extendRow(m, { ...row, office_id: cycle.officeId }, request, admin, stale);
      return rows.length;
    });
    await this.dropJobs(stale);
    return { extended: count };
  }

  async list(filter: { instanceId?: string; kind?: string; status?: string }, officeIds: string[]): Promise<DeadlineView[]> {
    const rows = await this.dataSource.query(
      `SELECT d.* FROM deadlines d
         LEFT JOIN ${INSTANCE_CONTEXTS_RELATION} i ON i.id = d.instance_id
         LEFT JOIN ${CYCLE_OFFICES_RELATION} c ON c.id::text = i.context->>'cycleId'
        WHERE (c.office_id IS NULL OR c.office_id = ANY($1::uuid[]))
          AND ($2::uuid IS NULL OR d.instance_id = $2) AND ($3::text IS NULL OR d.kind = $3) AND ($4::text IS NULL OR d.status = $4)
        ORDER BY d.due_at LIMIT 500`,
      [officeIds, filter.instanceId ?? null, filter.kind ?? null, filter.status ?? null],
    );
    return rows.map(toView);
  }

  /** The instance's own pending deadlines (not reviewers' reminders), for people following it. */
  async pendingForInstance(instanceId: string): Promise<DeadlineView[]> {
    const rows = await this.dataSource.query(
      `SELECT * FROM deadlines WHERE instance_id = $1 AND status = 'pending' AND action IS NOT NULL ORDER BY due_at`,
      [instanceId],
    );
    return rows.map(toView);
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

  private async extendRow(m: EntityManager, row: Record<string, unknown>, request: ExtendRequest, admin: AuthUser, stale: string[]): Promise<DeadlineView> {
    if (row.status !== 'pending') throw new DomainError(ErrorCode.DeadlineSettled, { deadlineStatus: row.status === 'fired' ? 'fired' : 'cancelled' });
    const current = new Date(row.due_at as string);
    const due = this.newDue(current, request);
    const delta = due.getTime() - current.getTime();
    stale.push(deadlineJobId(row.id as string, row.generation as number));
    const [[updated]] = await m.query(`UPDATE deadlines SET due_at = $2, generation = generation + 1 WHERE id = $1 RETURNING *`, [row.id, due]);
    const reminders = await m.query(
      `UPDATE deadlines SET due_at = due_at + make_interval(secs => $2::double precision / 1000), generation = generation + 1
        WHERE payload->>'parentDeadlineId' = $1 AND status = 'pending' RETURNING id, generation - 1 AS old_generation`,
      [row.id, delta],
    );
    for (const r of reminders[0] ?? []) stale.push(deadlineJobId(r.id, r.old_generation));
    if (row.instance_id) {
      const extended = { deadlineId: row.id as string, kind: row.kind as string, dueAt: due.toISOString(), previousDueAt: current.toISOString(), reason: request.reason, actorId: admin.id };
      await this.outbox.append(m, 'deadline_extended', extended, row.instance_id as string);
    }
    await this.audit.record(
      {
        action: AuditAction.DeadlineExtended,
        entityType: AuditEntityType.Deadline,
        entityId: row.id as string,
        officeIds: row.office_id ? [row.office_id as string] : undefined,
        before: { dueAt: current },
        after: { dueAt: due },
        details: { kind: row.kind, reason: request.reason },
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

function toView(r: Record<string, unknown>): DeadlineView {
  return {
    id: r.id as string,
    instanceId: r.instance_id as string | null,
    kind: r.kind as string,
    action: r.action as string | null,
    event: r.event as string | null,
    status: r.status as string,
    outcome: (r.outcome as string | null) ?? null,
    dueAt: new Date(r.due_at as string),
    firedAt: r.fired_at ? new Date(r.fired_at as string) : null,
    generation: r.generation as number,
  };
}
