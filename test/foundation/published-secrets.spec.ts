import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { validateEnvironment } from '../../libs/platform/src/config/environment';

const ROOT = join(__dirname, '..', '..');

/** Where an operator copies secrets from: the docs, compose, the CI script, examples, the demo and the tests' shared setup. */
const SCANNED = ['README.md', 'docker-compose.yml', 'Dockerfile', '.ci', 'scripts', 'test/support', 'libs/platform/src/config/environment.ts'];

function files(path: string): string[] {
  const full = join(ROOT, path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [full];
  return readdirSync(full).flatMap((name) => files(join(path, name)));
}

const envExamples = readdirSync(ROOT).filter((name) => /^\.env/.test(name));

// `NAME: 'value'`, `NAME = "value"`, `NAME ?? 'value'` for any name containing SECRET, PASSWORD or TOKEN;
// unquoted `NAME=value` (shell, .env) and `NAME: value` (YAML); compose's `${NAME:-value}`.
const QUOTED = /\b\w*(?:secret|password|token)\w*\s*(?::|=|\?\?)\s*(['"`])([^'"`\n]+)\1/gi;
const UNQUOTED = /\b[A-Z_]*(?:SECRET|PASSWORD|TOKEN)[A-Z_]*(?:=|: )([^\s'"`$<{}()|]+)/g;
const COMPOSE_DEFAULT = /\$\{\w*(?:SECRET|PASSWORD|TOKEN)\w*:-([^}]+)\}/g;

/** Every secret-looking literal an operator could copy from the repository, with where it was found. */
function publishedValues(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of [...SCANNED.flatMap(files), ...envExamples.map((name) => join(ROOT, name))]) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of [QUOTED, UNQUOTED, COMPOSE_DEFAULT]) {
      for (const match of text.matchAll(pattern)) {
        const value = match[match.length - 1].trim();
        // Shorter values are refused by every secret variable's own length rule; `<…>` is a placeholder.
        if (value.length >= 8 && !value.includes('${') && !value.startsWith('<')) found.set(value, relative(ROOT, file));
      }
    }
  }
  const development = validateEnvironment({ NODE_ENV: 'development' });
  found.set(development.JWT_SECRET, 'development default JWT_SECRET');
  found.set(development.ADMIN_PASSWORD!, 'development default ADMIN_PASSWORD');
  return found;
}

describe('secrets published in the repository', () => {
  const found = publishedValues();
  const production = { NODE_ENV: 'production', JWT_SECRET: '5f1d0c7a9b3e48e2a6c4d8f0b2e4a6c8d0f2b4e6' };

  it('finds the ones we know are there', () => {
    expect([...found.keys()]).toEqual(
      expect.arrayContaining(['awardflow-development-secret-not-for-production-use', 'awardflow-admin', 'test-secret-test-secret-test-secret-1234', 'admin-password-1', 'demo-password-1']),
    );
  });

  it('finds none in compose: it takes every secret, the database password included, from the operator', () => {
    expect([...found].filter(([, where]) => where === 'docker-compose.yml')).toEqual([]);
  });

  it.each(['JWT_SECRET', 'ADMIN_PASSWORD', 'METRICS_TOKEN', 'SMTP_PASSWORD'])('are each refused as %s in production', (variable) => {
    const accepted = [...found].filter(([value]) => {
      try {
        validateEnvironment({ ...production, [variable]: value });
        return true;
      } catch {
        return false;
      }
    });
    // A value listed here was added to the repository without adding it to PUBLISHED_SECRETS.
    expect(accepted.map(([value, where]) => `${value} (${where})`)).toEqual([]);
  });
});
