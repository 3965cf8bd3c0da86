import { Injectable } from '@nestjs/common';
import { sqlAffected, sqlRows } from '@awardflow/platform';
import { EntityManager } from 'typeorm';
import { DeadlineEventName } from '../events/domain-events';

export interface DeadlineRow {
  instanceId: string | null;
  kind: string;
  /** Fired through the engine as `system`... */
  action?: string | null;
  /** ...or emitted as an outbox event (reminders, escalations), its payload plus the deadline's id and kind. */
  event?: DeadlineEventName | null;
  payload?: Record<string, unknown>;
  /** The instance state that set it: leaving that state cancels it, and firing re-checks it. */
  setInState?: string | null;
  dueAt: Date;
}

/** Deadlines that domain code sets itself (review due dates, reminders), beside the engine's timers. */
@Injectable()
export class DeadlineWriter {
  async insert(manager: EntityManager, rows: DeadlineRow[]): Promise<string[]> {
    if (rows.length === 0) return [];
    const result = await sqlRows<{ id: string }>(
      manager,
      `INSERT INTO deadlines (instance_id, kind, action, event, payload, set_in_state, due_at)
       SELECT r.instance_id, r.kind, r.action, r.event, coalesce(r.payload, '{}'), r.set_in_state, r.due_at
         FROM jsonb_to_recordset($1::jsonb) AS r(instance_id uuid, kind text, action text, event text, payload jsonb, set_in_state text, due_at timestamptz)
       RETURNING id`,
      [
        JSON.stringify(
          rows.map((r) => ({
            instance_id: r.instanceId,
            kind: r.kind,
            action: r.action ?? null,
            event: r.event ?? null,
            payload: r.payload ?? {},
            set_in_state: r.setInState ?? null,
            due_at: r.dueAt.toISOString(),
          })),
        ),
      ],
    );
    return result.map((r) => r.id);
  }

  /** Cancels pending deadlines of a kind for an instance (e.g. an assignment's due date once scored). */
  async cancel(manager: EntityManager, where: { instanceId: string; kind: string; payloadMatch?: Record<string, unknown> }): Promise<number> {
    return sqlAffected(
      manager,
      `UPDATE deadlines SET status = 'cancelled', cancelled_at = now()
        WHERE instance_id = $1 AND kind = $2 AND status = 'pending' AND payload @> $3::jsonb`,
      [where.instanceId, where.kind, JSON.stringify(where.payloadMatch ?? {})],
    );
  }
}
