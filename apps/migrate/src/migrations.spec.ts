import { describe, expect, it } from '@jest/globals';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS, migrationTimestamp } from './migrations';

const libs = join(__dirname, '../../../libs');

/** Every migration file under libs/<lib>/src/migrations/, by its timestamp. */
function migrationFiles(): Map<number, string> {
  const files = new Map<number, string>();
  for (const lib of readdirSync(libs)) {
    const dir = join(libs, lib, 'src/migrations');
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names.filter((n) => /^\d{13}-.*\.ts$/.test(n) && !n.endsWith('.spec.ts'))) {
      files.set(Number(name.slice(0, 13)), `${lib}/src/migrations/${name}`);
    }
  }
  return files;
}

describe('the migration list', () => {
  it('runs oldest first, one timestamp per migration', () => {
    const stamps = MIGRATIONS.map(migrationTimestamp);
    expect(stamps).toEqual([...stamps].sort((a, b) => a - b));
    expect(new Set(stamps).size).toBe(stamps.length);
  });

  it('holds every migration file a lib carries, and only those', () => {
    // A file left out of its lib's migrations/index.ts would never run; this names it.
    const files = migrationFiles();
    expect([...files.keys()].sort()).toEqual(MIGRATIONS.map(migrationTimestamp).sort());
  });
});
