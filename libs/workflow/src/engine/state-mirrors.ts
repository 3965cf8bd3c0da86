import { Injectable } from '@nestjs/common';

/**
 * Where a subject's own row carries its instance's current state: the subject's owner registers
 * its table, the column holding the subject id (the instance's subject_id) and the state column,
 * and the engine writes that column in the same statement as the transition (start, fire,
 * fireMany), hanging off the claim, so a stale or rolled-back transition writes neither. The
 * subject's owner reads it (e.g. to filter a list by state along its own index) without joining
 * the engine's tables; the engine's instance stays the truth.
 */
export interface StateMirror {
  table: string;
  keyColumn: string;
  stateColumn: string;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

@Injectable()
export class StateMirrors {
  private readonly mirrors = new Map<string, StateMirror>();

  register(subjectType: string, mirror: StateMirror): void {
    for (const [what, name] of Object.entries(mirror)) {
      if (!IDENTIFIER.test(name)) throw new Error(`state mirror of ${subjectType}: ${what} "${name}" is not a plain lower-case SQL identifier`);
    }
    const known = this.mirrors.get(subjectType);
    if (known && (known.table !== mirror.table || known.keyColumn !== mirror.keyColumn || known.stateColumn !== mirror.stateColumn)) {
      throw new Error(`a different state mirror of ${subjectType} is already registered (${known.table}.${known.stateColumn})`);
    }
    this.mirrors.set(subjectType, { ...mirror });
  }

  of(subjectType: string): StateMirror | undefined {
    return this.mirrors.get(subjectType);
  }

  all(): Array<[subjectType: string, mirror: StateMirror]> {
    return [...this.mirrors];
  }
}

/** The UPDATE of a mirror, as a CTE part: `stateExpr` and `source` come from the engine's statement. */
export function mirrorCte(name: string, mirror: StateMirror, stateExpr: string, source: string, match: string): string {
  return `, ${name} AS (
  UPDATE "${mirror.table}" m SET "${mirror.stateColumn}" = ${stateExpr} FROM ${source} WHERE m."${mirror.keyColumn}" = ${match}
)`;
}
