import { describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { TABLE_ALLOWLIST } from './allowlist';
import { libNames, readSource, ROOT, tsFilesUnder } from './source-files';

/** table → the lib that owns it, from each lib's src/tables.ts. */
function tableOwners(): Map<string, string> {
  const owners = new Map<string, string>();
  for (const lib of libNames()) {
    const file = join(ROOT, 'libs', lib, 'src/tables.ts');
    if (!existsSync(file)) continue;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { OWNED_TABLES } = require(file) as { OWNED_TABLES: readonly string[] };
    for (const table of OWNED_TABLES) {
      if (owners.has(table)) throw new Error(`${table} is claimed by both ${owners.get(table)} and ${lib}`);
      owners.set(table, lib);
    }
  }
  return owners;
}

// Where SQL names a table: FROM/JOIN/INTO/UPDATE/TABLE/REFERENCES, a to_regclass probe, an entity.
const TABLE_REFERENCE = /\b(?:FROM|JOIN|INTO|UPDATE|TABLE|REFERENCES)\s+"?([a-z_][a-z0-9_]*)"?|to_regclass\('([a-z_][a-z0-9_]*)'\)|@Entity\(\s*'([a-z_][a-z0-9_]*)'/g;

function tablesNamedIn(source: string, known: Map<string, string>): string[] {
  const named = new Set<string>();
  for (const match of source.matchAll(TABLE_REFERENCE)) {
    const table = match[1] ?? match[2] ?? match[3];
    if (table && known.has(table)) named.add(table);
  }
  return [...named].sort();
}

const isMigration = (path: string) => /\/src\/migrations\//.test(path);
const isTestCode = (path: string) => /\.(spec|e2e-spec)\.ts$/.test(path) || /\/src\/testing\//.test(path);

/** Runtime code of libs and the server apps (not migrations, specs or test fixtures). */
function runtimeFiles(): string[] {
  const files = [...libNames().flatMap((lib) => tsFilesUnder(`libs/${lib}/src`)), ...['api', 'worker', 'migrate'].flatMap((app) => tsFilesUnder(`apps/${app}/src`))];
  return files.filter((f) => !isMigration(f) && !isTestCode(f) && !f.endsWith('/src/tables.ts'));
}

/** The lib a file belongs to; apps own no table. */
function ownerOfFile(path: string): string | undefined {
  return /^libs\/([^/]+)\//.exec(path)?.[1];
}

describe('table ownership', () => {
  const owners = tableOwners();

  it('every table a migration creates has one owning lib', () => {
    const created = new Set<string>();
    for (const file of libNames().flatMap((lib) => tsFilesUnder(`libs/${lib}/src`)).filter(isMigration)) {
      for (const match of readSource(file).matchAll(/CREATE TABLE (?:IF NOT EXISTS )?"?([a-z_][a-z0-9_]*)/g)) created.add(match[1]);
    }
    expect(created.size).toBeGreaterThan(20);
    expect([...created].filter((t) => !owners.has(t)).sort()).toEqual([]);
  });

  it("a lib's migrations create and change only the tables it owns (platform keeps the landed shared ones)", () => {
    const strays: string[] = [];
    for (const lib of libNames().filter((l) => l !== 'platform')) {
      for (const file of tsFilesUnder(`libs/${lib}/src`).filter(isMigration)) {
        for (const match of readSource(file).matchAll(/(?:CREATE|ALTER) TABLE (?:IF NOT EXISTS )?"?([a-z_][a-z0-9_]*)/g)) {
          if (owners.get(match[1]) !== lib) strays.push(`${file}: ${match[1]} (owned by ${owners.get(match[1]) ?? 'nobody'})`);
        }
      }
    }
    expect(strays).toEqual([]);
  });

  it("no lib or app names in SQL a table another lib owns (outside the allowlist's entries)", () => {
    const violations = new Map<string, string[]>();
    for (const file of runtimeFiles()) {
      const lib = ownerOfFile(file);
      const foreign = tablesNamedIn(readSource(file), owners).filter((t) => owners.get(t) !== lib);
      if (foreign.length) violations.set(file, foreign);
    }
    const allowed = new Map(TABLE_ALLOWLIST.map((a) => [a.file, a.tables]));
    const unexpected = [...violations]
      .map(([file, tables]) => [file, tables.filter((t) => !allowed.get(file)?.includes(t))] as const)
      .filter(([, tables]) => tables.length)
      .map(([file, tables]) => `${file} names ${tables.map((t) => `${t} (${owners.get(t)}'s)`).join(', ')}: call a function the owner exports`);
    expect(unexpected).toEqual([]);
    // An entry whose violation is gone is removed, so the list only ever shrinks.
    const stale = TABLE_ALLOWLIST.flatMap((a) => a.tables.filter((t) => !violations.get(a.file)?.includes(t)).map((t) => `${a.file}: ${t} no longer named; remove it from the allowlist`));
    expect(stale).toEqual([]);
  });

  it("a state mirror (the engine writes a subject's state column in its transition's statement) is registered by the lib that owns that table", () => {
    // The one write into another lib's table the engine makes, by name given at run time: narrow and declared by the table's owner.
    const registrations: string[] = [];
    const strays: string[] = [];
    for (const file of runtimeFiles()) {
      for (const match of readSource(file).matchAll(/mirrors\.register\([^)]*?table:\s*'([a-z_][a-z0-9_]*)'/gs)) {
        registrations.push(`${file}: ${match[1]}`);
        if (owners.get(match[1]) !== ownerOfFile(file)) strays.push(`${file} registers a state mirror on ${match[1]} (owned by ${owners.get(match[1]) ?? 'nobody'})`);
      }
    }
    expect(registrations).toContain('libs/applications/src/applications/application-state-mirror.ts: applications');
    expect(strays).toEqual([]);
  });

  it('recognises a foreign table however the SQL names it', () => {
    const sample = `SELECT 1 FROM applications a JOIN "cycles" c ON true; UPDATE users SET x = 1; INSERT INTO outbox; to_regclass('review_assignments')`;
    expect(tablesNamedIn(sample, owners)).toEqual(['applications', 'cycles', 'outbox', 'review_assignments', 'users']);
  });
});
