import { describe, expect, it } from '@jest/globals';
import { ConfigurationError, validateEnvironment } from './environment';

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

  it('has no default admin password in production', () => {
    const env = validateEnvironment({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) });
    expect(env.ADMIN_PASSWORD).toBeUndefined();
  });
});
