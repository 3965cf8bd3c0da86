import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { TestContext } from '../support/test-app';

export const ROOT = join(__dirname, '..', '..');
export const WEB_DIST = join(ROOT, 'apps', 'web', 'dist');
export const SCREENSHOTS = join(ROOT, 'test-results', 'web');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/**
 * The bound on one browser action or expectation (page.setDefaultTimeout). A bound, not a wait: a
 * click answers in well under a second on a quiet machine, but with the suite, two busy loops and a
 * second suite beside it (load average 30 and more on two cores) a page took over a minute to draw.
 */
export const PAGE_TIMEOUT = 180_000;

/** The newest modification time under a directory (0 when it does not exist). */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs);
}

/**
 * The console must be built (npm test builds it); `npx jest test/web` alone builds it here when it is
 * missing or older than its sources, so the browser never tests a stale build.
 */
export function ensureWebBuild(): void {
  const index = join(WEB_DIST, 'index.html');
  const web = join(ROOT, 'apps', 'web');
  const sources = Math.max(newest(join(web, 'src')), newest(join(web, 'index.html')), newest(join(web, 'vite.config.mts')));
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  // Jest sets NODE_ENV=test, which Vite would honour with a development build (React's dev warnings
  // and a bigger bundle): build for production, as npm run build does.
  execFileSync('npm', ['run', 'build:web'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}

export function ensureChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
}

/**
 * A spec's own screenshot folder under SCREENSHOTS, emptied: each spec clears only its own, so the
 * screenshots of every browser spec of a run are kept side by side.
 */
export function screenshotFolder(name: string): string {
  const folder = join(SCREENSHOTS, name);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  return folder;
}

export interface ConsoleServer {
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * A real port serving the API and the console at /: ApiModule imports WebModule, so the test app
 * itself is that server (ctx.close() closes it).
 */
export async function serveConsole(ctx: TestContext): Promise<ConsoleServer> {
  const root = await ctx.http.get('/');
  if (root.status !== 200 || !/text\/html/.test(root.headers['content-type'] ?? '')) {
    throw new Error(`GET / did not serve the console (${root.status} ${root.headers['content-type']}): is apps/web/dist built?`);
  }
  await ctx.api.listen(0, '127.0.0.1');
  const address = ctx.api.getHttpServer().address() as { port: number };
  return { baseUrl: `http://127.0.0.1:${address.port}`, close: async () => undefined };
}

/** Debian's Chromium, headless, as every browser spec starts it. */
export function launchChromium(): Promise<Browser> {
  ensureChromium();
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

export interface ScreenSize {
  width: number;
  height: number;
}
export const DESKTOP: ScreenSize = { width: 1400, height: 1000 };
export const PHONE: ScreenSize = { width: 390, height: 844 };

/**
 * The specs' users have asked their system for less motion: the console then opens and closes its
 * dialogs, drawers and menus without sliding or fading (enterprise.browser-spec shows both ways), so
 * no step waits on an animation.
 */
export const REDUCED_MOTION = { reducedMotion: 'reduce' } as const;

/**
 * A browser context as the console's users have one: Chinese, in Beijing (or the zone given: the
 * console must show Beijing time from anywhere), a desktop screen unless told; a phone's width is a
 * touch screen at twice the density.
 */
export function consoleContext(browser: Browser, options: { viewport?: ScreenSize; timezoneId?: string; acceptDownloads?: boolean } = {}): Promise<BrowserContext> {
  const viewport = options.viewport ?? DESKTOP;
  return browser.newContext({
    ...REDUCED_MOTION,
    locale: 'zh-CN',
    timezoneId: options.timezoneId ?? 'Asia/Shanghai',
    viewport,
    acceptDownloads: options.acceptDownloads ?? true,
    ...(viewport.width < 500 ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
  });
}

/** A new page of the context, bounded by PAGE_TIMEOUT. */
export async function consolePage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(PAGE_TIMEOUT);
  return page;
}

/**
 * Signs in through the login form and waits until the console is up: the user's name in the header,
 * or on a phone (where the name sits in the menu drawer) the menu button.
 */
export async function signIn(page: Page, baseUrl: string, who: { username: string; password: string }): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名').fill(who.username);
  await page.getByLabel('密码').fill(who.password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.locator('[data-testid="current-user"], [data-testid="menu-button"]').first().waitFor();
}

/**
 * A browser spec's afterAll: closes whatever its beforeAll got as far as opening (any of it may be
 * missing when the setup failed), the pages' contexts first, the app last.
 */
export async function closeSpec(opened: { contexts?: BrowserContext[]; browser?: Browser; server?: ConsoleServer; ctx?: TestContext }): Promise<void> {
  for (const c of opened.contexts ?? []) await c.close().catch(() => undefined);
  await opened.browser?.close();
  await opened.server?.close();
  await opened.ctx?.close();
}
