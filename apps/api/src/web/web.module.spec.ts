import { afterEach, describe, expect, it } from '@jest/globals';
import { Controller, Get, INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { useCompression } from '@awardflow/platform';
import { SPA_ROUTES, WebModule } from './web.module';

@Controller('applications')
class FakeApplicationsController {
  @Get(':id')
  get() {
    return { api: true };
  }

  /** A list answer well over the 1 KB compression threshold. */
  @Get()
  list() {
    return { items: Array.from({ length: 200 }, (_, i) => ({ id: i, name: `申报单位 ${i}` })), total: 200, page: 1, pageSize: 200 };
  }
}

@Controller('public')
class FakePublicController {
  @Get('certificates/:number')
  certificate() {
    return { status: 'unknown' };
  }
}

// A real NestFactory app: ServeStaticModule picks its loader from the HTTP adapter, which a
// Test.createTestingModule() compile does not have yet.
@Module({ imports: [WebModule], controllers: [FakeApplicationsController, FakePublicController] })
class HostModule {}

const UUID = '3f0c8a8e-6a57-4a7c-9d2e-0b8f6f1f2a11';

async function boot(distDir: string, options: { compressed?: boolean } = {}): Promise<INestApplication> {
  process.env.WEB_DIST_DIR = distDir;
  const app = await NestFactory.create(HostModule, { logger: false });
  // As configureHttpApp mounts it for the API: before the routes and the static files.
  if (options.compressed) useCompression(app);
  await app.init();
  return app;
}

describe('WebModule', () => {
  let app: INestApplication | undefined;
  const dirs: string[] = [];
  afterEach(async () => {
    await app?.close();
    app = undefined;
    delete process.env.WEB_DIST_DIR;
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  function builtConsole(): string {
    const dir = mkdtempSync(join(tmpdir(), 'awardflow-web-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(dir, 'assets', 'index-abc.js'), 'console.log(1)');
    writeFileSync(join(dir, 'assets', 'big-abc.js'), `export const rows = ${JSON.stringify(Array.from({ length: 500 }, (_, i) => `row ${i}`))};`);
    writeFileSync(join(dir, 'assets', 'big-abc.css'), Array.from({ length: 200 }, (_, i) => `.c${i}{color:#333}`).join('\n'));
    return dir;
  }

  it('leaves the API prefixes to the API and sends everything else to the console', () => {
    for (const path of ['/', '/login', '/office/cycles/1', '/application/x', '/my/applications', '/docsx', '/reviewsfoo']) expect(SPA_ROUTES.test(path)).toBe(true);
    for (const path of ['/docs', '/docs/openapi.json', '/applications', '/applications/1', '/reviews/assignments', '/admin/queues', '/metrics', '/assets/x.js', '/objections/1/resolve']) {
      expect(SPA_ROUTES.test(path)).toBe(false);
    }
  });

  it('serves index.html at / and for deep links, assets with long caching, and API 404s as JSON', async () => {
    app = await boot(builtConsole());
    const http = request(app.getHttpServer());
    const root = await http.get('/').expect(200);
    expect(root.headers['content-type']).toMatch(/text\/html/);
    expect(root.headers['cache-control']).toBe('no-cache');
    expect(root.text).toContain('id="root"');
    const deep = await http.get('/office/cycles/123').expect(200);
    expect(deep.text).toContain('id="root"');
    const asset = await http.get('/assets/index-abc.js').expect(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    await http.get('/assets/missing.js').expect(404);
    const unknownApi = await http.get('/applications/1/nope').expect(404);
    expect(unknownApi.headers['content-type']).toMatch(/json/);
    expect((await http.get(`/applications/${UUID}`).expect(200)).body).toEqual({ api: true });
  });

  it('compresses JS, CSS and JSON over 1 KB (brotli or gzip as accepted), keeps hashed assets a year and revalidates index.html', async () => {
    app = await boot(builtConsole(), { compressed: true });
    const http = request(app.getHttpServer());
    const js = await http.get('/assets/big-abc.js').set('Accept-Encoding', 'gzip').expect(200);
    expect(js.headers['content-encoding']).toBe('gzip');
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(js.headers['vary']).toMatch(/Accept-Encoding/i);
    const css = await http.get('/assets/big-abc.css').set('Accept-Encoding', 'br, gzip').expect(200);
    expect(css.headers['content-encoding']).toBe('br');
    expect(css.headers['cache-control']).toContain('immutable');
    const json = await http.get('/applications').set('Accept-Encoding', 'gzip, deflate, br').expect(200);
    expect(json.headers['content-encoding']).toBe('br');
    const gzJson = await http.get('/applications').set('Accept-Encoding', 'gzip').expect(200);
    expect(gzJson.headers['content-encoding']).toBe('gzip');
    expect(gzJson.body.total).toBe(200);
    // Under the threshold: sent as it is.
    const small = await http.get('/assets/index-abc.js').set('Accept-Encoding', 'gzip').expect(200);
    expect(small.headers['content-encoding']).toBeUndefined();
    const index = await http.get('/office/cycles').set('Accept-Encoding', 'gzip').expect(200);
    expect(index.headers['cache-control']).toBe('no-cache');
  });

  it('sends a browser following a notification link to the console page, and never an API client', async () => {
    app = await boot(builtConsole());
    const http = request(app.getHttpServer());
    const html = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
    expect((await http.get(`/applications/${UUID}`).set('Accept', html).expect(302)).headers.location).toBe(`/application/${UUID}`);
    expect((await http.get('/reviews').set('Accept', html).expect(302)).headers.location).toBe('/expert/assignments');
    await http.get(`/applications/${UUID}`).set('Accept', html).set('Authorization', 'Bearer x').expect(200);
    await http.get(`/applications/${UUID}`).expect(200);
  });

  it('answers a browser opening a public page with the console, and the page its JSON at the same address', async () => {
    app = await boot(builtConsole());
    const http = request(app.getHttpServer());
    const html = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
    for (const path of ['/public', '/public/offices/yuzhong', '/public/publicity/abc', '/public/certificates/2026-YZ-A001', '/public/certificates/2026-YZ-A001?x=1']) {
      const page = await http.get(path).set('Accept', html).expect(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect(page.text).toContain('id="root"');
    }
    expect((await http.get('/public/certificates/2026-YZ-A001').set('Accept', 'application/json').expect(200)).body).toEqual({ status: 'unknown' });
    const unknown = await http.get('/public/nothing').set('Accept', 'application/json').expect(404);
    expect(unknown.headers['content-type']).toMatch(/json/);
    expect(SPA_ROUTES.test('/public/offices/x')).toBe(false);
  });

  it('boots without a build and says so at /', async () => {
    app = await boot(join(tmpdir(), 'awardflow-web-does-not-exist'));
    const http = request(app.getHttpServer());
    const res = await http.get('/').expect(503);
    expect(res.text).toContain('npm run build:web');
    await http.get('/login').expect(404);
    expect((await http.get(`/applications/${UUID}`).set('Accept', 'text/html').expect(200)).body).toEqual({ api: true });
  });
});
