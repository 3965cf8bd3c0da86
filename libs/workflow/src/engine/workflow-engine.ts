import { Injectable } from '@nestjs/common';
import { NotFoundError, preparedRows, sqlRows } from '@awardflow/platform';
import { WorkCalendars } from '@awardflow/calendar';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, WorkflowDefinition } from '../definition/definition.types';
import { ActionInfo, availableActionsFor } from './available-actions';
import { computeTransition, planTimers, PlannedTimer } from './compute-transition';
import { VersionConflictError } from '../errors/workflow-errors';
import { chainHash, ChainedFields, GENESIS_HASH, verifyChain } from '../history/history-chain';
import { GuardRegistry } from '../registry/guard.registry';
import { OutboxNotifier } from '../outbox/outbox-notifier';
import { DefinitionRegistry } from '../definition/definition-registry';
import { TransitionInvariant, TransitionInvariants } from './transition-invariants';
import { BatchTransition, FireManyInput, FireManyResult } from './batch-transition';
import { nextLink } from './next-link';
import { mirrorCte, StateMirror, StateMirrors } from './state-mirrors';

export interface InstanceSnapshot {
  id: string;
  definitionCode: string;
  definitionVersion: number;
  subjectType: string;
  subjectId: string;
  state: string;
  stateLabel: string;
  terminal: boolean;
  version: number;
  context: Record<string, unknown>;
  /** Head of the hash chain, so a caller holding this snapshot can fire without a re-read. */
  historySeq: number;
  historyHead: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface TransitionResult {
  instance: InstanceSnapshot;
  from: string;
  to: string;
  historySeq: number;
  availableActions: ActionInfo[];
}

export interface HistoryEntry {
  seq: number;
  actorId: string | null;
  actorRole: string;
  action: string;
  actionLabel: string;
  fromState: string | null;
  fromStateLabel: string | null;
  toState: string;
  toStateLabel: string;
  comment: string | null;
  payload: Record<string, unknown>;
  createdAt: Date;
  prevHash: string;
  hash: string;
  chainValid: boolean;
}

export interface StartInput {
  definition: { code: string; version: number };
  subjectType: string;
  subjectId: string;
  context?: Record<string, unknown>;
  actor: Actor;
  manager?: EntityManager;
}

export interface FireInput {
  instanceId: string;
  action: string;
  actor: Actor;
  /** From If-Match or the row the caller loaded; stale means VersionConflictError and nothing written. */
  expectedVersion?: number;
  comment?: string | null;
  payload?: Record<string, unknown>;
  contextPatch?: Record<string, unknown>;
  /** Run inside the caller's transaction, so domain writes and the transition commit together. */
  manager?: EntityManager;
  /**
   * The snapshot the caller already loaded (e.g. to check who may act): saves the read. Safe when
   * stale, because the write claims `version` and writes nothing if someone moved first.
   */
  instance?: InstanceSnapshot;
}

export interface BumpVersionInput {
  instanceId: string;
  /** The states in which the subject may change without a transition (e.g. an editable draft). */
  inStates: string[];
  /** From If-Match; stale means VersionConflictError and nothing written. */
  expectedVersion?: number;
  /** The caller's transaction, so its write to the subject commits with the new version or not at all. */
  manager?: EntityManager;
}

export interface ChangeContextInput {
  /** Which instances: those whose context has this key with this (text) value, e.g. `cycleId`. */
  where: { key: string; equals: string };
  patch: Record<string, unknown>;
  actor: Actor;
  /** Why, as a history comment (e.g. the admin's reason for the extension). */
  comment?: string | null;
  /** The caller's transaction, so its own change (e.g. the cycle's row) commits with these or not at all. */
  manager?: EntityManager;
}

/** The history action of a context change without a transition. */
export const CHANGE_CONTEXT_ACTION = 'change_context';

type Runner = DataSource | EntityManager;

/** An instance's row as the engine reads it (snake_case, as Postgres names the columns). */
export interface InstanceRow {
  id: string;
  definition_code: string;
  definition_version: number;
  subject_type: string;
  subject_id: string;
  state: string;
  version: number;
  context: Record<string, unknown>;
  history_seq: number;
  history_head: string;
  created_at: Date;
  updated_at: Date;
}

const SELECT_INSTANCE = `SELECT id, definition_code, definition_version, subject_type, subject_id, state, version, context,
  history_seq, history_head, created_at, updated_at FROM workflow_instances`;
// Read on every GET of an application and before every transition: prepared (preparedRows).
const SELECT_INSTANCE_BY_ID = `${SELECT_INSTANCE} WHERE id = $1`;

/*
 * A transition costs two round trips: the read, then ONE statement whose CTEs update the
 * instance (the optimistic claim), append history, write outbox and deadline rows and cancel the
 * old state's deadlines. Every write hangs off the claim (`FROM upd`), so a stale version writes
 * nothing; a single statement is atomic without BEGIN/COMMIT round trips.
 */
const FIRE_CLAIM = `
WITH upd AS (
  UPDATE workflow_instances
     SET state = $3::text, version = version + 1, context = CASE WHEN $4::jsonb = '{}'::jsonb THEN context ELSE context || $4::jsonb END,
         history_seq = $5::int, history_head = $6::text, updated_at = $7::timestamptz
   WHERE id = $1::uuid AND version = $2::int
  RETURNING id, subject_id
), hist AS (
  INSERT INTO workflow_history (instance_id, seq, actor_id, actor_role, action, from_state, to_state, comment, payload, created_at, prev_hash, hash)
  SELECT id, $5::int, $8::uuid, $9::text, $10::text, $11::text, $3::text, $12::text, $13::jsonb, $7::timestamptz, $14::text, $6::text FROM upd
)`;
const FIRE_OUTBOX = `, ob AS (
  INSERT INTO outbox (event, instance_id, payload, created_at)
  SELECT e.event, upd.id, e.payload, $7::timestamptz FROM upd, jsonb_to_recordset(@E@::jsonb) AS e(event text, payload jsonb)
)`;
const FIRE_CANCEL = `, cancelled AS (
  UPDATE deadlines SET status = 'cancelled', cancelled_at = $7::timestamptz
   WHERE instance_id = $1::uuid AND status = 'pending' AND set_in_state = @C@::text AND EXISTS (SELECT 1 FROM upd)
)`;
const FIRE_TIMERS = `, dl AS (
  INSERT INTO deadlines (instance_id, kind, action, set_in_state, due_at)
  SELECT upd.id, t.kind, t.action, $3::text, t.due_at FROM upd, jsonb_to_recordset(@T@::jsonb) AS t(kind text, action text, due_at timestamptz)
)`;
const FIRE_RESULT = `
SELECT count(*)::int AS updated FROM upd`;

/*
 * A transition costs two round trips (one when the caller passes the snapshot it holds): the
 * read, then ONE statement whose CTEs update the instance (the optimistic claim), append history,
 * write outbox and deadline rows and cancel the old state's deadlines. Every write hangs off the
 * claim (`FROM upd`), so a stale version writes nothing, and one statement is atomic without
 * BEGIN/COMMIT round trips. Parts with nothing to do are left out of the statement; the eight
 * variants are keyed so pg can keep each one's plan.
 */
const FIRE_SQL_VARIANTS = new Map<string, { name: string; sql: string }>();
/**
 * Parts numbered after the 14 fixed parameters (and the subject id, when mirrored), in the order
 * outbox, cancel, timers; each variant a prepared statement of its own. A subject whose owner
 * registered a state mirror has its row's state column written by the same claim.
 */
function fireVariant(outbox: boolean, cancel: boolean, timers: boolean, mirror?: StateMirror): { name: string; sql: string } {
  const key = `${+outbox}${+cancel}${+timers}${mirror ? `:${mirror.table}.${mirror.keyColumn}.${mirror.stateColumn}` : ''}`;
  let variant = FIRE_SQL_VARIANTS.get(key);
  if (!variant) {
    let next = 15;
    let sql = FIRE_CLAIM;
    if (mirror) {
      // The subject's row is locked before the instance (as the subject's own writers take them, e.g. a
      // form save then its version bump), or a save and a transition could each wait on the other.
      sql = sql.replace('WITH upd AS (', `WITH lk AS (SELECT 1 FROM "${mirror.table}" WHERE "${mirror.keyColumn}" = $15::uuid FOR UPDATE), upd AS (`).replace('AND version = $2::int', 'AND version = $2::int AND (SELECT count(*) FROM lk) >= 0');
      next = 16;
      sql += mirrorCte('mirror', mirror, '$3::text', 'upd', 'upd.subject_id');
    }
    if (outbox) sql += FIRE_OUTBOX.replace('@E@', `$${next++}`);
    if (cancel) sql += FIRE_CANCEL.replace('@C@', `$${next++}`);
    if (timers) sql += FIRE_TIMERS.replace('@T@', `$${next++}`);
    sql += FIRE_RESULT;
    variant = { name: `workflow.fire.${key}`, sql };
    FIRE_SQL_VARIANTS.set(key, variant);
  }
  return variant;
}

const START_CLAIM = `
WITH ins AS (
  INSERT INTO workflow_instances (id, definition_code, definition_version, subject_type, subject_id, state, version, context,
                                  history_seq, history_head, created_at, updated_at)
  VALUES ($1::uuid, $2::text, $3::int, $4::text, $5::uuid, $6::text, 1, $7::jsonb, 1, $8::text, $9::timestamptz, $9::timestamptz)
  RETURNING id
), hist AS (
  INSERT INTO workflow_history (instance_id, seq, actor_id, actor_role, action, from_state, to_state, comment, payload, created_at, prev_hash, hash)
  SELECT id, 1, $10::uuid, $11::text, 'create', NULL, $6::text, NULL, '{}'::jsonb, $9::timestamptz, $12::text, $8::text FROM ins
), ob AS (
  INSERT INTO outbox (event, instance_id, payload, created_at)
  SELECT e.event, ins.id, e.payload, $9::timestamptz FROM ins, jsonb_to_recordset($13::jsonb) AS e(event text, payload jsonb)
), dl AS (
  INSERT INTO deadlines (instance_id, kind, action, set_in_state, due_at)
  SELECT ins.id, t.kind, t.action, $6::text, t.due_at FROM ins, jsonb_to_recordset($14::jsonb) AS t(kind text, action text, due_at timestamptz)
)`;
const START_RESULT = `
SELECT count(*)::int AS inserted FROM ins`;

/** The start, with the subject's state mirror (when its row exists already) written by the same statement. */
function startSql(mirror?: StateMirror): string {
  return START_CLAIM + (mirror ? mirrorCte('mirror', mirror, '$6::text', 'ins', '$5::uuid') : '') + START_RESULT;
}

/* The rows were locked and read first (their hash chain heads are needed); each claims its version. */
const CHANGE_CONTEXT_SQL = `
WITH c AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS c(id uuid, version int, state text, seq int, hash text, prev_hash text)
), upd AS (
  UPDATE workflow_instances i
     SET context = i.context || $2::jsonb, version = i.version + 1, history_seq = c.seq, history_head = c.hash, updated_at = $3::timestamptz
    FROM c WHERE i.id = c.id AND i.version = c.version
  RETURNING i.id
), hist AS (
  INSERT INTO workflow_history (instance_id, seq, actor_id, actor_role, action, from_state, to_state, comment, payload, created_at, prev_hash, hash)
  SELECT c.id, c.seq, $4::uuid, $5::text, '${CHANGE_CONTEXT_ACTION}', c.state, c.state, $6::text, $7::jsonb, $3::timestamptz, c.prev_hash, c.hash
    FROM c JOIN upd ON upd.id = c.id
)
SELECT count(*)::int AS changed FROM upd`;

@Injectable()
export class WorkflowEngine {
  private readonly batch: BatchTransition;

  constructor(
    private readonly dataSource: DataSource,
    private readonly definitions: DefinitionRegistry,
    private readonly guards: GuardRegistry,
    private readonly notifier: OutboxNotifier,
    private readonly invariants: TransitionInvariants,
    private readonly calendars: WorkCalendars,
    private readonly mirrors: StateMirrors = new StateMirrors(),
  ) {
    this.batch = new BatchTransition(dataSource, definitions, guards, notifier, invariants, calendars, mirrors);
  }

  async start(input: StartInput): Promise<InstanceSnapshot> {
    const runner = input.manager ?? this.dataSource;
    const def = await this.definitions.get(input.definition.code, input.definition.version);
    const now = new Date();
    const id = randomUUID();
    const context = input.context ?? {};
    const fields: ChainedFields = {
      instanceId: id,
      seq: 1,
      actorId: input.actor.id,
      actorRole: input.actor.role,
      action: 'create',
      fromState: null,
      toState: def.initial,
      comment: null,
      payload: {},
      createdAt: now,
    };
    const hash = chainHash(GENESIS_HASH, fields);
    const base = { instanceId: id, subjectType: input.subjectType, subjectId: input.subjectId, action: 'create', from: null, to: def.initial, actorId: input.actor.id, actorRole: input.actor.role, historySeq: 1 };
    await sqlRows(runner, startSql(this.mirrors.of(input.subjectType)), [
      id,
      def.code,
      def.version,
      input.subjectType,
      input.subjectId,
      def.initial,
      JSON.stringify(context),
      hash,
      now,
      input.actor.id,
      input.actor.role,
      GENESIS_HASH,
      JSON.stringify((def.states[def.initial].onEnter ?? []).map((e) => ({ event: e.name, payload: { ...base, params: e.params ?? {} } }))),
      timersJson(await this.calendars.withCalendar((calendar) => planTimers(def, def.initial, context, now, calendar))),
    ]);
    if (def.states[def.initial].onEnter?.length) this.wakeRelays(runner);
    return toSnapshot(def, {
      id,
      definition_code: def.code,
      definition_version: def.version,
      subject_type: input.subjectType,
      subject_id: input.subjectId,
      state: def.initial,
      version: 1,
      context,
      history_seq: 1,
      history_head: hash,
      created_at: now,
      updated_at: now,
    });
  }

  async fire(input: FireInput): Promise<TransitionResult> {
    const runner = input.manager ?? this.dataSource;
    const held = input.instance?.id === input.instanceId;
    const row = held ? toRow(input.instance!) : await this.loadRow(runner, input.instanceId);
    const def = await this.definitions.get(row.definition_code, row.definition_version);
    if (input.expectedVersion !== undefined && input.expectedVersion !== row.version) {
      throw new VersionConflictError(row.state, row.version, def.states[row.state]?.label);
    }
    const invariant = this.invariants.of(row.subject_type, input.action);
    if (!invariant) {
      if (!held || input.expectedVersion !== undefined) return this.apply(input, runner, row, def);
      // A caller that pinned no version asked for the transition from whatever is current: a held
      // snapshot that went stale is read afresh, as if none had been held.
      return this.apply(input, runner, row, def).catch((error: unknown) => {
        if (!(error instanceof VersionConflictError)) throw error;
        return this.fire({ ...input, instance: undefined });
      });
    }
    // An invariant writes with the transition (a transaction when the caller has none), and its rows
    // are locked before the instance is read again, so the read is not stale by the time it claims.
    const withInvariant = async (manager: EntityManager) => {
      await invariant.lock?.(row.subject_id, manager);
      const current = invariant.lock ? await this.loadRow(manager, input.instanceId) : row;
      if (input.expectedVersion !== undefined && input.expectedVersion !== current.version) {
        throw new VersionConflictError(current.state, current.version, def.states[current.state]?.label);
      }
      return this.apply(input, manager, current, def, invariant);
    };
    return input.manager ? withInvariant(input.manager) : this.dataSource.transaction(withInvariant);
  }

  /**
   * One action for many instances, set-based, in chunks of one transaction each (batch-transition.ts):
   * each instance still gets its own history row, outbox rows and deadlines, as `fire` would write
   * them; instances the action is not available to are skipped with the reason `fire` would give.
   */
  fireMany(input: FireManyInput): Promise<FireManyResult> {
    return this.batch.fireMany(input);
  }

  /** The transition from the row as read: computed, checked by the invariant, claimed in one statement. */
  private async apply(input: FireInput, runner: Runner, row: InstanceRow, def: WorkflowDefinition, invariant?: TransitionInvariant): Promise<TransitionResult> {
    const now = new Date();
    const plan = await this.calendars.withCalendar((calendar) =>
      computeTransition(
        def,
        { state: row.state, context: row.context },
        { action: input.action, actor: input.actor, payload: input.payload, comment: input.comment, contextPatch: input.contextPatch, now, calendar },
        this.guards,
      ),
    );
    const invariantPatch = invariant && (await invariant.check({ instanceId: row.id, subjectType: row.subject_type, subjectId: row.subject_id, action: input.action, from: plan.from, to: plan.to, actor: input.actor, context: plan.context, manager: runner as EntityManager }));
    const contextPatch = { ...input.contextPatch, ...invariantPatch };
    Object.assign(plan.context, invariantPatch);
    const payload = input.payload ?? {};
    const comment = input.comment?.trim() || null;
    const { seq, hash, eventBase: base } = nextLink(row, { action: input.action, from: plan.from, to: plan.to, actor: input.actor, comment, payload, now });
    const variant = fireVariant(plan.effects.length > 0, plan.cancelTimersOf !== null, plan.timers.length > 0, this.mirrors.of(row.subject_type));
    const params: unknown[] = [
      row.id,
      row.version,
      plan.to,
      JSON.stringify(contextPatch),
      seq,
      hash,
      now,
      input.actor.id,
      input.actor.role,
      input.action,
      plan.from,
      comment,
      JSON.stringify(payload),
      row.history_head,
    ];
    // Only the parameters the chosen variant uses, in its order (pg refuses untyped extras).
    if (this.mirrors.of(row.subject_type)) params.push(row.subject_id);
    if (plan.effects.length) params.push(JSON.stringify(plan.effects.map((e) => ({ event: e.name, payload: { ...base, params: e.params ?? {} } }))));
    if (plan.cancelTimersOf !== null) params.push(plan.cancelTimersOf);
    if (plan.timers.length) params.push(timersJson(plan.timers));
    const [{ updated }] = await preparedRows<{ updated: number }>(runner, variant.name, variant.sql, params);
    if (updated === 0) {
      const current = await this.loadRow(runner, input.instanceId);
      throw new VersionConflictError(current.state, current.version, def.states[current.state]?.label);
    }
    if (plan.effects.length) this.wakeRelays(runner);
    const instance = toSnapshot(def, { ...row, state: plan.to, version: row.version + 1, context: plan.context, history_seq: seq, history_head: hash, updated_at: now });
    return {
      instance,
      from: plan.from,
      to: plan.to,
      historySeq: seq,
      availableActions: availableActionsFor(def, instance, input.actor, this.guards),
    };
  }

  /**
   * A new version without a transition: the subject changed (a saved form) while the state stays.
   * One conditional UPDATE is the claim, so If-Match protects the subject's write as it protects a
   * transition, and a transition that moved the instance out of `inStates` meanwhile makes it a
   * conflict. Nothing happened to the workflow: no history row, no effects.
   */
  async bumpVersion(input: BumpVersionInput): Promise<InstanceSnapshot> {
    const runner = input.manager ?? this.dataSource;
    const [row] = await sqlRows<InstanceRow>(
      runner,
      // Wrapped so a caller's EntityManager answers rows, as for a SELECT (not [rows, count]).
      `WITH upd AS (
         UPDATE workflow_instances SET version = version + 1, updated_at = now()
          WHERE id = $1 AND state = ANY($2::text[]) AND ($3::int IS NULL OR version = $3::int)
         RETURNING id, definition_code, definition_version, subject_type, subject_id, state, version, context, history_seq, history_head, created_at, updated_at
       ) SELECT * FROM upd`,
      [input.instanceId, input.inStates, input.expectedVersion ?? null],
    );
    if (!row) {
      const current = await this.loadRow(runner, input.instanceId);
      const def = await this.definitions.get(current.definition_code, current.definition_version);
      throw new VersionConflictError(current.state, current.version, def.states[current.state]?.label);
    }
    return toSnapshot(await this.definitions.get(row.definition_code, row.definition_version), row as InstanceRow);
  }

  async get(instanceId: string, manager?: EntityManager): Promise<InstanceSnapshot> {
    const row = await this.loadRow(manager ?? this.dataSource, instanceId);
    return toSnapshot(await this.definitions.get(row.definition_code, row.definition_version), row);
  }

  async getBySubject(subjectType: string, subjectId: string, manager?: EntityManager): Promise<InstanceSnapshot> {
    const [row] = await sqlRows<InstanceRow>(manager ?? this.dataSource, `${SELECT_INSTANCE} WHERE subject_type = $1 AND subject_id = $2`, [subjectType, subjectId]);
    if (!row) throw new NotFoundError(subjectType, subjectId);
    return toSnapshot(await this.definitions.get(row.definition_code, row.definition_version), row);
  }

  async definitionOf(snapshot: Pick<InstanceSnapshot, 'definitionCode' | 'definitionVersion'>): Promise<WorkflowDefinition> {
    return this.definitions.get(snapshot.definitionCode, snapshot.definitionVersion);
  }

  async availableActions(snapshot: InstanceSnapshot, actor: Actor): Promise<ActionInfo[]> {
    return availableActionsFor(await this.definitionOf(snapshot), snapshot, actor, this.guards);
  }

  async history(instanceId: string): Promise<{ entries: HistoryEntry[]; chainValid: boolean; firstBrokenSeq: number | null }> {
    const row = await this.loadRow(this.dataSource, instanceId);
    const def = await this.definitions.get(row.definition_code, row.definition_version);
    const rows = await sqlRows<Record<string, unknown>>(
      this.dataSource,
      `SELECT seq, actor_id, actor_role, action, from_state, to_state, comment, payload, created_at, prev_hash, hash
         FROM workflow_history WHERE instance_id = $1 ORDER BY seq`,
      [instanceId],
    );
    const chain = rows.map((r) => ({
      instanceId,
      seq: r.seq as number,
      actorId: r.actor_id as string | null,
      actorRole: r.actor_role as string,
      action: r.action as string,
      fromState: r.from_state as string | null,
      toState: r.to_state as string,
      comment: r.comment as string | null,
      payload: r.payload as Record<string, unknown>,
      createdAt: r.created_at as Date,
      prevHash: r.prev_hash as string,
      hash: r.hash as string,
    }));
    const verification = verifyChain(chain, { hash: row.history_head, seq: row.history_seq });
    // One action can have several transitions (a vote passing or failing): the label is the one taken.
    const labelOf = (action: string, from: string | null, to: string) => {
      const taken = def.transitions.find((t) => t.action === action && t.to === to && (from === null || [t.from].flat().includes(from)));
      return taken?.label ?? def.transitions.find((t) => t.action === action)?.label ?? action;
    };
    const entries = chain.map(({ instanceId: _, ...e }, i) => ({
      ...e,
      actionLabel: e.action === 'create' ? '创建' : e.action === CHANGE_CONTEXT_ACTION ? '调整流程参数' : labelOf(e.action, e.fromState, e.toState),
      fromStateLabel: e.fromState ? (def.states[e.fromState]?.label ?? e.fromState) : null,
      toStateLabel: def.states[e.toState]?.label ?? e.toState,
      chainValid: verification.rowValid[i] && (verification.firstBrokenSeq === null || e.seq < verification.firstBrokenSeq),
    }));
    return { entries, chainValid: verification.valid, firstBrokenSeq: verification.firstBrokenSeq };
  }

  /**
   * Changes the context of every instance whose context has `where.key` = `where.equals` (e.g.
   * all instances of a cycle whose window moved) without a transition: each gets a new version,
   * so a holder of the old one conflicts, and a history row in its chain (state unchanged) naming
   * who changed what and why. Timers already set keep their time; later ones read the new context.
   */
  async changeContext(input: ChangeContextInput): Promise<number> {
    const runner = input.manager ?? this.dataSource;
    const rows = await sqlRows<InstanceRow>(runner, `${SELECT_INSTANCE} WHERE context->>$1 = $2 ORDER BY id FOR UPDATE`, [input.where.key, input.where.equals]);
    if (rows.length === 0) return 0;
    const now = new Date();
    const comment = input.comment?.trim() || null;
    const payload = { contextPatch: input.patch };
    const changes = rows.map((row) => {
      const seq = row.history_seq + 1;
      const hash = chainHash(row.history_head, {
        instanceId: row.id,
        seq,
        actorId: input.actor.id,
        actorRole: input.actor.role,
        action: CHANGE_CONTEXT_ACTION,
        fromState: row.state,
        toState: row.state,
        comment,
        payload,
        createdAt: now,
      });
      return { id: row.id, version: row.version, state: row.state, seq, hash, prev_hash: row.history_head };
    });
    const [{ changed }] = await sqlRows<{ changed: number }>(runner, CHANGE_CONTEXT_SQL, [
      JSON.stringify(changes),
      JSON.stringify(input.patch),
      now,
      input.actor.id,
      input.actor.role,
      comment,
      JSON.stringify(payload),
    ]);
    return changed;
  }

  private wakeRelays(runner: Runner): void {
    if (runner === this.dataSource) this.notifier.poke();
    else this.notifier.pokeAfterCommit(runner as EntityManager);
  }

  private async loadRow(runner: Runner, instanceId: string): Promise<InstanceRow> {
    const [row] = await preparedRows<InstanceRow>(runner, 'workflow.instance-by-id', SELECT_INSTANCE_BY_ID, [instanceId]);
    if (!row) throw new NotFoundError('workflow instance', instanceId);
    return row;
  }

}

function timersJson(timers: PlannedTimer[]): string {
  return JSON.stringify(timers.map((t) => ({ kind: t.kind, action: t.action, due_at: t.dueAt.toISOString() })));
}

function toRow(s: InstanceSnapshot): InstanceRow {
  return {
    id: s.id,
    definition_code: s.definitionCode,
    definition_version: s.definitionVersion,
    subject_type: s.subjectType,
    subject_id: s.subjectId,
    state: s.state,
    version: s.version,
    context: s.context,
    history_seq: s.historySeq,
    history_head: s.historyHead,
    created_at: s.createdAt,
    updated_at: s.updatedAt,
  };
}

function toSnapshot(def: WorkflowDefinition, row: InstanceRow): InstanceSnapshot {
  const state = def.states[row.state];
  return {
    id: row.id,
    definitionCode: row.definition_code,
    definitionVersion: row.definition_version,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    state: row.state,
    stateLabel: state?.label ?? row.state,
    terminal: Boolean(state?.terminal),
    version: row.version,
    context: row.context,
    historySeq: row.history_seq,
    historyHead: row.history_head,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
