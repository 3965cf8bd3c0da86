import { Injectable } from '@nestjs/common';

export interface EffectOptions {
  description?: string;
  /** Returns a reason when a definition passes parameters the effect cannot work with. */
  validateParams?: (params: Record<string, unknown>) => string | null;
}

/** Effect names a definition may use. What an effect does is the business of its processor. */
@Injectable()
export class EffectRegistry {
  private readonly effects = new Map<string, EffectOptions>();

  register(name: string, options: EffectOptions = {}): void {
    this.effects.set(name, options);
  }

  has(name: string): boolean {
    return this.effects.has(name);
  }

  validate(name: string, params: Record<string, unknown>): string | null {
    return this.effects.get(name)?.validateParams?.(params) ?? null;
  }
}
