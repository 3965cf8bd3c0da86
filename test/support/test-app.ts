import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { createWorkerApp } from '../../apps/worker/src/create-worker-app';
import { seedUsers } from '../../libs/identity/src/seed/seed-users';
import { EnvironmentOverrides } from '../../libs/platform/src/config/config.module';
import { createTestDatabase, TEST_REDIS_URL, uniqueName } from './test-database';

export const ADMIN = { username: 'admin', password: 'admin-password-1' };

/**
 * argon2 at its minimum: the suites create hundreds of users, and at the production cost the
 * hashing was about half of the e2e tier's CPU. What is tested is who may sign in, not argon2.
 */
export const CHEAP_PASSWORD_HASHING = { PASSWORD_HASH_MEMORY_KIB: '64', PASSWORD_HASH_TIME_COST: '1', PASSWORD_HASH_PARALLELISM: '1' };
const CHEAP_HASH_COST = { memoryCost: 64, timeCost: 1, parallelism: 1 };

export interface TestContext {
  api: INestApplication;
  worker?: INestApplication;
  http: ReturnType<typeof request>;
  env: EnvironmentOverrides;
  dataSource: DataSource;
  /** Logs in and returns the Authorization header value. */
  login(username: string, password: string): Promise<string>;
  adminToken(): Promise<string>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Also start a worker app (processors) against the same database and queues. */
  worker?: boolean;
  env?: EnvironmentOverrides;
}

/** The real API (and optionally a worker) on its own database and its own queue prefix. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestContext> {
  const db = await createTestDatabase();
  const env: EnvironmentOverrides = {
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: `{${uniqueName('awardflow_test')}}`,
    JWT_SECRET: 'test-secret-test-secret-test-secret-1234',
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: '100000',
    LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
    LOGIN_RATE_LIMIT_PER_ACCOUNT_PER_MINUTE: '100000',
    UPLOAD_DIR: `/tmp/awardflow-test-uploads/${db.name}`,
    ...CHEAP_PASSWORD_HASHING,
    ...options.env,
  };
  const api = await createApiApp(env);
  await api.init();
  let worker: INestApplication | undefined;
  if (options.worker) {
    worker = await createWorkerApp(env);
    await worker.init();
  }
  const dataSource = api.get(DataSource);
  await seedUsers(dataSource, { adminUsername: ADMIN.username, adminPassword: ADMIN.password, demo: false, hashCost: CHEAP_HASH_COST });
  const http = request(api.getHttpServer());
  let cachedAdmin: string | undefined;

  const login = async (username: string, password: string): Promise<string> => {
    const res = await http.post('/auth/login').send({ username, password });
    if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return `Bearer ${res.body.accessToken}`;
  };

  return {
    api,
    worker,
    http,
    env,
    dataSource,
    login,
    adminToken: async () => (cachedAdmin ??= await login(ADMIN.username, ADMIN.password)),
    close: async () => {
      await worker?.close();
      await api.close();
      await db.drop();
    },
  };
}

/** Creates a user through the API as the admin and returns its Authorization header. */
export async function createUser(
  ctx: TestContext,
  spec: { username: string; role: string; organizationId?: string; officeIds?: string[]; password?: string; displayName?: string; email?: string },
): Promise<{ id: string; token: string }> {
  const password = spec.password ?? 'user-password-1';
  const res = await ctx.http
    .post('/users')
    .set('Authorization', await ctx.adminToken())
    .send({ displayName: spec.displayName ?? spec.username, ...spec, password });
  if (res.status !== 201) throw new Error(`create user ${spec.username}: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.id, token: await ctx.login(spec.username, password) };
}
