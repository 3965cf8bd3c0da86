import { DeadlineRecord, DeadlineStatus } from './deadline-record';

/** A deadline's columns as `SELECT d.*` returns them (the timers' own: not exported from the lib). */
export interface DeadlineColumns {
  id: string;
  instance_id: string | null;
  kind: string;
  action: string | null;
  event: string | null;
  payload: Record<string, unknown>;
  set_in_state: string | null;
  status: DeadlineStatus;
  outcome: string | null;
  due_at: Date | string;
  fired_at: Date | string | null;
  cancelled_at: Date | string | null;
  generation: number;
}

export function toDeadlineRecord(r: DeadlineColumns): DeadlineRecord {
  return {
    id: r.id,
    instanceId: r.instance_id,
    kind: r.kind,
    action: r.action,
    event: r.event,
    payload: r.payload,
    setInState: r.set_in_state,
    status: r.status,
    outcome: r.outcome ?? null,
    dueAt: new Date(r.due_at),
    firedAt: r.fired_at ? new Date(r.fired_at) : null,
    cancelledAt: r.cancelled_at ? new Date(r.cancelled_at) : null,
    generation: r.generation,
  };
}
