import { Injectable } from '@nestjs/common';
import type { ActorScope } from '@awardflow/awards';
import { AuthUser } from '@awardflow/identity';
import type { Cycle } from '@awardflow/cycles';
import type { TransitionResult } from '@awardflow/workflow';
import { Application } from './application.entity';

export interface ActionRequest {
  application: Application;
  cycle: Cycle;
  action: string;
  user: AuthUser;
  comment?: string;
  payload?: Record<string, unknown>;
  expectedVersion?: number;
}

/** Runs one action; the default fires it through the engine after the access check. */
export type ActionHandler = (request: ActionRequest) => Promise<TransitionResult>;

/** The finer rules of the action table that another context decides (the review context names reviewers). */
export type DelegatedScope = Extract<ActorScope, 'first_review_reviewer' | 'onsite_reviewer'>;
export type ScopeCheck = (user: AuthUser, application: Application, cycle: Cycle) => Promise<boolean>;

/**
 * Action-specific use cases other contexts plug into POST /applications/:id/actions/:action, and
 * the checks of the action table's finer rules that those contexts own.
 */
@Injectable()
export class ApplicationActionHandlers {
  private readonly handlers = new Map<string, ActionHandler>();
  private readonly scopes = new Map<DelegatedScope, ScopeCheck>();

  register(action: string, handler: ActionHandler): void {
    if (this.handlers.has(action)) throw new Error(`a handler for "${action}" is already registered`);
    this.handlers.set(action, handler);
  }

  get(action: string): ActionHandler | undefined {
    return this.handlers.get(action);
  }

  registerScope(scope: DelegatedScope, check: ScopeCheck): void {
    if (this.scopes.has(scope)) throw new Error(`a check for the scope "${scope}" is already registered`);
    this.scopes.set(scope, check);
  }

  /** Fails loudly: a table rule nobody decides would otherwise let everyone or no one through. */
  scopeCheck(scope: DelegatedScope): ScopeCheck {
    const check = this.scopes.get(scope);
    if (!check) throw new Error(`no check is registered for the action scope "${scope}"`);
    return check;
  }
}
