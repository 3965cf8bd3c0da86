import { Injectable } from '@nestjs/common';
import { Actor } from '../definition/definition.types';

export interface GuardInput {
  context: Record<string, unknown>;
  payload: Record<string, unknown>;
  actor: Actor;
  params: Record<string, unknown>;
}

/** Pure: facts a guard needs are in the context or the action's payload, never fetched. */
export type GuardFn = (input: GuardInput) => boolean;

export interface GuardOptions {
  /** Guard names that can never hold together with this one (declared, not inferred). */
  exclusiveWith?: string[];
  description?: string;
  /**
   * Payload fields the guard decides on. Such an outcome must be computed by a use case and
   * handed to the engine; a client never supplies it (the action table keeps these actions off
   * the generic route).
   */
  readsPayload?: string[];
}

@Injectable()
export class GuardRegistry {
  private readonly guards = new Map<string, { fn: GuardFn; options: GuardOptions }>();

  register(name: string, fn: GuardFn, options: GuardOptions = {}): void {
    const existing = this.guards.get(name);
    if (existing && existing.fn !== fn) throw new Error(`guard "${name}" is already registered`);
    this.guards.set(name, { fn, options });
  }

  has(name: string): boolean {
    return this.guards.has(name);
  }

  evaluate(name: string, input: GuardInput): boolean {
    const guard = this.guards.get(name);
    if (!guard) throw new Error(`guard "${name}" is not registered`);
    return guard.fn(input);
  }

  /** The payload fields a guard decides on (empty when it reads only the context). */
  payloadFieldsOf(name: string): string[] {
    return this.guards.get(name)?.options.readsPayload ?? [];
  }

  /** Whether two named guards are declared mutually exclusive (either side may declare it). */
  areExclusive(a: string, b: string): boolean {
    return Boolean(this.guards.get(a)?.options.exclusiveWith?.includes(b) || this.guards.get(b)?.options.exclusiveWith?.includes(a));
  }
}
