import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Response } from 'supertest';
import { startTestApp, TestContext } from '../support/test-app';

/** The directives of a Content-Security-Policy header, by name. */
function directives(header: string | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const part of (header ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out[name] = values;
  }
  return out;
}

function expectSecurityHeaders(res: Response): void {
  const csp = directives(res.headers['content-security-policy']);
  expect(csp['default-src']).toEqual(["'self'"]);
  expect(csp['script-src']).toEqual(["'self'"]);
  expect(csp['object-src']).toEqual(["'none'"]);
  expect(csp['frame-ancestors']).toEqual(["'none'"]);
  expect(csp['upgrade-insecure-requests']).toBeUndefined();
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['x-frame-options']).toBe('DENY');
  expect(res.headers['referrer-policy']).toBe('no-referrer');
  expect(res.headers['x-powered-by']).toBeUndefined();
}

interface Operation {
  operationId: string;
  security?: Array<Record<string, string[]>>;
}

describe('security headers and the OpenAPI security of each route', () => {
  let ctx: TestContext;
  let admin: string;

  beforeAll(async () => {
    ctx = await startTestApp();
    admin = await ctx.adminToken();
  });
  afterAll(async () => {
    await ctx?.close();
  });

  describe('headers', () => {
    it('every kind of answer carries them: public, signed in, refused, unknown, the console', async () => {
      const answers = [
        await ctx.http.get('/health'),
        await ctx.http.get('/awards'),
        await ctx.http.get('/applications').set('Authorization', admin),
        await ctx.http.get('/applications'),
        // Under an API prefix: elsewhere the console's SPA fallback answers (when it is built).
        await ctx.http.get('/applications/not-a-uuid/nothing').set('Accept', 'application/json'),
        await ctx.http.post('/auth/login').set('Content-Type', 'application/json').send('{"username":'),
        await ctx.http.get('/'),
        await ctx.http.get('/docs'),
      ];
      expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 401, 404, 400, expect.any(Number), 200]);
      for (const res of answers) expectSecurityHeaders(res);
    });

    it('lets the console run its own scripts and Ant Design\'s runtime styles, nothing from elsewhere', async () => {
      const csp = directives((await ctx.http.get('/')).headers['content-security-policy']);
      expect(csp['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
      expect(csp['img-src']).toEqual(["'self'", 'data:']);
      expect(csp['connect-src']).toEqual(["'self'"]);
      expect(csp['form-action']).toEqual(["'self'"]);
      expect(csp['base-uri']).toEqual(["'self'"]);
    });

    it('JSON answers are never stored: signed in, refused and public', async () => {
      const signedIn = await ctx.http.get('/auth/me').set('Authorization', admin).expect(200);
      expect(signedIn.headers['cache-control']).toBe('no-store');
      const list = await ctx.http.get('/applications').set('Authorization', admin).expect(200);
      expect(list.headers['cache-control']).toBe('no-store');
      const refused = await ctx.http.get('/users').expect(401);
      expect(refused.headers['cache-control']).toBe('no-store');
      const login = await ctx.http.post('/auth/login').send({ username: 'admin', password: 'admin-password-1' }).expect(200);
      expect(login.headers['cache-control']).toBe('no-store');
    });
  });

  describe('/docs/openapi.json', () => {
    let operations: Array<{ method: string; path: string; op: Operation }>;
    let document: { components: { securitySchemes: Record<string, unknown> } };

    beforeAll(async () => {
      const res = await ctx.http.get('/docs/openapi.json').expect(200);
      document = res.body;
      operations = Object.entries(res.body.paths as Record<string, Record<string, Operation>>).flatMap(([path, item]) =>
        Object.entries(item).map(([method, op]) => ({ method, path, op })),
      );
      expect(operations.length).toBeGreaterThan(30);
    });

    const securityOf = (method: string, path: string) => operations.find((o) => o.method === method && o.path === path)?.op.security;

    it('states a security requirement on every operation', () => {
      expect(operations.filter((o) => !Array.isArray(o.op.security)).map((o) => `${o.method} ${o.path}`)).toEqual([]);
      expect(Object.keys(document.components.securitySchemes).sort()).toEqual(['bearer', 'metricsToken']);
    });

    it('says the public routes need nothing, the rest a bearer token, /metrics its own token', () => {
      for (const [method, path] of [
        ['get', '/health'],
        ['post', '/auth/login'],
        ['get', '/awards'],
        ['get', '/awards/{code}'],
        ['get', '/awards/{code}/workflow'],
      ]) {
        expect({ route: `${method} ${path}`, security: securityOf(method, path) }).toEqual({ route: `${method} ${path}`, security: [] });
      }
      for (const [method, path] of [
        ['get', '/auth/me'],
        ['get', '/applications'],
        ['post', '/cycles'],
        ['get', '/users'],
        ['get', '/cycles/{id}/ranking.csv'],
      ]) {
        expect({ route: `${method} ${path}`, security: securityOf(method, path) }).toEqual({ route: `${method} ${path}`, security: [{ bearer: [] }] });
      }
      expect(securityOf('get', '/metrics')).toEqual([{ metricsToken: [] }]);
    });

    it('tells the truth: without a token, every bearer route is 401 and no public one is', async () => {
      const fill = (path: string) => path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
      const wrong: string[] = [];
      for (const { method, path, op } of operations) {
        const res = await (ctx.http as unknown as Record<string, (url: string) => Promise<Response>>)[method](fill(path));
        const guarded = op.security!.some((requirement) => 'bearer' in requirement);
        if (guarded !== (res.status === 401)) wrong.push(`${method} ${path}: documented ${JSON.stringify(op.security)}, answered ${res.status}`);
      }
      expect(wrong).toEqual([]);
    });
  });
});
