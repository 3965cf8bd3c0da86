import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const ENTRY_POINTS = ['dist/apps/api/src/main.js', 'dist/apps/worker/src/main.js', 'dist/apps/main.js'];

/** The built entry points (npm test builds first), run as a user would run them (bounded generously: a busy machine loads them slowly). */
describe('start-up with bad configuration', () => {
  it.each(ENTRY_POINTS)('%s exits non-zero with one line naming the variable', (entry) => {
    expect(existsSync(join(ROOT, entry))).toBe(true);
    const run = spawnSync(process.execPath, [entry], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, DATABASE_URL: 'mysql://somewhere/awardflow' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.status).not.toBe(0);
    expect(run.status).not.toBeNull();
    expect(run.stderr.trim().split('\n')).toEqual(['Configuration error: DATABASE_URL must be a postgres:// URL (got "mysql://somewhere/awardflow")']);
  });

  const STRONG_SECRET = '5f1d0c7a9b3e48e2a6c4d8f0b2e4a6c8d0f2b4e6';

  it.each([...ENTRY_POINTS, 'dist/libs/identity/src/seed/seed.cli.js'])('%s refuses, in production, a JWT_SECRET the repository publishes: exit 78, one line', (entry) => {
    const run = spawnSync(process.execPath, [entry], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, NODE_ENV: 'production', JWT_SECRET: 'change-me-change-me-change-me-change-me' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.status).toBe(78);
    expect(run.stderr.trim().split('\n')).toEqual([
      'Configuration error: JWT_SECRET is a value published in the Awardflow repository (a default, an example or a test value): set one of your own',
    ]);
  });

  it.each([
    ['awardflow-admin', 'ADMIN_PASSWORD is a value published in the Awardflow repository (a default, an example or a test value): set one of your own'],
    ['Xk9#mP2$vL', 'ADMIN_PASSWORD must be at least 12 characters in production'],
    ['Password2024!', 'ADMIN_PASSWORD is a common password, easy to guess: choose another'],
  ])('refuses, in production, the first-admin password %j: exit 78, one line', (password, message) => {
    const run = spawnSync(process.execPath, ['dist/apps/api/src/main.js'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, NODE_ENV: 'production', JWT_SECRET: STRONG_SECRET, ADMIN_USERNAME: 'admin', ADMIN_PASSWORD: password },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.status).toBe(78);
    expect(run.stderr.trim().split('\n')).toEqual([`Configuration error: ${message}`]);
  });

  it('the migration CLI refuses the same way', () => {
    const run = spawnSync(process.execPath, ['dist/apps/migrate/src/migrate.cli.js'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, REDIS_URL: 'nope' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toMatch(/^migrations failed: REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/);
  });
});
