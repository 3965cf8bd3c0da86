import { Injectable } from '@nestjs/common';
import { isEffectEventName } from '../events/domain-events';

/** Returns a reason when a definition passes parameters the effect cannot work with. */
export type EffectParamCheck = (params: Record<string, unknown>) => string | null;

export interface EffectOptions {
  description?: string;
  validateParams?: EffectParamCheck;
}

/**
 * Effect names a definition may use: each is an effect event of DOMAIN_EVENTS, and becomes an
 * outbox row its handler acts on.
 */
@Injectable()
export class EffectRegistry {
  // options is unset while only a param check has arrived (module init order is not ours to choose).
  private readonly effects = new Map<string, { options?: EffectOptions; checks: EffectParamCheck[] }>();

  register(name: string, options: EffectOptions = {}): void {
    if (!isEffectEventName(name)) throw new Error(`effect "${name}" is not an effect event of DOMAIN_EVENTS (libs/workflow/src/events/domain-events.ts): add it there with its params`);
    this.effects.set(name, { options, checks: this.effects.get(name)?.checks ?? [] });
  }

  /**
   * A further check on an effect's params by whoever implements part of it (e.g. that a `notify`
   * names a template that exists). Checked with the effect's own, at registration and at boot.
   */
  addParamCheck(name: string, check: EffectParamCheck): void {
    const entry = this.effects.get(name) ?? { checks: [] };
    if (!entry.checks.includes(check)) entry.checks.push(check);
    this.effects.set(name, entry);
  }

  has(name: string): boolean {
    return this.effects.get(name)?.options !== undefined;
  }

  names(): string[] {
    return [...this.effects.keys()].filter((name) => this.has(name));
  }

  validate(name: string, params: Record<string, unknown>): string | null {
    const entry = this.effects.get(name);
    if (!entry) return null;
    for (const check of [entry.options?.validateParams, ...entry.checks]) {
      const reason = check?.(params) ?? null;
      if (reason) return reason;
    }
    return null;
  }
}
