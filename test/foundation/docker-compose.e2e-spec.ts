import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { Environment, validateEnvironment } from '../../libs/platform/src/config/environment';

const ROOT = join(__dirname, '..', '..');

interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
}

const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, ComposeService> };
const KNOWN = new Set([...Object.keys(new Environment()), 'JWT_SECRET', 'SMTP_USER', 'SMTP_PASSWORD', 'ADMIN_USERNAME', 'ADMIN_PASSWORD', 'ADMIN_EMAIL']);

/** No Docker engine runs here, so the file is checked by reading it. */
describe('docker-compose.yml', () => {
  const { services } = compose;

  it('has postgres 16, redis 7, mailpit, api and worker, each with a healthcheck', () => {
    expect(services.postgres.image).toBe('postgres:16');
    expect(services.redis.image).toBe('redis:7');
    expect(services.mailpit.image).toMatch(/^axllent\/mailpit/);
    for (const name of ['postgres', 'redis', 'mailpit', 'api', 'worker']) expect(services[name].healthcheck?.test.length).toBeGreaterThan(0);
    expect(services.api.build).toBeDefined();
    expect(services.worker.build).toBeDefined();
  });

  it('runs Redis the way BullMQ needs: appendonly and noeviction', () => {
    expect(services.redis.command?.join(' ')).toMatch(/--appendonly yes/);
    expect(services.redis.command?.join(' ')).toMatch(/--maxmemory-policy noeviction/);
  });

  it.each(['api', 'worker'])('%s uses only variable names the config knows, and they validate', (name) => {
    const env = services[name].environment ?? {};
    const unknown = Object.keys(env).filter((key) => !KNOWN.has(key));
    expect(unknown).toEqual([]);
    const resolved = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v).replace(/\$\{\w+:-([^}]*)\}/g, '$1')]));
    expect(() => validateEnvironment(resolved)).not.toThrow();
  });

  it.each(['api', 'worker'])('%s waits for healthy postgres, redis and mailpit, after migrations', (name) => {
    const deps = services[name].depends_on ?? {};
    for (const dep of ['postgres', 'redis', 'mailpit']) expect(deps[dep]?.condition).toBe('service_healthy');
    expect(deps.migrate?.condition).toBe('service_completed_successfully');
  });

  it('points every service URL at a compose service', () => {
    const env = services.api.environment ?? {};
    expect(new URL(env.DATABASE_URL).hostname).toBe('postgres');
    expect(new URL(env.REDIS_URL).hostname).toBe('redis');
    expect(env.SMTP_HOST).toBe('mailpit');
  });
});
