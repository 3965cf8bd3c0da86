import { Injectable } from '@nestjs/common';
import { NotFoundError, sqlRows } from '@awardflow/platform';
import { DataSource } from 'typeorm';
import { canonicalJson, sha256Hex } from './canonical-json';
import { WorkflowDefinition } from './definition.types';
import { verifyDefinition } from './verify-definition';
import { DefinitionConflictError } from '../errors/workflow-errors';
import { EffectRegistry } from '../registry/effect.registry';
import { GuardRegistry } from '../registry/guard.registry';

export interface RegisteredDefinition {
  code: string;
  version: number;
  contentHash: string;
  created: boolean;
}

/** Stores verified definitions, immutable per (code, version); instances pin one. */
@Injectable()
export class DefinitionRegistry {
  // Safe to cache in-process: a stored (code, version) never changes.
  private readonly cache = new Map<string, WorkflowDefinition>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly guards: GuardRegistry,
    private readonly effects: EffectRegistry,
  ) {}

  async register(def: WorkflowDefinition): Promise<RegisteredDefinition> {
    verifyDefinition(def, this.guards, this.effects);
    const content = canonicalJson(def);
    const contentHash = sha256Hex(content);
    const inserted = await sqlRows<{ code: string }>(
      this.dataSource,
      `INSERT INTO workflow_definitions (code, version, label, content, content_hash) VALUES ($1, $2, $3, $4::jsonb, $5)
       ON CONFLICT (code, version) DO NOTHING RETURNING code`,
      [def.code, def.version, def.label, content, contentHash],
    );
    if (inserted.length === 0) {
      const [existing] = await sqlRows<{ contentHash: string }>(
        this.dataSource,
        `SELECT content_hash AS "contentHash" FROM workflow_definitions WHERE code = $1 AND version = $2`,
        [def.code, def.version],
      );
      if (existing.contentHash !== contentHash) throw new DefinitionConflictError(def.code, def.version);
    }
    this.cache.set(key(def.code, def.version), JSON.parse(content) as WorkflowDefinition);
    return { code: def.code, version: def.version, contentHash, created: inserted.length > 0 };
  }

  async get(code: string, version: number): Promise<WorkflowDefinition> {
    const cached = this.cache.get(key(code, version));
    if (cached) return cached;
    const [row] = await sqlRows<{ content: WorkflowDefinition }>(this.dataSource, `SELECT content FROM workflow_definitions WHERE code = $1 AND version = $2`, [code, version]);
    if (!row) throw new NotFoundError('workflow definition', `${code} v${version}`);
    this.cache.set(key(code, version), row.content);
    return row.content;
  }

  async latestVersion(code: string): Promise<number | null> {
    const [row] = await sqlRows<{ version: number | null }>(this.dataSource, `SELECT max(version) AS version FROM workflow_definitions WHERE code = $1`, [code]);
    return row?.version ?? null;
  }
}

function key(code: string, version: number): string {
  return `${code}@${version}`;
}
