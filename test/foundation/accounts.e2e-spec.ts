import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { INestApplication } from '@nestjs/common';
import { createServer } from 'node:net';
import { Client } from 'pg';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { createUser, startTestApp, TestContext } from '../support/test-app';
import { waitFor } from '../support/throwaway-redis';
import { ALL_QUEUES } from '../../libs/platform/src/queue/queue-names';
import { QueueService } from '../../libs/platform/src/queue/queue.service';

const PASSWORD = 'user-password-1';

/** Account changes made by an admin reach the account's very next request, on any API instance. */
describe('accounts', () => {
  let ctx: TestContext;
  let second: INestApplication;
  let other: ReturnType<typeof request>;
  let admin: string;
  let city: string;
  let district: string;

  beforeAll(async () => {
    ctx = await startTestApp();
    // A second API instance on the same database: what a load balancer in front of two replicas does.
    second = await createApiApp(ctx.env);
    await second.init();
    other = request(second.getHttpServer());
    admin = await ctx.adminToken();
    const offices: Array<{ id: string; code: string }> = await ctx.dataSource.query(`SELECT id, code FROM offices`);
    city = offices.find((o) => o.code === 'CQ')!.id;
    district = offices.find((o) => o.code === 'CQ-YZ')!.id;
  });
  afterAll(async () => {
    await second?.close();
    await ctx.close();
  });

  const patch = (id: string, body: object, token = admin) => ctx.http.patch(`/users/${id}`).set('Authorization', token).send(body);

  it('applies a role change to the very next request of a token issued before it, on another instance too', async () => {
    const deputy = await createUser(ctx, { username: 'deputy.admin', role: 'admin', password: PASSWORD });
    await other.get('/users').set('Authorization', deputy.token).expect(200);

    const changed = await patch(deputy.id, { role: 'reviewer' }).expect(200);
    expect(changed.body).toMatchObject({ id: deputy.id, role: 'reviewer', isActive: true });

    // Instance two never heard of the change: it reads the row, so there is nothing to invalidate.
    const refused = await other.get('/users').set('Authorization', deputy.token).expect(403);
    expect(refused.body.code).toBe('FORBIDDEN');
    await ctx.http.get('/users').set('Authorization', deputy.token).expect(403);
    const me = await other.get('/auth/me').set('Authorization', deputy.token).expect(200);
    expect(me.body.role).toBe('reviewer');

    // And back: the same token gets the admin's routes again.
    await patch(deputy.id, { role: 'admin' }).expect(200);
    await other.get('/users').set('Authorization', deputy.token).expect(200);
  });

  it('applies an office change to the very next request', async () => {
    const both = await createUser(ctx, { username: 'two.offices', role: 'admin', password: PASSWORD, officeIds: [city, district] });
    const grant = { displayName: '专家', password: PASSWORD, role: 'reviewer', officeIds: [city] };
    // Before: it belongs to the city office, so it may grant it.
    await other.post('/users').set('Authorization', both.token).send({ ...grant, username: 'granted.expert' }).expect(201);

    // After: the district alone, which manages nothing above it.
    await patch(both.id, { officeIds: [district] }).expect(200);

    const after = await other.post('/users').set('Authorization', both.token).send({ ...grant, username: 'refused.expert' }).expect(400);
    expect(after.body.errors).toEqual([{ field: 'officeIds', label: '所属办公室', messages: ['只能授予您所管理的办公室（您所属的办公室及其下级）'] }]);
    const me = await other.get('/auth/me').set('Authorization', both.token).expect(200);
    expect(me.body.officeIds).toEqual([district]);
  });

  it('disables an account at once; enabling it again does not revive the tokens issued before', async () => {
    const expert = await createUser(ctx, { username: 'leaving.expert', role: 'reviewer', password: PASSWORD });
    await other.get('/auth/me').set('Authorization', expert.token).expect(200);

    const disabled = await patch(expert.id, { isActive: false }).expect(200);
    expect(disabled.body.isActive).toBe(false);

    const refused = await other.get('/auth/me').set('Authorization', expert.token).expect(401);
    expect(refused.body.code).toBe('UNAUTHENTICATED');
    await ctx.http.get('/reviews/assignments').set('Authorization', expert.token).expect(401);
    await ctx.http.post('/auth/login').send({ username: 'leaving.expert', password: PASSWORD }).expect(401);

    await patch(expert.id, { isActive: true }).expect(200);
    await other.get('/auth/me').set('Authorization', expert.token).expect(401);
    const fresh = await ctx.login('leaving.expert', PASSWORD);
    await other.get('/auth/me').set('Authorization', fresh).expect(200);
  });

  it('answers a change only once every API process has forgotten the caller, however late one hears it', async () => {
    const expert = await createUser(ctx, { username: 'heard.late.expert', role: 'reviewer', password: PASSWORD });
    await other.get('/auth/me').set('Authorization', expert.token).expect(200);
    // A third API process whose event loop is busy: it is listening, and slow to act on what it hears.
    const late = new Client({ connectionString: ctx.env.DATABASE_URL, application_name: 'awardflow-user-changes' });
    const heard: string[] = [];
    late.on('notification', (message) => heard.push(message.payload ?? ''));
    await late.connect();
    try {
      await late.query('LISTEN identity_users_changed');
      let answered = false;
      const disabling = patch(expert.id, { isActive: false }).then((res) => ((answered = true), res));

      const question = await waitFor(async () => heard.find((p) => p.startsWith('sync ')), undefined, 'the writer\'s question');
      const nonce = question.slice('sync '.length);
      expect(heard.indexOf(expert.id)).toBeLessThan(heard.indexOf(question));
      // Both real instances have answered; the late one has not, so the write has not answered either.
      await waitFor(async () => heard.filter((p) => p === `heard ${nonce}`).length >= 2, undefined, 'the two instances\' answers');
      expect(answered).toBe(false);

      await late.query('SELECT pg_notify($1, $2)', ['identity_users_changed', `heard ${nonce}`]);
      expect((await disabling).status).toBe(200);
      await other.get('/auth/me').set('Authorization', expert.token).expect(401);
    } finally {
      await late.end();
    }
  });

  it('closes the queue board to an admin disabled or demoted since it signed in there with its password', async () => {
    const ops = await createUser(ctx, { username: 'ops.admin', role: 'admin', password: PASSWORD });
    const basic = `Basic ${Buffer.from(`ops.admin:${PASSWORD}`).toString('base64')}`;
    await ctx.http.get('/admin/queues').set('Authorization', basic).expect(200);
    await patch(ops.id, { role: 'reviewer' }).expect(200);
    await ctx.http.get('/admin/queues').set('Authorization', basic).expect(403);
    await patch(ops.id, { role: 'admin' }).expect(200);
    await ctx.http.get('/admin/queues').set('Authorization', basic).expect(200);
    await patch(ops.id, { isActive: false }).expect(200);
    await ctx.http.get('/admin/queues').set('Authorization', basic).expect(401);
    await ctx.http.get('/admin/queues').set('Authorization', ops.token).expect(401);
  });

  it('revokes earlier tokens when a user changes its password, and returns a new one', async () => {
    const user = await createUser(ctx, { username: 'changing.password', role: 'applicant', password: PASSWORD });
    const wrong = await ctx.http
      .post('/auth/password')
      .set('Authorization', user.token)
      .send({ currentPassword: 'not-my-password', newPassword: 'a-brand-new-password-7' })
      .expect(400);
    expect(wrong.body.errors).toEqual([{ field: 'currentPassword', label: '当前密码', messages: ['不正确'] }]);
    const weak = await ctx.http.post('/auth/password').set('Authorization', user.token).send({ currentPassword: PASSWORD, newPassword: 'qwertyuiop123' }).expect(400);
    expect(weak.body.errors).toEqual([{ field: 'newPassword', label: '新密码', messages: [expect.stringMatching(/^过于常见/)] }]);
    // Neither refusal changed anything.
    await ctx.http.get('/auth/me').set('Authorization', user.token).expect(200);

    const changed = await ctx.http.post('/auth/password').set('Authorization', user.token).send({ currentPassword: PASSWORD, newPassword: 'a-brand-new-password-7' }).expect(200);
    await other.get('/auth/me').set('Authorization', user.token).expect(401);
    await other.get('/auth/me').set('Authorization', `Bearer ${changed.body.accessToken}`).expect(200);
    await ctx.http.post('/auth/login').send({ username: 'changing.password', password: PASSWORD }).expect(401);
    await ctx.login('changing.password', 'a-brand-new-password-7');
  });

  it('revokes earlier tokens when an admin resets a password', async () => {
    const user = await createUser(ctx, { username: 'reset.by.admin', role: 'recommender', password: PASSWORD });
    await patch(user.id, { password: 'office-issued-password-9' }).expect(200);
    await other.get('/auth/me').set('Authorization', user.token).expect(401);
    await ctx.login('reset.by.admin', 'office-issued-password-9');
  });

  it('refuses passwords shorter than 12 characters or common, naming the field in Chinese, and creates nothing', async () => {
    const short = await ctx.http.post('/users').set('Authorization', admin).send({ username: 'weak.one', displayName: '弱', password: 'elevenchars', role: 'applicant' }).expect(400);
    expect(short.body.errors).toEqual([{ field: 'password', label: '密码', messages: ['至少需要 12 个字符'] }]);
    const common = await ctx.http.post('/users').set('Authorization', admin).send({ username: 'weak.two', displayName: '弱', password: 'Password2024!', role: 'applicant' }).expect(400);
    expect(common.body.errors).toEqual([{ field: 'password', label: '密码', messages: [expect.stringMatching(/^过于常见/)] }]);
    const list = await ctx.http.get('/users').set('Authorization', admin).expect(200);
    expect(list.body.items.map((u: { username: string }) => u.username)).not.toEqual(expect.arrayContaining(['weak.one']));
    expect(list.body.items.map((u: { username: string }) => u.username)).not.toEqual(expect.arrayContaining(['weak.two']));

    const [{ id }] = await ctx.dataSource.query(`SELECT id FROM users WHERE username = 'admin'`);
    const reset = await patch(id, { password: '1qaz2wsx3edc' }).expect(400);
    expect(reset.body.errors).toEqual([{ field: 'password', label: '密码', messages: [expect.stringMatching(/^过于常见/)] }]);
  });

  it('keeps an admin from locking itself out or editing another office\'s staff', async () => {
    const [{ id: self }] = await ctx.dataSource.query(`SELECT id FROM users WHERE username = 'admin'`);
    const res = await patch(self, { isActive: false, role: 'reviewer' }).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['isActive', 'role']);
    await ctx.http.get('/users').set('Authorization', admin).expect(200);

    const districtAdmin = await createUser(ctx, { username: 'district.admin', role: 'admin', password: PASSWORD, officeIds: [district] });
    const cityExpert = await ctx.http.post('/users').set('Authorization', admin).send({ username: 'city.expert', displayName: '市专家', password: PASSWORD, role: 'reviewer', officeIds: [city] }).expect(201);
    const foreign = await patch(cityExpert.body.id, { isActive: false }, districtAdmin.token).expect(403);
    expect(foreign.body.code).toBe('FORBIDDEN');
    const grant = await patch(cityExpert.body.id, { officeIds: [city, district] }, admin).expect(200);
    expect(grant.body.officeIds.sort()).toEqual([city, district].sort());
    // Now shared: the district admin may take its own office back, but not the city's.
    const notYours = await patch(cityExpert.body.id, { officeIds: [district] }, districtAdmin.token).expect(400);
    expect(notYours.body.errors).toEqual([{ field: 'officeIds', label: '所属办公室', messages: ['只能授予或收回你所管理的办公室的权限'] }]);
    const taken = await patch(cityExpert.body.id, { officeIds: [city] }, districtAdmin.token).expect(200);
    expect(taken.body.officeIds).toEqual([city]);
  });

  it('takes a token from the Authorization header only, never from ?access_token=', async () => {
    const token = admin.slice('Bearer '.length);
    const res = await ctx.http.get(`/auth/me?access_token=${token}`).expect(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
    await ctx.http.get(`/users?access_token=${token}`).expect(401);
    await ctx.http.get('/auth/me').set('Authorization', admin).expect(200);
  });

  it('answers a valid token with 503, not 401, while the database is unreachable', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const broken = await createApiApp({ ...ctx.env, DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/awardflow` });
    await broken.init();
    try {
      const res = await request(broken.getHttpServer()).get('/auth/me').set('Authorization', admin);
      // Not "your token is invalid": the console would sign the user out for an outage.
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 503, code: 'SERVICE_UNAVAILABLE' });
    } finally {
      // BullMQ re-emits the failure of a connection still being made after close() dropped its
      // listeners (an unhandled 'error'): let the queues finish connecting before closing.
      await Promise.all(ALL_QUEUES.map((name) => broken.get(QueueService).queue(name).waitUntilReady()));
      await broken.close();
    }
  });

  it('answers a malformed user id with 400 and an unknown one with 404', async () => {
    await patch('not-a-uuid', { isActive: false }).expect(400);
    const missing = await patch('9b2f0d4e-8d1c-4a51-9c7e-0a4c2b6f1e11', { isActive: false }).expect(404);
    expect(missing.body.code).toBe('NOT_FOUND');
  });
});
