import { DynamicModule, INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ApiModule } from '../../apps/api/src/api.module';
import { WebModule } from '../../apps/api/src/web/web.module';
import { EnvironmentOverrides } from '../../libs/platform/src/config/config.module';
import { configureHttpApp } from '../../libs/platform/src/http/configure-http-app';
import { TestContext } from '../support/test-app';

export const ROOT = join(__dirname, '..', '..');
export const WEB_DIST = join(ROOT, 'apps', 'web', 'dist');
export const SCREENSHOTS = join(ROOT, 'test-results', 'web');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The console must be built (npm test builds it; `npx jest test/web` alone builds it here if missing). */
export function ensureWebBuild(): void {
  if (existsSync(join(WEB_DIST, 'index.html'))) return;
  execFileSync('npm', ['run', 'build:web'], { cwd: ROOT, stdio: 'inherit' });
}

export function ensureChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
  rmSync(SCREENSHOTS, { recursive: true, force: true });
  mkdirSync(SCREENSHOTS, { recursive: true });
}

/** The API with WebModule, as ApiModule is once it imports WebModule. */
@Module({})
class ConsoleHostModule {
  static forRoot(env: EnvironmentOverrides): DynamicModule {
    return { module: ConsoleHostModule, imports: [ApiModule.forRoot(env), WebModule] };
  }
}

export interface ConsoleServer {
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * A real port serving the API and the console at /. When ApiModule already imports WebModule the test
 * app itself is that server; until then a second API instance (same database, queues and worker) with
 * WebModule added serves the browser.
 */
export async function serveConsole(ctx: TestContext): Promise<ConsoleServer> {
  const root = await ctx.http.get('/');
  let app: INestApplication;
  let own = false;
  if (root.status === 200 && /text\/html/.test(root.headers['content-type'] ?? '')) {
    app = ctx.api;
  } else {
    app = await NestFactory.create(ConsoleHostModule.forRoot(ctx.env), { bufferLogs: true, abortOnError: false });
    configureHttpApp(app, { docs: true });
    own = true;
  }
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    close: async () => {
      if (own) await app.close();
    },
  };
}
