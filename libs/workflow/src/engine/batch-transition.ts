import { DomainError, ErrorCode, NotFoundError, sqlRows } from '@awardflow/platform';
import { WorkCalendars } from '@awardflow/calendar';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, WorkflowDefinition } from '../definition/definition.types';
import { computeTransition, PlannedTimer, TransitionPlan } from './compute-transition';
import { nextLink } from './next-link';
import { GuardRegistry } from '../registry/guard.registry';
import { OutboxNotifier } from '../outbox/outbox-notifier';
import { DefinitionRegistry } from '../definition/definition-registry';
import { TransitionInvariants } from './transition-invariants';
import { mirrorCte, StateMirror, StateMirrors } from './state-mirrors';
import type { InstanceRow } from './workflow-engine';

export interface FireManyInput {
  instanceIds: readonly string[];
  action: string;
  actor: Actor;
  comment?: string | null;
  payload?: Record<string, unknown>;
  /** Merged into every row's context before its guards and timers look at it (a batch's shared dates). */
  contextPatch?: Record<string, unknown>;
  /** Rows per transaction (default 1000). */
  chunkSize?: number;
  /**
   * Chunks in flight at once, each on its own connection over its own ids (default 1; ignored in
   * the caller's transaction): one chunk's statement runs while the next is computed.
   */
  lanes?: number;
  /**
   * Run every chunk in the caller's transaction (all or nothing, e.g. a batch checked as a whole
   * against a quota) instead of committing chunk by chunk.
   */
  manager?: EntityManager;
  /**
   * Called in each chunk's transaction with the rows that will move (locked, their transitions
   * computed), before anything is written: it may write rows of its own in that transaction, give a
   * row a context patch and comment of its own, skip a row with a reason, or throw to refuse the
   * whole chunk (nothing of it is written).
   */
  prepare?: (rows: BatchPlannedRow[], manager: EntityManager) => Promise<Map<string, BatchRowDecision> | void>;
  /** After each chunk's statement (committed, unless the caller's transaction holds it): tests stop a run here. */
  afterChunk?: (progress: { chunk: number; moved: number }) => Promise<void> | void;
}

export interface BatchPlannedRow {
  instanceId: string;
  subjectType: string;
  subjectId: string;
  from: string;
  to: string;
  context: Record<string, unknown>;
}

export type BatchRowDecision = { skip: { code: string; message: string } } | { contextPatch?: Record<string, unknown>; comment?: string | null };

export interface BatchMoved {
  instanceId: string;
  subjectId: string;
  from: string;
  to: string;
  historySeq: number;
}

export interface BatchSkipped {
  instanceId: string;
  /** The state it was in (absent when no such instance exists). */
  state?: string;
  /** The error code the single transition would have answered (TRANSITION_NOT_ALLOWED, NOT_FOUND, …). */
  code: string;
  /** zh-CN, as the single transition would word it. */
  message: string;
}

export interface FireManyResult {
  moved: BatchMoved[];
  skipped: BatchSkipped[];
}

type LockedRow = Omit<InstanceRow, 'created_at' | 'updated_at'>;

const LOCK_CHUNK = `SELECT id, definition_code, definition_version, subject_type, subject_id, state, version, context, history_seq, history_head
  FROM workflow_instances WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`;

/*
 * One statement writes a whole chunk, every part hanging off the claim (`upd`) as in a single
 * fire: the instances (each claims its version), a history row chained from each one's own head,
 * outbox rows, the left state's deadlines cancelled and the new state's deadlines.
 */
const FIRE_MANY_SQL = `
WITH c AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb)
    AS c(id uuid, version int, from_state text, to_state text, patch jsonb, seq int, hash text, prev_hash text, comment text, cancel boolean)
), upd AS (
  UPDATE workflow_instances i
     SET state = c.to_state, version = i.version + 1,
         context = CASE WHEN c.patch = '{}'::jsonb THEN i.context ELSE i.context || c.patch END,
         history_seq = c.seq, history_head = c.hash, updated_at = $2::timestamptz
    FROM c WHERE i.id = c.id AND i.version = c.version
  RETURNING i.id, i.subject_type, i.subject_id
), hist AS (
  INSERT INTO workflow_history (instance_id, seq, actor_id, actor_role, action, from_state, to_state, comment, payload, created_at, prev_hash, hash)
  SELECT c.id, c.seq, $3::uuid, $4::text, $5::text, c.from_state, c.to_state, c.comment, $6::jsonb, $2::timestamptz, c.prev_hash, c.hash
    FROM c JOIN upd ON upd.id = c.id
), ob AS (
  INSERT INTO outbox (event, instance_id, payload, created_at)
  SELECT e.event, e.instance_id, e.payload, $2::timestamptz
    FROM jsonb_to_recordset($7::jsonb) AS e(instance_id uuid, event text, payload jsonb) JOIN upd ON upd.id = e.instance_id
), cancelled AS (
  UPDATE deadlines d SET status = 'cancelled', cancelled_at = $2::timestamptz
    FROM c JOIN upd ON upd.id = c.id
   WHERE c.cancel AND d.instance_id = c.id AND d.status = 'pending' AND d.set_in_state = c.from_state
), dl AS (
  INSERT INTO deadlines (instance_id, kind, action, set_in_state, due_at)
  SELECT t.instance_id, t.kind, t.action, t.set_in_state, t.due_at
    FROM jsonb_to_recordset($8::jsonb) AS t(instance_id uuid, kind text, action text, set_in_state text, due_at timestamptz) JOIN upd ON upd.id = t.instance_id
)`;
const FIRE_MANY_RESULT = `
SELECT count(*)::int AS updated FROM upd`;

/**
 * The chunk's statement with a state mirror part per subject type that has one (parameters from
 * $9, the subject types): each moved subject's row gets its new state from the same claim.
 */
function fireManySql(mirrors: StateMirror[]): string {
  return FIRE_MANY_SQL + mirrors.map((m, n) => mirrorCte(`mirror${n}`, m, 'c.to_state', 'c JOIN upd ON upd.id = c.id', `upd.subject_id AND upd.subject_type = $${9 + n}::text`)).join('') + FIRE_MANY_RESULT;
}

const DEFAULT_CHUNK = 1000;

/**
 * The same transition for many instances, set-based: per chunk, one transaction that locks the
 * rows (by id), computes each row's transition in JS exactly as a single fire does (roles, guards,
 * the calendar), and writes them all in one statement. A row the action is not available to (moved
 * meanwhile, another role's, a guard not holding) is skipped with the reason a single fire would
 * give. The state is the cursor: a chunk commits whole or not at all, so running the same batch
 * again after a crash moves only what is left and never writes a row twice.
 */
export class BatchTransition {
  constructor(
    private readonly dataSource: DataSource,
    private readonly definitions: DefinitionRegistry,
    private readonly guards: GuardRegistry,
    private readonly notifier: OutboxNotifier,
    private readonly invariants: TransitionInvariants,
    private readonly calendars: WorkCalendars,
    private readonly mirrors: StateMirrors,
  ) {}

  async fireMany(input: FireManyInput): Promise<FireManyResult> {
    const ids = [...new Set(input.instanceIds)].sort();
    const size = Math.max(1, input.chunkSize ?? DEFAULT_CHUNK);
    const result: FireManyResult = { moved: [], skipped: [] };
    const slices: string[][] = [];
    for (let start = 0; start < ids.length; start += size) slices.push(ids.slice(start, start + size));
    let next = 0;
    let failed = false;
    const lane = async () => {
      while (next < slices.length && !failed) {
        const chunk = ++next;
        const run = (m: EntityManager) => this.fireChunk(input, slices[chunk - 1], m);
        try {
          const part = input.manager ? await run(input.manager) : await this.dataSource.transaction(run);
          result.moved.push(...part.moved);
          result.skipped.push(...part.skipped);
          if (part.effects) {
            if (input.manager) this.notifier.pokeAfterCommit(input.manager);
            else this.notifier.poke();
          }
          await input.afterChunk?.({ chunk, moved: part.moved.length });
        } catch (error) {
          // No new chunk starts; one already in flight in another lane still commits or not, whole.
          failed = true;
          throw error;
        }
      }
    };
    const lanes = input.manager ? 1 : Math.max(1, Math.min(input.lanes ?? 1, slices.length));
    const settled = await Promise.allSettled(Array.from({ length: lanes }, lane));
    const rejected = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (rejected) throw rejected.reason;
    return result;
  }

  private async fireChunk(input: FireManyInput, ids: string[], manager: EntityManager): Promise<FireManyResult & { effects: boolean }> {
    // The mirrored subjects' rows first, in the order their own writers take them (row, then instance).
    for (const [type, mirror] of this.mirrors.all()) {
      await sqlRows(
        manager,
        `SELECT 1 FROM "${mirror.table}" m WHERE m."${mirror.keyColumn}" IN (SELECT subject_id FROM workflow_instances WHERE id = ANY($1::uuid[]) AND subject_type = $2) ORDER BY m."${mirror.keyColumn}" FOR UPDATE`,
        [ids, type],
      );
    }
    const rows = await sqlRows<LockedRow>(manager, LOCK_CHUNK, [ids]);
    const found = new Set(rows.map((r) => r.id));
    const skipped: BatchSkipped[] = ids.filter((id) => !found.has(id)).map((id) => ({ instanceId: id, ...reasonOf(new NotFoundError('workflow instance', id)) }));
    for (const row of rows) {
      // An invariant locks and checks the subject's own rows per transition: not batched here.
      if (this.invariants.of(row.subject_type, input.action)) {
        throw new Error(`the action "${input.action}" has an invariant on ${row.subject_type} and cannot be fired as a batch: fire it one instance at a time`);
      }
    }
    const defs = new Map<string, WorkflowDefinition>();
    for (const row of rows) {
      const key = `${row.definition_code}@${row.definition_version}`;
      if (!defs.has(key)) defs.set(key, await this.definitions.get(row.definition_code, row.definition_version));
    }
    const now = new Date();
    const payload = input.payload ?? {};
    const comment = input.comment?.trim() || null;
    // Pure (withCalendar may run it twice): each row's plan, or the refusal a single fire would throw.
    const computed = await this.calendars.withCalendar((calendar) =>
      rows.map((row) => {
        const def = defs.get(`${row.definition_code}@${row.definition_version}`)!;
        try {
          return { row, plan: computeTransition(def, { state: row.state, context: row.context }, { action: input.action, actor: input.actor, payload, comment, now, calendar, contextPatch: input.contextPatch }, this.guards) };
        } catch (error) {
          if (!(error instanceof DomainError) || error.code === ErrorCode.CalendarYearMissing) throw error;
          return { row, refusal: error };
        }
      }),
    );
    const planned: { row: LockedRow; plan: TransitionPlan }[] = [];
    for (const c of computed) {
      if (c.plan) planned.push({ row: c.row, plan: c.plan });
      else skipped.push({ instanceId: c.row.id, state: c.row.state, ...reasonOf(c.refusal!) });
    }
    const decisions = planned.length && input.prepare
      ? ((await input.prepare(planned.map(({ row, plan }) => ({ instanceId: row.id, subjectType: row.subject_type, subjectId: row.subject_id, from: plan.from, to: plan.to, context: plan.context })), manager)) ?? new Map<string, BatchRowDecision>())
      : new Map<string, BatchRowDecision>();

    const claims: unknown[] = [];
    const events: unknown[] = [];
    const timers: unknown[] = [];
    const moved: BatchMoved[] = [];
    for (const { row, plan } of planned) {
      const decision = decisions.get(row.id);
      if (decision && 'skip' in decision) {
        skipped.push({ instanceId: row.id, state: row.state, ...decision.skip });
        continue;
      }
      const patch = { ...input.contextPatch, ...decision?.contextPatch };
      const rowComment = decision && decision.comment !== undefined ? decision.comment?.trim() || null : comment;
      const { seq, hash, eventBase: base } = nextLink(row, { action: input.action, from: plan.from, to: plan.to, actor: input.actor, comment: rowComment, payload, now });
      claims.push({ id: row.id, version: row.version, from_state: plan.from, to_state: plan.to, patch, seq, hash, prev_hash: row.history_head, comment: rowComment, cancel: plan.cancelTimersOf !== null });
      for (const e of plan.effects) events.push({ instance_id: row.id, event: e.name, payload: { ...base, params: e.params ?? {} } });
      for (const t of plan.timers as PlannedTimer[]) timers.push({ instance_id: row.id, kind: t.kind, action: t.action, set_in_state: plan.to, due_at: t.dueAt.toISOString() });
      moved.push({ instanceId: row.id, subjectId: row.subject_id, from: plan.from, to: plan.to, historySeq: seq });
    }
    if (moved.length === 0) return { moved, skipped, effects: false };
    const mirrored = [...new Set(rows.map((r) => r.subject_type))].flatMap((type) => {
      const mirror = this.mirrors.of(type);
      return mirror ? [{ type, mirror }] : [];
    });
    const [{ updated }] = await sqlRows<{ updated: number }>(manager, fireManySql(mirrored.map((m) => m.mirror)), [
      JSON.stringify(claims),
      now,
      input.actor.id,
      input.actor.role,
      input.action,
      JSON.stringify(payload),
      JSON.stringify(events),
      JSON.stringify(timers),
      ...mirrored.map((m) => m.type),
    ]);
    // The rows are locked by this transaction, so every claim holds; anything else is a bug: roll back.
    if (updated !== moved.length) throw new Error(`batch ${input.action}: claimed ${updated} of ${moved.length} locked instances`);
    return { moved, skipped, effects: events.length > 0 };
  }
}

function reasonOf(error: DomainError): { code: string; message: string } {
  return { code: error.code, message: error.message };
}
