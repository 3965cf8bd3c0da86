import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface AuditEvent {
  actorId: string | null;
  actorRole: string;
  action: string;
  entityType: string;
  entityId: string;
  details?: Record<string, unknown>;
}

/** Who did what to which record, written in the same transaction as the change. */
@Injectable()
export class AuditTrail {
  async record(manager: EntityManager, event: AuditEvent): Promise<void> {
    await manager.query(
      `INSERT INTO audit_events (actor_id, actor_role, action, entity_type, entity_id, details) VALUES ($1, $2, $3, $4, $5, $6::jsonb)`,
      [event.actorId, event.actorRole, event.action, event.entityType, event.entityId, JSON.stringify(event.details ?? {})],
    );
  }

  async list(manager: EntityManager, entityType: string, entityId: string): Promise<Array<AuditEvent & { createdAt: Date }>> {
    const rows = await manager.query(
      `SELECT actor_id, actor_role, action, entity_type, entity_id, details, created_at FROM audit_events WHERE entity_type = $1 AND entity_id = $2 ORDER BY id`,
      [entityType, entityId],
    );
    return rows.map((r: Record<string, unknown>) => ({
      actorId: r.actor_id as string | null,
      actorRole: r.actor_role as string,
      action: r.action as string,
      entityType: r.entity_type as string,
      entityId: r.entity_id as string,
      details: r.details as Record<string, unknown>,
      createdAt: r.created_at as Date,
    }));
  }
}
