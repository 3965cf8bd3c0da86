import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FieldError, FieldValidationError, sqlRows } from '@awardflow/platform';
import { DataSource, EntityManager } from 'typeorm';
import { AuditActor, AuditEntry } from './audit-entry';
import { AuditPageDto, AuditQuery, AuditRecordDto } from './audit.dto';
import { AuditRecord } from './audit-record.entity';
import { fieldChanges, withoutSecrets } from './field-changes';
import { RequestContext } from './request-context';

const SYSTEM: AuditActor = { id: null, role: 'system', officeIds: [] };

interface AuditEventRow {
  id: string;
  createdAt: Date;
  actorId: string | null;
  actorRole: string;
  action: string;
  entityType: string;
  entityId: string;
  changes: Record<string, unknown>;
  details: Record<string, unknown>;
  clientIp: string | null;
  officeIds: string[];
}

const ROW_COLUMNS = `id, created_at AS "createdAt", actor_id AS "actorId", actor_role AS "actorRole", action, entity_type AS "entityType", entity_id AS "entityId",
  changes, details, client_ip AS "clientIp", office_ids AS "officeIds"`;

/** The office's record of admin actions that are not workflow transitions (those have their history). */
@Injectable()
export class AuditLog {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Appends one record; pass the transaction's manager so it commits or rolls back with the change. */
  async record(entry: AuditEntry, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const actor = entry.actor ?? RequestContext.actor() ?? SYSTEM;
    await manager.insert(AuditRecord, {
      actorId: actor.id,
      actorRole: actor.role,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      officeIds: [...new Set(entry.officeIds ?? actor.officeIds)],
      changes: fieldChanges(entry.before, entry.after),
      details: withoutSecrets(entry.details ?? {}),
      clientIp: RequestContext.clientIp(),
    });
  }

  /** Records of the given offices, newest first. */
  async search(query: AuditQuery, officeIds: string[]): Promise<AuditPageDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const params: unknown[] = [officeIds];
    const where = ['office_ids && $1::uuid[]'];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (query.entityType) add('entity_type = ?', query.entityType);
    if (query.entityId) add('entity_id = ?', query.entityId);
    if (query.action) add('action = ?', query.action);
    if (query.actorId) add('actor_id = ?', query.actorId);
    const { from, to } = instants(query);
    if (from) add('created_at >= ?', from);
    if (to) add('created_at <= ?', to);
    const condition = where.join(' AND ');
    const [{ total }] = await sqlRows<{ total: number }>(this.dataSource, `SELECT count(*)::int AS total FROM audit_events WHERE ${condition}`, params);
    const rows = await sqlRows<AuditEventRow>(
      this.dataSource,
      `SELECT ${ROW_COLUMNS} FROM audit_events WHERE ${condition} ORDER BY id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, pageSize, (page - 1) * pageSize],
    );
    return { items: rows.map(toDto), total, page, pageSize };
  }
}

function instants(query: AuditQuery): { from?: Date; to?: Date } {
  const errors: FieldError[] = [];
  const parse = (field: 'from' | 'to', edge: string): Date | undefined => {
    const text = query[field];
    if (!text) return undefined;
    const instant = new Date(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T${edge}+08:00` : text);
    if (Number.isNaN(instant.getTime())) errors.push({ field, messages: [`${field} 不是有效的日期或时间`] });
    return instant;
  };
  const from = parse('from', '00:00:00.000');
  const to = parse('to', '23:59:59.999');
  if (errors.length) throw new FieldValidationError(errors);
  if (from && to && from > to) throw new FieldValidationError([{ field: 'to', messages: ['不能早于起始时间'] }]);
  return { from, to };
}

function toDto(r: AuditEventRow): AuditRecordDto {
  return {
    id: r.id,
    at: r.createdAt,
    actor: { id: r.actorId, role: r.actorRole },
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    changes: r.changes,
    details: r.details,
    clientIp: r.clientIp,
    officeIds: r.officeIds,
  };
}
