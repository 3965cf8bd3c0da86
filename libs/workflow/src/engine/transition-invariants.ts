import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../definition/definition.types';

export interface InvariantInput {
  instanceId: string;
  subjectType: string;
  subjectId: string;
  action: string;
  from: string;
  to: string;
  actor: Actor;
  context: Record<string, unknown>;
  /** The transition's transaction: what the invariant writes commits with the transition or not at all. */
  manager: EntityManager;
}

/**
 * A rule the subject's context holds on an action whoever fires it (the HTTP route, a worker, a
 * test through the engine).
 */
export interface TransitionInvariant {
  /**
   * Locks the subject's rows the check reads, in the transition's transaction and BEFORE the engine
   * reads the instance: a writer that takes the same rows first (a form save, which then bumps the
   * instance's version) has committed by the time the instance is read, so a caller that named no
   * version is not refused for a version it never saw.
   */
  lock?(subjectId: string, manager: EntityManager): Promise<void>;
  /**
   * Runs after the engine found the transition allowed; throws to refuse it, and may return a
   * context patch (e.g. the receipt number).
   */
  check(input: InvariantInput): Promise<Record<string, unknown> | void>;
}

/**
 * Invariants by subject type and action. Unlike a definition's guards they are code, not content,
 * so they hold for instances of every stored definition version.
 */
@Injectable()
export class TransitionInvariants {
  private readonly invariants = new Map<string, TransitionInvariant>();

  register(subjectType: string, action: string, invariant: TransitionInvariant): void {
    const key = `${subjectType}:${action}`;
    if (this.invariants.has(key)) throw new Error(`an invariant for "${action}" on ${subjectType} is already registered`);
    this.invariants.set(key, invariant);
  }

  of(subjectType: string, action: string): TransitionInvariant | undefined {
    return this.invariants.get(`${subjectType}:${action}`);
  }
}
