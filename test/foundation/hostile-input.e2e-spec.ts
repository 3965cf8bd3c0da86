import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { gzipSync } from 'node:zlib';
import type { Response } from 'supertest';
import { Enterprise, openCycle, qualityForm, registerEnterprise } from '../support/award-fixtures';
import { ADMIN, startTestApp, TestContext } from '../support/test-app';

const CJK = /[\u4e00-\u9fff]/;
const MB = 1024 * 1024;

/** A valid cycle body; each hostile case changes one thing in it. */
const cycleBody = (overrides: Record<string, unknown> = {}) => ({
  awardCode: 'district-quality-award',
  year: 2026,
  title: '渝中区区长质量管理奖 恶意输入',
  applicationOpensAt: '2026-01-01',
  applicationClosesAt: '2099-12-31',
  quota: { awards: 3 },
  reviewersPerApplication: 3,
  ...overrides,
});

/**
 * Bad input over HTTP gets a 4xx with a stable code and a Chinese message, and changes nothing:
 * bodies too large or too deep, encodings we do not read, NUL characters, numbers no column holds.
 */
describe('hostile input is a clear 4xx that changes nothing', () => {
  let ctx: TestContext;
  let admin: string;
  let enterprise: Enterprise;
  let applicationId: string;
  let before: Record<string, number>;

  /** Row counts of every table: nothing a refused request does may show up here. */
  async function rowCounts(): Promise<Record<string, number>> {
    const tables: Array<{ name: string }> = await ctx.dataSource.query(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables) counts[name] = (await ctx.dataSource.query(`SELECT count(*)::int AS n FROM "${name}"`))[0].n;
    return counts;
  }

  function expectRefused(res: Response, status: number, code: string): void {
    expect({ status: res.status, code: res.body?.code }).toEqual({ status, code });
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.body.statusCode).toBe(status);
    expect(JSON.stringify(res.body.message)).toMatch(CJK);
  }

  /** The fields a VALIDATION_FAILED answer names. */
  const fieldsOf = (res: Response): string[] => (res.body.errors as Array<{ field: string }>).map((e) => e.field);

  /** A request whose body is sent byte for byte (superagent would JSON-serialise a Buffer). */
  const json = (method: 'post' | 'patch' | 'put', path: string, token?: string) => {
    const req = ctx.http[method](path)
      .set('Content-Type', 'application/json')
      .serialize((body: unknown) => body as string);
    return token ? req.set('Authorization', token) : req;
  };

  beforeAll(async () => {
    ctx = await startTestApp();
    admin = await ctx.adminToken();
    enterprise = await registerEnterprise(ctx, '重庆恶意输入测试有限公司');
    const cycle = await openCycle(ctx);
    applicationId = (await ctx.http.post('/applications').set('Authorization', enterprise.token).send({ cycleId: cycle.id, form: qualityForm() }).expect(201)).body.id;
    before = await rowCounts();
  });
  afterAll(async () => {
    await ctx?.close();
  });

  describe('bodies over the limit are 413', () => {
    it('a 2 MB string on JSON routes, guarded and public, signed in or not', async () => {
      const huge = 'x'.repeat(2 * MB);
      const cases = [
        json('post', '/cycles', admin).send(JSON.stringify(cycleBody({ title: huge }))),
        json('post', '/organizations', enterprise.token).send(JSON.stringify({ name: huge })),
        json('patch', `/applications/${applicationId}`, enterprise.token).send(JSON.stringify({ form: qualityForm({ note: huge }) })),
        json('post', '/auth/login').send(JSON.stringify({ username: ADMIN.username, password: huge })),
        json('post', '/no-such-route').send(JSON.stringify({ huge })),
      ];
      for (const pending of cases) {
        const res = await pending;
        expectRefused(res, 413, 'PAYLOAD_TOO_LARGE');
        expect(res.body.limit).toBe(MB);
        expect(res.body.message).toContain('1 MB');
      }
      expect(await rowCounts()).toEqual(before);
    });

    it('a 60 MB login, plain and as a gzip bomb that is small on the wire', async () => {
      const body = JSON.stringify({ username: ADMIN.username, password: 'p'.repeat(60 * MB) });
      expectRefused(await json('post', '/auth/login').send(body), 413, 'PAYLOAD_TOO_LARGE');
      const bomb = gzipSync(body);
      expect(bomb.length).toBeLessThan(MB);
      expectRefused(await json('post', '/auth/login').set('Content-Encoding', 'gzip').send(bomb), 413, 'PAYLOAD_TOO_LARGE');
      // The account still signs in: nothing was counted against it.
      await ctx.login(ADMIN.username, ADMIN.password);
      expect(await rowCounts()).toEqual(before);
    });

    it('a form body over the limit too', async () => {
      const res = await ctx.http.post('/auth/login').set('Content-Type', 'application/x-www-form-urlencoded').send(`username=admin&password=${'p'.repeat(2 * MB)}`);
      expectRefused(res, 413, 'PAYLOAD_TOO_LARGE');
    });
  });

  describe('encodings and charsets', () => {
    it('an unsupported Content-Encoding is 415 naming it', async () => {
      for (const encoding of ['compress', 'x-snappy']) {
        const res = await json('post', '/cycles', admin).set('Content-Encoding', encoding).send(JSON.stringify(cycleBody()));
        expectRefused(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
        expect(res.body.encoding).toBe(encoding);
        expect(res.body.message).toContain(encoding);
      }
      expect(await rowCounts()).toEqual(before);
    });

    it('a body that is not what its Content-Encoding says is 400', async () => {
      const valid = gzipSync(JSON.stringify(cycleBody()));
      const bodies = [Buffer.from('this is not gzip at all'), Buffer.concat([valid.subarray(0, 12), Buffer.from('garbage after a real gzip header')])];
      for (const body of bodies) {
        const res = await json('post', '/cycles', admin).set('Content-Encoding', 'gzip').send(body);
        expectRefused(res, 400, 'MALFORMED_BODY');
        expect(res.body.encoding).toBe('gzip');
      }
      expect(await rowCounts()).toEqual(before);
    });

    it('a gzip body that is fine is read (the limit counts what it inflates to)', async () => {
      const res = await json('post', '/auth/login').set('Content-Encoding', 'gzip').send(gzipSync(JSON.stringify(ADMIN)));
      expect(res.status).toBe(200);
      expect(res.body.accessToken).toEqual(expect.any(String));
    });

    it('JSON in a charset other than UTF-8 is 415, and broken JSON is 400', async () => {
      const utf16 = await json('post', '/auth/login').set('Content-Type', 'application/json; charset=utf-16le').send(Buffer.from(JSON.stringify(ADMIN), 'utf16le'));
      expectRefused(utf16, 415, 'UNSUPPORTED_MEDIA_TYPE');
      expect(utf16.body.charset).toBe('utf-16le');
      const broken = await json('post', '/cycles', admin).send('{"awardCode": "district-quality-award",');
      expectRefused(broken, 400, 'MALFORMED_BODY');
      expect(await rowCounts()).toEqual(before);
    });
  });

  describe('nesting', () => {
    it('JSON nested 100 000 levels deep is 400 before validation runs, on any route', async () => {
      const deep = '['.repeat(100_000) + ']'.repeat(100_000);
      const cases = [
        json('patch', `/applications/${applicationId}`, enterprise.token).send(`{"form":{"selfAssessment":${deep}}}`),
        json('post', '/cycles', admin).send(`{"eligibility":[{"rule":"x","params":{"a":${deep}}}]}`),
        json('post', '/auth/login').send(`{"username":${deep}}`),
        json('post', `/applications/${applicationId}/actions/submit`, enterprise.token).send(`{"payload":{"p":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}}`),
      ];
      for (const pending of cases) {
        const res = await pending;
        expectRefused(res, 400, 'BODY_TOO_DEEP');
        expect(res.body.maxDepth).toBe(32);
      }
      expect(await rowCounts()).toEqual(before);
    });

    it('a form body nested too deep is 400 as well', async () => {
      const res = await ctx.http.post('/auth/login').set('Content-Type', 'application/x-www-form-urlencoded').send(`username${'[a]'.repeat(100)}=x`);
      expectRefused(res, 400, 'BODY_TOO_DEEP');
    });

    it('nesting up to 32 levels reaches validation, one more does not', async () => {
      const nested = (depth: number) => `{"username":"admin","password":"x","extra":${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}}`;
      const atLimit = await json('post', '/auth/login').send(nested(32));
      expect({ status: atLimit.status, code: atLimit.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
      expect(fieldsOf(atLimit)).toEqual(['extra']);
      expectRefused(await json('post', '/auth/login').send(nested(33)), 400, 'BODY_TOO_DEEP');
    });
  });

  describe('NUL characters are 400 naming the field', () => {
    it('in body strings, nested fields and keys', async () => {
      const org = await json('post', '/organizations', enterprise.token).send(JSON.stringify({ name: '重庆\u0000公司' }));
      expectRefused(org, 400, 'VALIDATION_FAILED');
      expect(fieldsOf(org)).toEqual(['name']);

      const form = qualityForm();
      form.selfAssessment.leadership = '领导\u0000作用';
      const patched = await json('patch', `/applications/${applicationId}`, enterprise.token).send(JSON.stringify({ form }));
      expectRefused(patched, 400, 'VALIDATION_FAILED');
      expect(fieldsOf(patched)).toEqual(['form.selfAssessment.leadership']);

      const cycle = await json('post', '/cycles', admin).send(JSON.stringify(cycleBody({ title: '标题\u0000', eligibility: [{ rule: 'min_operating_years', params: { 'years\u0000': 3 } }] })));
      expectRefused(cycle, 400, 'VALIDATION_FAILED');
      expect(fieldsOf(cycle).sort()).toEqual(['eligibility.0.params.years\\u0000', 'title']);
      expect(await rowCounts()).toEqual(before);
    });

    it('in the query and in route parameters', async () => {
      const search = await ctx.http.get('/applications').query({ search: 'a\u0000b' }).set('Authorization', admin);
      expectRefused(search, 400, 'VALIDATION_FAILED');
      expect(fieldsOf(search)).toEqual(['search']);

      const cycles = await ctx.http.get('/cycles?awardCode=%00').set('Authorization', admin);
      expectRefused(cycles, 400, 'VALIDATION_FAILED');
      expect(fieldsOf(cycles)).toEqual(['awardCode']);

      const award = await ctx.http.get('/awards/x%00y');
      expectRefused(award, 400, 'VALIDATION_FAILED');
      expect(fieldsOf(award)).toEqual(['code']);
    });
  });

  describe('numbers no column holds are 400 naming the field', () => {
    it.each([
      ['publicityDays', '{"publicityDays": 1e308}', 'publicityDays'],
      ['a number JSON reads as Infinity', '{"supplementDays": 1e999}', 'supplementDays'],
      ['reviewersPerApplication', '{"reviewersPerApplication": 2147483648}', 'reviewersPerApplication'],
      ['publicityDays past int4', '{"publicityDays": 2147483648}', 'publicityDays'],
      ['quota.awards', '{"quota": {"awards": 2147483648}}', 'quota.awards'],
      ['a panel quorum', '{"panel": {"quorum": 2147483648}}', 'panel.quorum'],
      ['reminder days', '{"reminderDaysBefore": [3, 2147483648]}', 'reminderDaysBefore'],
      ['recognition validity', '{"recognitionValidityYears": 2147483648}', 'recognitionValidityYears'],
    ])('%s on POST /cycles', async (_, override, field) => {
      const body = JSON.stringify(cycleBody()).replace(/}$/, `,${override.slice(1, -1)}}`);
      const res = await json('post', '/cycles', admin).send(body);
      expectRefused(res, 400, 'VALIDATION_FAILED');
      expect(fieldsOf(res)).toEqual([field]);
      expect(await rowCounts()).toEqual(before);
    });

    it('1e308 inside a form, a payload and a score', async () => {
      const form = JSON.stringify({ form: qualityForm() }).replace('"value":99.8', '"value":1e308');
      const patched = await json('patch', `/applications/${applicationId}`, enterprise.token).send(form);
      expectRefused(patched, 400, 'VALIDATION_FAILED');
      expect(fieldsOf(patched)).toEqual(['form.keyResults.0.value']);

      const action = await json('post', `/applications/${applicationId}/actions/submit`, enterprise.token).send('{"payload":{"n":-1e308}}');
      expectRefused(action, 400, 'VALIDATION_FAILED');
      expect(fieldsOf(action)).toEqual(['payload.n']);

      const score = await json('post', '/reviews/assignments/00000000-0000-4000-8000-000000000000/scores', admin).send('{"items":[{"criterion":"4.1.1","score":1e308}],"comment":"材料翔实。"}');
      expectRefused(score, 400, 'VALIDATION_FAILED');
      expect(fieldsOf(score)).toEqual(['items.0.score']);
      expect(await rowCounts()).toEqual(before);
    });

    it('page=1e18 is 400; the largest page is an empty page, its offset a bound parameter', async () => {
      for (const path of ['/applications', '/notifications']) {
        const res = await ctx.http.get(path).query({ page: '1e18' }).set('Authorization', admin);
        expectRefused(res, 400, 'VALIDATION_FAILED');
        expect(fieldsOf(res)).toEqual(['page']);
      }
      const last = await ctx.http.get('/applications').query({ page: '2147483647', pageSize: '100' }).set('Authorization', admin).expect(200);
      expect(last.body).toMatchObject({ items: [], page: 2147483647, pageSize: 100 });
      expect(last.body.total).toBeGreaterThanOrEqual(1);
      const notifications = await ctx.http.get('/notifications').query({ page: '2147483647' }).set('Authorization', enterprise.token).expect(200);
      expect(notifications.body.items).toEqual([]);
      const year = await ctx.http.get('/cycles').query({ year: '2147483648' }).set('Authorization', admin);
      expectRefused(year, 400, 'VALIDATION_FAILED');
      expect(fieldsOf(year)).toEqual(['year']);
    });
  });

  it('POST /cycles without quota is 400 naming it', async () => {
    const { quota: _, ...withoutQuota } = cycleBody();
    const res = await ctx.http.post('/cycles').set('Authorization', admin).send(withoutQuota);
    expectRefused(res, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(res)).toEqual(['quota']);
    expect(JSON.stringify(res.body.errors)).toMatch(CJK);
    expect(await rowCounts()).toEqual(before);
  });

  it('left every table as it was', async () => {
    expect(await rowCounts()).toEqual(before);
  });
});
