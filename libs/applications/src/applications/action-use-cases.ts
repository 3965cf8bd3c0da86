import { Injectable } from '@nestjs/common';
import { ACTION_TABLE, ActorScope, GENERIC_ACTION_ROUTE, GenericUseCase, genericUseCases } from '@awardflow/awards';
import { AuthUser } from '@awardflow/identity';
import type { Cycle } from '@awardflow/cycles';
import type { FireManyResult, InstanceSnapshot, TransitionResult } from '@awardflow/workflow';
import { Application } from './application.entity';

export interface ActionRequest {
  application: Application;
  cycle: Cycle;
  /** The instance as read with the application: a use case that fires with it saves a re-read. */
  instance?: InstanceSnapshot;
  action: string;
  user: AuthUser;
  comment?: string;
  payload?: Record<string, unknown>;
  expectedVersion?: number;
}

/** Runs one action of the generic route, after the action table's checks. */
export type ActionHandler = (request: ActionRequest) => Promise<TransitionResult>;

/** One action for many applications of one cycle (the bulk route), after the same checks as the single route. */
export interface BulkActionRequest {
  cycle: Cycle;
  action: string;
  user: AuthUser;
  comment?: string;
  /** The applications' workflow instances (all of the cycle). */
  instanceIds: string[];
}

/** Runs a use case for many applications at once: each moved or skipped with its reason, or the whole batch refused. */
export type BulkActionHandler = (request: BulkActionRequest) => Promise<FireManyResult>;

/** The finer rules of the action table that another context decides (the review context names reviewers). */
export type DelegatedScope = Extract<ActorScope, 'first_review_reviewer' | 'onsite_reviewer'>;
export type ScopeCheck = (user: AuthUser, application: Application, cycle: Cycle) => Promise<boolean>;

/**
 * The implementations of the use cases the action table names for POST /applications/:id/actions/:action
 * (each registered once by the context that owns it), and the checks of the table's finer rules
 * that those contexts own. There is no fallback: the API verifies at start that every use case and
 * rule the table names has exactly its implementation.
 */
@Injectable()
export class ActionUseCases {
  private readonly implementations = new Map<GenericUseCase, ActionHandler>();
  private readonly scopes = new Map<DelegatedScope, ScopeCheck>();
  private readonly bulk = new Map<GenericUseCase, BulkActionHandler>();

  implement(useCase: GenericUseCase, handler: ActionHandler): void {
    if (!genericUseCases().has(useCase)) throw new Error(`no action of the action table runs the use case "${useCase}" on the generic route`);
    if (this.implementations.has(useCase)) throw new Error(`the use case "${useCase}" is already implemented`);
    this.implementations.set(useCase, handler);
  }

  /** The implementation of the action's use case (the table's entry says which). */
  implementationOf(useCase: GenericUseCase): ActionHandler {
    const handler = this.implementations.get(useCase);
    if (!handler) throw new Error(`the use case "${useCase}" has no implementation`);
    return handler;
  }

  /** The batch form of a use case (optional: the bulk route refuses an action whose use case has none). */
  implementBulk(useCase: GenericUseCase, handler: BulkActionHandler): void {
    if (!genericUseCases().has(useCase)) throw new Error(`no action of the action table runs the use case "${useCase}" on the generic route`);
    if (this.bulk.has(useCase)) throw new Error(`the bulk use case "${useCase}" is already implemented`);
    this.bulk.set(useCase, handler);
  }

  bulkImplementationOf(useCase: GenericUseCase): BulkActionHandler | undefined {
    return this.bulk.get(useCase);
  }

  registerScope(scope: DelegatedScope, check: ScopeCheck): void {
    if (this.scopes.has(scope)) throw new Error(`a check for the scope "${scope}" is already registered`);
    this.scopes.set(scope, check);
  }

  scopeCheck(scope: DelegatedScope): ScopeCheck {
    const check = this.scopes.get(scope);
    if (!check) throw new Error(`no check is registered for the action scope "${scope}"`);
    return check;
  }

  /** Throws, listing every gap, unless each use case and delegated rule the generic route needs is registered. */
  verify(): void {
    const missing = [...genericUseCases()].filter((u) => !this.implementations.has(u)).map((u) => `use case "${u}" (${actionsRunBy(u).join(', ')})`);
    const delegated = new Set(
      Object.values(ACTION_TABLE)
        .filter((r) => r.route === GENERIC_ACTION_ROUTE)
        .flatMap((r) => Object.values(r.who))
        .filter((s): s is DelegatedScope => s === 'first_review_reviewer' || s === 'onsite_reviewer'),
    );
    missing.push(...[...delegated].filter((s) => !this.scopes.has(s)).map((s) => `scope check "${s}"`));
    if (missing.length) throw new Error(`the action table names what nothing implements: ${missing.join('; ')}`);
  }
}

function actionsRunBy(useCase: GenericUseCase): string[] {
  return Object.entries(ACTION_TABLE)
    .filter(([, r]) => r.route === GENERIC_ACTION_ROUTE && r.useCase === useCase)
    .map(([action]) => action);
}
