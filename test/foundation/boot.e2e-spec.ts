import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const ENTRY_POINTS = ['dist/apps/api/src/main.js', 'dist/apps/worker/src/main.js', 'dist/apps/main.js'];

/** The built entry points (npm test builds first), run as a user would run them. */
describe('start-up with bad configuration', () => {
  it.each(ENTRY_POINTS)('%s exits non-zero with one line naming the variable', (entry) => {
    expect(existsSync(join(ROOT, entry))).toBe(true);
    const run = spawnSync(process.execPath, [entry], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, DATABASE_URL: 'mysql://somewhere/awardflow' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).not.toBe(0);
    expect(run.status).not.toBeNull();
    expect(run.stderr.trim().split('\n')).toEqual(['Configuration error: DATABASE_URL must be a postgres:// URL (got "mysql://somewhere/awardflow")']);
  });

  it('the migration CLI refuses the same way', () => {
    const run = spawnSync(process.execPath, ['dist/libs/platform/src/database/migrate.cli.js'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, REDIS_URL: 'nope' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toMatch(/^migrations failed: REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/);
  });
});
