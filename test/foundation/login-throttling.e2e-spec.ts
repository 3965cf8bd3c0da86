import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { ThrowawayRedis } from '../support/throwaway-redis';
import { createUser, startTestApp, TestContext } from '../support/test-app';

// An hour's window: the attempts it counts cannot outlast it, however slow the machine.
const LIMITS = { LOGIN_RATE_LIMIT_PER_MINUTE: '3', LOGIN_RATE_LIMIT_PER_ACCOUNT_PER_MINUTE: '3', RATE_LIMIT_WINDOW_SECONDS: '3600' };

function attempt(ctx: Pick<TestContext, 'http'>, from: string, username: string, password = 'not-the-password', path = '/auth/login') {
  return ctx.http.post(path).set('X-Forwarded-For', from).send({ username, password });
}

/** Sign-in limits: per client address and per account, with the address taken from trusted proxies only. */
describe('login throttling behind a trusted proxy (TRUST_PROXY=loopback)', () => {
  let ctx: TestContext;
  let holder: { id: string; token: string };
  const TARGET = { username: 'target.account', password: 'target-password-42' };

  beforeAll(async () => {
    ctx = await startTestApp({ env: { ...LIMITS, TRUST_PROXY: 'loopback' } });
    // Signed in before the limits are spent (two sign-ins from 127.0.0.1, one per account).
    holder = await createUser(ctx, { username: 'token.holder', role: 'applicant' });
    await ctx.http.post('/users').set('Authorization', await ctx.adminToken()).send({ ...TARGET, displayName: '目标', role: 'applicant' }).expect(201);
  });
  afterAll(() => ctx.close());

  it('stops attempts against one account after the per-account limit, whatever the addresses, and however the path is spelled', async () => {
    await attempt(ctx, '10.1.0.1', TARGET.username).expect(401);
    await attempt(ctx, '10.1.0.2', 'Target.Account', 'not-the-password', '/AUTH/LOGIN').expect(401);
    await attempt(ctx, '10.1.0.3', TARGET.username, 'not-the-password', '/auth/login/').expect(401);
    const limited = await attempt(ctx, '10.1.0.4', TARGET.username).expect(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    // Even the right password: the account is closed to sign-ins for the rest of the minute.
    await attempt(ctx, '10.1.0.5', ' TARGET.ACCOUNT ', TARGET.password).expect(429);
    // The admin (signed in before) is not affected.
    await ctx.http.get('/users').set('Authorization', await ctx.adminToken()).expect(200);
    // Other accounts are not affected.
    await attempt(ctx, '10.1.0.6', 'somebody-else').expect(401);
  });

  it('counts per-address attempts by the client address the proxy reports', async () => {
    for (const name of ['guess-1', 'guess-2', 'guess-3']) await attempt(ctx, '10.2.0.1', name).expect(401);
    await attempt(ctx, '10.2.0.1', 'guess-4').expect(429);
    // The next client behind the same proxy has its own budget.
    await attempt(ctx, '10.2.0.2', 'guess-5').expect(401);
  });

  it('limits password changes too: a stolen token cannot guess the current password', async () => {
    const user = holder;
    for (const from of ['10.3.0.1', '10.3.0.2', '10.3.0.3']) {
      await ctx.http.post('/auth/password').set('Authorization', user.token).set('X-Forwarded-For', from).send({ currentPassword: 'guess', newPassword: 'a-brand-new-password-7' }).expect(400);
    }
    await ctx.http.post('/auth/password').set('Authorization', user.token).set('X-Forwarded-For', '10.3.0.4').send({ currentPassword: 'guess', newPassword: 'a-brand-new-password-7' }).expect(429);
  });
});

describe('login throttling without TRUST_PROXY', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await startTestApp({ env: LIMITS });
  });
  afterAll(() => ctx.close());

  it('ignores X-Forwarded-For: every attempt comes from the TCP peer', async () => {
    for (const [i, from] of ['10.4.0.1', '10.4.0.2', '10.4.0.3'].entries()) await attempt(ctx, from, `account-${i}`).expect(401);
    const limited = await attempt(ctx, '10.4.0.4', 'account-3').expect(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
  });
});

/** Two API replicas on one Redis (what the scale-out profile runs behind nginx): one budget of attempts between them. */
describe('login throttling across API replicas', () => {
  let ctx: TestContext;
  let second: INestApplication;
  let replicas: Array<Pick<TestContext, 'http'>>;

  beforeAll(async () => {
    ctx = await startTestApp({ env: { ...LIMITS, TRUST_PROXY: 'loopback' } });
    second = await createApiApp(ctx.env);
    await second.init();
    replicas = [ctx, { http: request(second.getHttpServer()) as unknown as TestContext['http'] }];
  });
  afterAll(async () => {
    await second?.close();
    await ctx.close();
  });

  it('counts an account\'s attempts on every replica together', async () => {
    for (const [i, from] of ['10.5.0.1', '10.5.0.2', '10.5.0.3'].entries()) await attempt(replicas[i % 2], from, 'spread.account').expect(401);
    // Each replica has seen one or two attempts: the fourth is refused on either.
    await attempt(replicas[1], '10.5.0.4', 'spread.account').expect(429);
    await attempt(replicas[0], '10.5.0.5', 'spread.account').expect(429);
    await attempt(replicas[1], '10.5.0.6', 'another.account').expect(401);
  });
});

describe('login throttling while Redis is away', () => {
  let redis: ThrowawayRedis;
  let ctx: TestContext;

  beforeAll(async () => {
    redis = await ThrowawayRedis.start();
    ctx = await startTestApp({ env: { ...LIMITS, REDIS_URL: redis.url } });
    await redis.stop();
  });
  afterAll(async () => {
    await ctx?.close();
    await redis?.stop();
  });

  it('still limits attempts, counted in the process, and answers them without an error', async () => {
    for (const from of ['10.6.0.1', '10.6.0.2', '10.6.0.3']) await attempt(ctx, from, 'while.redis.away').expect(401);
    const limited = await attempt(ctx, '10.6.0.4', 'while.redis.away').expect(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
  });
});
