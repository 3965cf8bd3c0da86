import type { Actor } from '../definition/definition.types';
import { chainHash } from '../history/history-chain';

/** What a transition's history row is chained from: the instance's row as read (or locked). */
interface ChainHead {
  id: string;
  subject_type: string;
  subject_id: string;
  history_seq: number;
  history_head: string;
}

/**
 * The next link of an instance's history for one transition, and the fields every outbox event of
 * that transition carries. One place for both, so `fire` and `fireMany` cannot chain differently.
 */
export function nextLink(
  row: ChainHead,
  step: { action: string; from: string; to: string; actor: Actor; comment: string | null; payload: Record<string, unknown>; now: Date },
) {
  const seq = row.history_seq + 1;
  const hash = chainHash(row.history_head, {
    instanceId: row.id,
    seq,
    actorId: step.actor.id,
    actorRole: step.actor.role,
    action: step.action,
    fromState: step.from,
    toState: step.to,
    comment: step.comment,
    payload: step.payload,
    createdAt: step.now,
  });
  const eventBase = { instanceId: row.id, subjectType: row.subject_type, subjectId: row.subject_id, action: step.action, from: step.from, to: step.to, actorId: step.actor.id, actorRole: step.actor.role, historySeq: seq };
  return { seq, hash, eventBase };
}
