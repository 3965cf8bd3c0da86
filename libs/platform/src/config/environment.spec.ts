import { describe, expect, it } from '@jest/globals';
import { ConfigurationError, parseClusterNodes, validateEnvironment } from './environment';

describe('validateEnvironment', () => {
  it('gives development defaults that point at the local services', () => {
    const env = validateEnvironment({});
    expect(env.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/awardflow');
    expect(env.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(env.PORT).toBe(3000);
    expect(env.QUEUE_PREFIX).toBe('{awardflow}');
    expect(env.JWT_SECRET.length).toBeGreaterThanOrEqual(32);
  });

  it('converts numbers and booleans from strings', () => {
    const env = validateEnvironment({ PORT: '8080', SMTP_SECURE: 'true', SMTP_PORT: '465' });
    expect(env).toMatchObject({ PORT: 8080, SMTP_SECURE: true, SMTP_PORT: 465 });
  });

  it.each([
    [{ DATABASE_URL: 'mysql://localhost/x' }, /^DATABASE_URL must be a postgres:\/\/ URL \(got "mysql:\/\/localhost\/x"\)$/],
    [{ REDIS_URL: 'localhost:6379' }, /^REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/],
    [{ PORT: 'eighty' }, /^PORT must be an integer port number/],
    [{ PORT: '70000' }, /^PORT must not be greater than 65535/],
    [{ SMTP_SECURE: 'maybe' }, /^SMTP_SECURE must be true or false/],
    [{ JWT_SECRET: 'short' }, /^JWT_SECRET must be at least 32 characters$/],
    [{ NODE_ENV: 'production' }, /^JWT_SECRET is required in production/],
    [{ QUEUE_PREFIX: 'awardflow' }, /^QUEUE_PREFIX must be a hash tag/],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL must be one of the following values/],
    [{ METRICS_TOKEN: 'short' }, /^METRICS_TOKEN must be at least 16 characters$/],
  ])('refuses %j with one line naming the variable', (raw, message) => {
    expect(() => validateEnvironment(raw)).toThrow(ConfigurationError);
    try {
      validateEnvironment(raw);
    } catch (error) {
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toContain('\n');
    }
  });

  describe('REDIS_CLUSTER_NODES', () => {
    it('is unset by default: one Redis at REDIS_URL', () => {
      expect(validateEnvironment({}).REDIS_CLUSTER_NODES).toBeUndefined();
    });

    it('takes host:port seeds, or redis URLs whose first carries the credentials and TLS', () => {
      const env = validateEnvironment({ REDIS_CLUSTER_NODES: 'redis-1:7001, redis-2:7002,10.0.0.3:7003' });
      expect(parseClusterNodes(env.REDIS_CLUSTER_NODES!)).toEqual({
        nodes: [{ host: 'redis-1', port: 7001 }, { host: 'redis-2', port: 7002 }, { host: '10.0.0.3', port: 7003 }],
        tls: false,
        username: undefined,
        password: undefined,
      });
      expect(parseClusterNodes('rediss://app:s%40cret@a:6380,b:6380')).toEqual({ nodes: [{ host: 'a', port: 6380 }, { host: 'b', port: 6380 }], tls: true, username: 'app', password: 's@cret' });
    });

    it.each([
      ['', /^REDIS_CLUSTER_NODES is empty/],
      ['redis-1:7001,,redis-2:7002', /^REDIS_CLUSTER_NODES has an empty node at position 2/],
      ['redis-1', /^REDIS_CLUSTER_NODES has "redis-1", which names no host and port/],
      ['redis-1:99999', /^REDIS_CLUSTER_NODES has "redis-1:99999", which/],
      ['http://redis-1:7001', /^REDIS_CLUSTER_NODES has "http:\/\/", which is not redis:\/\/ or rediss:\/\//],
      ['redis://redis-1:7001/2', /^REDIS_CLUSTER_NODES names a database: a Redis Cluster has only database 0/],
    ])('refuses %j with one line that says how to write it', (value, message) => {
      const raw = value === '' ? ' , ' : value;
      expect(() => validateEnvironment({ REDIS_CLUSTER_NODES: raw })).toThrow(ConfigurationError);
      expect(() => validateEnvironment({ REDIS_CLUSTER_NODES: raw })).toThrow(message);
      expect(() => validateEnvironment({ REDIS_CLUSTER_NODES: raw })).toThrow(/give the cluster's nodes as host:port,host:port,…/);
    });

    it('never echoes a node password', () => {
      expect(() => validateEnvironment({ REDIS_CLUSTER_NODES: 'redis://app:hunter2@a:7001,b' })).toThrow(ConfigurationError);
      try {
        validateEnvironment({ REDIS_CLUSTER_NODES: 'redis://app:hunter2@a:7001,b' });
      } catch (error) {
        expect((error as Error).message).not.toContain('hunter2');
      }
    });

    it('refuses REDIS_URL beside it, and a queue prefix without a hash tag', () => {
      expect(() => validateEnvironment({ REDIS_URL: 'redis://r:6379', REDIS_CLUSTER_NODES: 'a:7001' })).toThrow(/^REDIS_URL and REDIS_CLUSTER_NODES are both set/);
      expect(() => validateEnvironment({ REDIS_CLUSTER_NODES: 'a:7001', QUEUE_PREFIX: 'awardflow' })).toThrow(/^QUEUE_PREFIX must be a hash tag such as \{awardflow\}/);
    });
  });

  it('never echoes a secret value', () => {
    expect(() => validateEnvironment({ JWT_SECRET: 'hunter2' })).toThrow(/^JWT_SECRET must be at least 32 characters$/);
    expect(() => validateEnvironment({ METRICS_TOKEN: 'hunter2' })).toThrow(/^METRICS_TOKEN must be at least 16 characters$/);
  });

  it('leaves METRICS_TOKEN unset unless given', () => {
    expect(validateEnvironment({}).METRICS_TOKEN).toBeUndefined();
    expect(validateEnvironment({ METRICS_TOKEN: 'm'.repeat(16) }).METRICS_TOKEN).toBe('m'.repeat(16));
  });

  it('keeps /metrics closed unless METRICS_PUBLIC says otherwise', () => {
    expect(validateEnvironment({}).METRICS_PUBLIC).toBe(false);
    expect(validateEnvironment({ METRICS_PUBLIC: 'true' }).METRICS_PUBLIC).toBe(true);
    expect(() => validateEnvironment({ METRICS_PUBLIC: 'yes' })).toThrow(/^METRICS_PUBLIC must be true or false/);
  });

  it('limits logins per account, and believes no proxy unless told', () => {
    const env = validateEnvironment({});
    expect(env.LOGIN_RATE_LIMIT_PER_ACCOUNT_PER_MINUTE).toBe(10);
    expect(env.TRUST_PROXY).toBe(false);
    expect(validateEnvironment({ LOGIN_RATE_LIMIT_PER_ACCOUNT_PER_MINUTE: '3' }).LOGIN_RATE_LIMIT_PER_ACCOUNT_PER_MINUTE).toBe(3);
  });

  it.each([
    ['1', 1],
    ['false', false],
    ['loopback', ['loopback']],
    ['loopback, 10.0.0.0/8,192.168.1.7', ['loopback', '10.0.0.0/8', '192.168.1.7']],
    ['fd00::/8,::1', ['fd00::/8', '::1']],
  ])('reads TRUST_PROXY=%j as Express\'s trust proxy %j', (raw, setting) => {
    expect(validateEnvironment({ TRUST_PROXY: raw }).TRUST_PROXY).toEqual(setting);
  });

  it.each(['true', '10.0.0.300', '10.0.0.0/33', 'proxy.example.cn', '10.0.0.0/8/1', '::1/129'])('refuses TRUST_PROXY=%j with one line', (raw) => {
    expect(() => validateEnvironment({ TRUST_PROXY: raw })).toThrow(/^TRUST_PROXY must be a hop count, or a comma-separated list of the proxies' addresses or subnets .*\(got "/);
  });

  describe('in production', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8' };

    it.each([
      ['JWT_SECRET', 'change-me-change-me-change-me-change-me'],
      ['JWT_SECRET', 'awardflow-development-secret-not-for-production-use'],
      ['JWT_SECRET', 'test-secret-test-secret-test-secret-1234'],
      ['JWT_SECRET', 'please-CHANGEME-before-going-live-0123456'],
      ['JWT_SECRET', 'change_me_0123456789abcdef0123456789abcdef'],
      ['ADMIN_PASSWORD', 'change-me-please'],
      ['ADMIN_PASSWORD', 'awardflow-admin'],
      ['ADMIN_PASSWORD', 'admin-password-1'],
      ['METRICS_TOKEN', 'test-secret-test-secret-test-secret-1234'],
    ])('refuses %s set to a value the repository publishes, without echoing it', (key, value) => {
      expect(() => validateEnvironment({ ...production, [key]: value })).toThrow(ConfigurationError);
      try {
        validateEnvironment({ ...production, [key]: value });
      } catch (error) {
        const message = (error as Error).message;
        expect(message).toBe(`${key} is a value published in the Awardflow repository (a default, an example or a test value): set one of your own`);
        expect(message).not.toContain(value);
      }
    });

    it("refuses argon2 below OWASP's floor, and takes the library's defaults or more", () => {
      expect(() => validateEnvironment({ ...production, PASSWORD_HASH_MEMORY_KIB: '64', PASSWORD_HASH_TIME_COST: '1' })).toThrow(/below OWASP's floor .*got 64 KiB with 1\)$/);
      expect(() => validateEnvironment({ ...production, PASSWORD_HASH_TIME_COST: '1' })).toThrow(ConfigurationError);
      expect(validateEnvironment(production)).toMatchObject({ PASSWORD_HASH_MEMORY_KIB: 65_536, PASSWORD_HASH_TIME_COST: 3, PASSWORD_HASH_PARALLELISM: 4 });
      expect(validateEnvironment({ ...production, PASSWORD_HASH_MEMORY_KIB: '19456', PASSWORD_HASH_TIME_COST: '2' }).PASSWORD_HASH_MEMORY_KIB).toBe(19_456);
    });

    it('refuses a first-admin password shorter than 12 characters, or a common one', () => {
      expect(() => validateEnvironment({ ...production, ADMIN_PASSWORD: 'Xk9#mP2$vL' })).toThrow(/^ADMIN_PASSWORD must be at least 12 characters in production$/);
      expect(() => validateEnvironment({ ...production, ADMIN_PASSWORD: 'Password2024!' })).toThrow(/^ADMIN_PASSWORD is a common password, easy to guess: choose another$/);
    });

    it('accepts secrets of its own', () => {
      const env = validateEnvironment({ ...production, ADMIN_USERNAME: 'admin', ADMIN_PASSWORD: 'Yuzhong-quality-office-7' });
      expect(env.ADMIN_PASSWORD).toBe('Yuzhong-quality-office-7');
      // A word that merely contains the placeholder is not one.
      expect(validateEnvironment({ ...production, ADMIN_PASSWORD: 'exchange-meeting-at-noon' }).ADMIN_PASSWORD).toBe('exchange-meeting-at-noon');
    });
  });

  it('takes a cheap argon2 outside production, but not fewer than 8 KiB per lane', () => {
    expect(validateEnvironment({ PASSWORD_HASH_MEMORY_KIB: '64', PASSWORD_HASH_TIME_COST: '1', PASSWORD_HASH_PARALLELISM: '1' })).toMatchObject({ PASSWORD_HASH_MEMORY_KIB: 64, PASSWORD_HASH_TIME_COST: 1 });
    expect(() => validateEnvironment({ PASSWORD_HASH_MEMORY_KIB: '16', PASSWORD_HASH_PARALLELISM: '4' })).toThrow(/^PASSWORD_HASH_MEMORY_KIB must be at least 8 KiB per lane/);
  });

  it('keeps the development defaults working outside production', () => {
    const env = validateEnvironment({});
    expect(env.ADMIN_PASSWORD).toBe('awardflow-admin');
    expect(validateEnvironment({ ADMIN_PASSWORD: 'eight-ch' }).ADMIN_PASSWORD).toBe('eight-ch');
  });

  it('has no default admin password in production', () => {
    const env = validateEnvironment({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) });
    expect(env.ADMIN_PASSWORD).toBeUndefined();
  });
});
