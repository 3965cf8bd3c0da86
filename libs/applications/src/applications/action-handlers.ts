import { Injectable } from '@nestjs/common';
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

/** Action-specific use cases other contexts plug into POST /applications/:id/actions/:action. */
@Injectable()
export class ApplicationActionHandlers {
  private readonly handlers = new Map<string, ActionHandler>();

  register(action: string, handler: ActionHandler): void {
    if (this.handlers.has(action)) throw new Error(`a handler for "${action}" is already registered`);
    this.handlers.set(action, handler);
  }

  get(action: string): ActionHandler | undefined {
    return this.handlers.get(action);
  }
}
