import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ADMIN, createUser, startTestApp, TestContext } from '../support/test-app';

describe('identity over HTTP', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await startTestApp();
  });
  afterAll(() => ctx.close());

  it('logs in with the right password and returns a bearer token', async () => {
    const res = await ctx.http.post('/auth/login').send(ADMIN).expect(200);
    expect(res.body.tokenType).toBe('Bearer');
    expect(res.body.accessToken.split('.')).toHaveLength(3);
    const me = await ctx.http.get('/auth/me').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
    expect(me.body).toMatchObject({ username: 'admin', role: 'admin' });
    expect(me.body.officeIds.length).toBeGreaterThan(0);
  });

  it('answers a wrong password and an unknown user with the same 401', async () => {
    const wrong = await ctx.http.post('/auth/login').send({ username: ADMIN.username, password: 'not-the-password' }).expect(401);
    const unknown = await ctx.http.post('/auth/login').send({ username: 'nobody-here', password: 'not-the-password' }).expect(401);
    expect(wrong.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED', message: '用户名或密码错误' });
    expect(unknown.body.message).toBe(wrong.body.message);
    expect(unknown.body.code).toBe(wrong.body.code);
  });

  it('refuses a guarded route without a token, and with a forged one', async () => {
    const res = await ctx.http.get('/users').expect(401);
    expect(res.body).toMatchObject({ statusCode: 401, error: 'Unauthorized', code: 'UNAUTHENTICATED' });
    expect(typeof res.body.message).toBe('string');
    await ctx.http.get('/users').set('Authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.bad').expect(401);
  });

  it('gives 403 to a signed-in user without the route\'s role', async () => {
    const reviewer = await createUser(ctx, { username: 'li.expert', role: 'reviewer' });
    const res = await ctx.http.post('/users').set('Authorization', reviewer.token).send({}).expect(403);
    expect(res.body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN', requiredRoles: ['admin'], message: '此操作只能由评奖办公室办理' });
    // Nothing was created by the refused call.
    const list = await ctx.http.get('/users').set('Authorization', await ctx.adminToken()).expect(200);
    expect(list.body.items.map((u: { username: string }) => u.username).sort()).toEqual(['admin', 'li.expert']);
  });

  it('lists every bad field in one 400 and creates nothing', async () => {
    const token = await ctx.adminToken();
    const res = await ctx.http
      .post('/users')
      .set('Authorization', token)
      .send({ username: 'x', password: 'short', role: 'emperor', email: 'not-an-email', extra: 1 })
      .expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const fields = res.body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['displayName', 'email', 'extra', 'password', 'role', 'username']);
    expect(res.body.message).toContain('角色：须为以下之一：applicant、recommender、reviewer、admin');
    expect(res.body.message).toContain('“extra”：不是可以填写的字段');
    const list = await ctx.http.get('/users').set('Authorization', token).expect(200);
    expect(list.body.items.find((u: { username: string }) => u.username === 'x')).toBeUndefined();
  });

  it('refuses a duplicate username with 409, case-insensitively', async () => {
    await createUser(ctx, { username: 'wang.applicant', role: 'applicant' });
    const res = await ctx.http
      .post('/users')
      .set('Authorization', await ctx.adminToken())
      .send({ username: 'Wang.Applicant', displayName: '王', password: 'user-password-1', role: 'applicant' })
      .expect(409);
    expect(res.body).toMatchObject({ code: 'USERNAME_TAKEN', username: 'Wang.Applicant', message: '用户名 Wang.Applicant 已被使用' });
  });

  it('keeps organisations for applicants only', async () => {
    const res = await ctx.http
      .post('/users')
      .set('Authorization', await ctx.adminToken())
      .send({ username: 'zhao.admin', displayName: '赵', password: 'user-password-1', role: 'admin', organizationId: '9b2f0d4e-8d1c-4a51-9c7e-0a4c2b6f1e11' })
      .expect(400);
    expect(res.body.errors).toEqual([{ field: 'organizationId', label: '申报单位', messages: ['只有申报单位的账号可以关联申报单位'] }]);
  });

  it('stores argon2id hashes, never the password', async () => {
    const rows = await ctx.dataSource.query(`SELECT password_hash FROM users WHERE username = 'admin'`);
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
    expect(rows[0].password_hash).not.toContain(ADMIN.password);
  });

  it('echoes a request id and puts it in error bodies', async () => {
    const res = await ctx.http.get('/users').set('X-Request-Id', 'trace-42').expect(401);
    expect(res.headers['x-request-id']).toBe('trace-42');
    expect(res.body.requestId).toBe('trace-42');
  });

  it('serves the OpenAPI document generated from the DTOs', async () => {
    const res = await ctx.http.get('/docs/openapi.json').expect(200);
    expect(res.body.paths['/auth/login'].post).toBeDefined();
    expect(res.body.components.schemas.CreateUserDto.properties.role.enum).toEqual(['applicant', 'recommender', 'reviewer', 'admin']);
  });
});
