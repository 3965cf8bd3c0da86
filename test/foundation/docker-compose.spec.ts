import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { Environment, validateEnvironment } from '../../libs/platform/src/config/environment';

const ROOT = join(__dirname, '..', '..');

interface ComposeService {
  image?: string;
  profiles?: string[];
  volumes?: string[];
  ports?: string[];
  build?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
}

const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, ComposeService> };
const KNOWN = new Set([...Object.keys(new Environment()), 'REDIS_CLUSTER_NODES', 'JWT_SECRET', 'SMTP_USER', 'SMTP_PASSWORD', 'ADMIN_USERNAME', 'ADMIN_PASSWORD', 'ADMIN_EMAIL', 'TRUST_PROXY']);
const SECRET = /SECRET|PASSWORD|TOKEN/;

// What an operator passes for the variables compose insists on (`${NAME:?message}`).
const OPERATOR_SUPPLIED: Record<string, string> = {
  JWT_SECRET: '5f1d0c7a9b3e48e2a6c4d8f0b2e4a6c8d0f2b4e6',
  ADMIN_PASSWORD: 'Yuzhong-quality-office-7',
  POSTGRES_PASSWORD: '9c2e7a41d05b38f6e1a4c7d2b9f03e58',
};

/** Resolves compose interpolation as `docker compose` would with OPERATOR_SUPPLIED in the shell. */
function resolve(value: string): string {
  return String(value)
    .replace(/\$\{(\w+):-([^}]*)\}/g, '$2')
    .replace(/\$\{(\w+):\?[^}]*\}/g, (_, name: string) => {
      if (!(name in OPERATOR_SUPPLIED)) throw new Error(`compose requires ${name}, which this test does not supply`);
      return OPERATOR_SUPPLIED[name];
    });
}

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
    const resolved = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, resolve(v)]));
    expect(resolved.NODE_ENV).toBe('production');
    expect(() => validateEnvironment(resolved)).not.toThrow();
  });

  it.each(['api', 'worker', 'migrate'])('%s takes every secret from the operator, with no fallback to fall back on', (name) => {
    const env = services[name].environment ?? {};
    const secrets = Object.entries(env).filter(([key]) => SECRET.test(key));
    expect(secrets.map(([key]) => key)).toContain('JWT_SECRET');
    for (const [key, value] of secrets) expect({ key, value }).toEqual({ key, value: expect.stringMatching(new RegExp(`^\\$\\{${key}:\\?[^}]+\\}$`)) });
  });

  it('makes the operator choose the first admin\'s password', () => {
    expect(services.api.environment?.ADMIN_PASSWORD).toMatch(/^\$\{ADMIN_PASSWORD:\?[^}]+\}$/);
    // And what used to be compose's fallback is refused by the API itself in production.
    const env = Object.fromEntries(Object.entries(services.api.environment ?? {}).map(([k, v]) => [k, resolve(v)]));
    expect(() => validateEnvironment({ ...env, ADMIN_PASSWORD: 'change-me-please' })).toThrow(/^ADMIN_PASSWORD is a value published in the Awardflow repository/);
    expect(() => validateEnvironment({ ...env, JWT_SECRET: 'change-me-change-me-change-me-change-me' })).toThrow(/^JWT_SECRET is a value published in the Awardflow repository/);
  });

  it('keeps no secret literal anywhere: every password, secret or token (the database\'s too, in its URL) comes from the operator', () => {
    const required = (key: string) => new RegExp(`^\\$\\{${key}:\\?[^}]+\\}$`);
    expect(services.postgres.environment?.POSTGRES_PASSWORD).toMatch(required('POSTGRES_PASSWORD'));
    for (const [name, service] of Object.entries(services)) {
      for (const [key, value] of Object.entries(service.environment ?? {})) {
        if (SECRET.test(key)) expect({ name, key, value }).toEqual({ name, key, value: expect.stringMatching(required(key)) });
        // A URL's password is the operator's variable, never written out.
        const userinfo = /^\w+:\/\/[^/@:]*:([^@]*)@/.exec(String(value));
        if (userinfo) expect({ name, key, password: userinfo[1] }).toEqual({ name, key, password: expect.stringMatching(required('POSTGRES_PASSWORD')) });
      }
    }
    // The API connects with the password the database was initialised with.
    for (const name of ['api', 'worker', 'migrate']) {
      expect(new URL(resolve(services[name].environment?.DATABASE_URL ?? '')).password).toBe(OPERATOR_SUPPLIED.POSTGRES_PASSWORD);
    }
    expect(resolve(services.postgres.environment?.POSTGRES_PASSWORD ?? '')).toBe(OPERATOR_SUPPLIED.POSTGRES_PASSWORD);
    // The file says no password: not the old `awardflow`, nor any literal after a password key.
    const text = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
    expect(text).not.toMatch(/awardflow:awardflow@|PASSWORD:\s*awardflow\b/);
  });

  it('publishes only the API and the mail UI, and only on the loopback address', () => {
    const published = Object.entries(services)
      .filter(([, service]) => service.ports?.length && !service.profiles)
      .map(([name, service]) => [name, service.ports]);
    expect(published).toEqual([
      ['mailpit', ['127.0.0.1:8025:8025']],
      ['api', ['127.0.0.1:3000:3000']],
    ]);
  });

  it.each(['api', 'worker'])('%s waits for healthy postgres, redis and mailpit, after migrations', (name) => {
    const deps = services[name].depends_on ?? {};
    for (const dep of ['postgres', 'redis', 'mailpit']) expect(deps[dep]?.condition).toBe('service_healthy');
    expect(deps.migrate?.condition).toBe('service_completed_successfully');
  });

  it('points every service URL at a compose service', () => {
    const env = services.api.environment ?? {};
    expect(new URL(resolve(env.DATABASE_URL)).hostname).toBe('postgres');
    expect(new URL(resolve(env.REDIS_URL)).hostname).toBe('redis');
    expect(env.SMTP_HOST).toBe('mailpit');
  });

  describe('the scale-out profile', () => {
    const PROFILE = 'scale-out';
    const inProfile = Object.entries(services).filter(([, service]) => service.profiles?.includes(PROFILE));
    const names = inProfile.map(([name]) => name);
    const nginx = readFileSync(join(ROOT, 'deploy', 'nginx', 'scale-out.conf'), 'utf8');
    const clusterNodes = names.filter((name) => /^redis-cluster-\d+$/.test(name));
    const apis = names.filter((name) => /^api-\d+$/.test(name));
    const workers = names.filter((name) => /^worker-\d+$/.test(name));
    const resolved = (name: string) => Object.fromEntries(Object.entries(services[name].environment ?? {}).map(([k, v]) => [k, resolve(v)]));

    it('leaves plain `docker compose up` as it was: only the profile\'s own services carry it', () => {
      const plain = Object.entries(services).filter(([, service]) => !service.profiles).map(([name]) => name);
      expect(plain.sort()).toEqual(['api', 'mailpit', 'migrate', 'postgres', 'redis', 'worker']);
      for (const [, service] of inProfile) expect(service.profiles).toEqual([PROFILE]);
    });

    it('runs two APIs and two workers, built from the image, with healthchecks', () => {
      expect(apis).toEqual(['api-1', 'api-2']);
      expect(workers).toEqual(['worker-1', 'worker-2']);
      for (const name of [...apis, ...workers]) {
        expect(services[name].build).toBeDefined();
        expect(services[name].healthcheck?.test.length).toBeGreaterThan(0);
      }
      for (const name of apis) expect(services[name].command?.join(' ')).toContain('dist/apps/api/src/main.js');
      for (const name of workers) expect(services[name].command?.join(' ')).toContain('dist/apps/worker/src/main.js');
      // One replica seeds the first admin; two seeding at once would race.
      expect(apis.filter((name) => services[name].command?.join(' ').includes('seed.cli.js'))).toEqual(['api-1']);
    });

    it('puts nginx in front, publishing on the loopback address only, its upstream covering both APIs', () => {
      expect(services.lb.image).toMatch(/^nginx:/);
      expect(services.lb.ports).toEqual(['127.0.0.1:8080:80']);
      expect(services.lb.volumes).toContain('./deploy/nginx/scale-out.conf:/etc/nginx/conf.d/default.conf:ro');
      const upstream = /upstream\s+(\w+)\s*\{([^}]*)\}/.exec(nginx);
      expect(upstream).not.toBeNull();
      const servers = [...upstream![2].matchAll(/^\s*server\s+([\w.-]+):(\d+)/gm)].map((m) => `${m[1]}:${m[2]}`);
      expect(servers.sort()).toEqual(apis.map((name) => `${name}:${resolved(name).PORT}`).sort());
      expect(nginx).toMatch(new RegExp(`proxy_pass\\s+http://${upstream![1]};`));
      for (const name of apis) expect(services.lb.depends_on?.[name]?.condition).toBe('service_healthy');
      // The APIs believe the one proxy in front of them, and no one else.
      for (const name of apis) expect(resolved(name).TRUST_PROXY).toBe('1');
    });

    it('runs a Redis Cluster of three masters, joined once by a one-shot redis-cli --cluster create', () => {
      expect(clusterNodes).toEqual(['redis-cluster-1', 'redis-cluster-2', 'redis-cluster-3']);
      for (const name of clusterNodes) {
        const command = services[name].command?.join(' ') ?? '';
        expect(services[name].image).toBe('redis:7');
        expect(command).toMatch(/--cluster-enabled yes/);
        expect(command).toMatch(/--appendonly yes/);
        expect(command).toMatch(/--maxmemory-policy noeviction/);
        expect(command).toContain(`--cluster-announce-hostname ${name}`);
        expect(services[name].ports).toBeUndefined();
      }
      const init = services['redis-cluster-init'];
      const script = init.command?.join(' ') ?? '';
      expect(script).toMatch(/redis-cli --cluster create/);
      expect(script).toMatch(/--cluster-replicas 0 --cluster-yes/);
      for (const name of clusterNodes) {
        expect(script).toContain(`getent hosts ${name}`);
        expect(init.depends_on?.[name]?.condition).toBe('service_healthy');
      }
    });

    it.each(['api-1', 'api-2', 'worker-1', 'worker-2'])('%s points at the cluster, not the single Redis, and its environment validates', (name) => {
      const env = resolved(name);
      expect(Object.keys(services[name].environment ?? {}).filter((key) => !KNOWN.has(key))).toEqual([]);
      expect(env.REDIS_URL ?? '').toBe('');
      expect(env.REDIS_CLUSTER_NODES.split(',').sort()).toEqual(clusterNodes.map((node) => `${node}:6379`));
      expect(env.QUEUE_PREFIX).toMatch(/^\{[^{}]+\}$/);
      const validated = validateEnvironment(env);
      expect(validated.REDIS_CLUSTER_NODES).toBe(env.REDIS_CLUSTER_NODES);
      expect(services[name].depends_on?.['redis-cluster-init']?.condition).toBe('service_completed_successfully');
      expect(services[name].depends_on?.redis).toBeUndefined();
      expect(services[name].depends_on?.migrate?.condition).toBe('service_completed_successfully');
    });
  });
});
