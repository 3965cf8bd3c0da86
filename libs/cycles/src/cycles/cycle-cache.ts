import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { NotFoundError } from '@awardflow/platform';
import { Repository } from 'typeorm';
import { Cycle } from './cycle.entity';

// Far more than the cycles a deployment runs at once (39 offices × a handful of awards × years).
const MAX_CYCLES = 2000;

/**
 * Cycles read on every GET of an application and every action, kept in memory per row version
 * (CYCLE_VERSIONS_RELATION): the caller reads the version in a statement it makes anyway, and gets
 * the remembered cycle only if that version is still the row's. Any process, after any write path,
 * sees what a fresh read would: an open/closed window or a quota is never stale. Filled only from
 * reads outside a transaction, so a version is always a committed row.
 */
@Injectable()
export class CycleCache {
  private readonly cycles = new Map<string, { version: string; cycle: Cycle }>();

  constructor(@InjectRepository(Cycle) private readonly repository: Repository<Cycle>) {}

  /**
   * The cycle at `version` (from CYCLE_VERSIONS_RELATION), frozen: one object shared by every
   * request that reads this version (copying it per request cost more than the read it saves).
   */
  async get(id: string, version: string): Promise<Cycle> {
    const hit = this.cycles.get(id);
    if (hit?.version === version) return hit.cycle;
    const { entities, raw } = await this.repository
      .createQueryBuilder('c')
      .addSelect('c.xmin::text', 'c_version')
      .where('c.id = :id', { id })
      .getRawAndEntities<{ c_version: string }>();
    const cycle = entities[0];
    if (!cycle) throw new NotFoundError('cycle', id);
    return this.remember(id, raw[0].c_version, deepFreeze(cycle));
  }

  private remember(id: string, version: string, cycle: Cycle): Cycle {
    this.cycles.delete(id);
    if (this.cycles.size >= MAX_CYCLES) this.cycles.delete(this.cycles.keys().next().value!);
    this.cycles.set(id, { version, cycle });
    return cycle;
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
