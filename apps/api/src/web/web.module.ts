import { Controller, Get, Injectable, MiddlewareConsumer, Module, NestMiddleware, NestModule, RequestMethod, Res } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { ApiExcludeController } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { Public } from '@awardflow/platform';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The API's own first path segments: never answered with the console's index.html, so unknown API
 * paths stay JSON 404s. `assets` is here too: a missing hashed chunk must be a 404, not HTML.
 */
export const API_PREFIXES = ['docs', 'health', 'auth', 'users', 'organizations', 'cycles', 'awards', 'applications', 'reviews', 'notifications', 'admin', 'objections', 'metrics', 'public'];
const NOT_SPA = [...API_PREFIXES, 'assets'];

/** Every GET path except the API's (and /assets): the SPA fallback answers these with index.html. */
export const SPA_ROUTES = new RegExp(`^/(?!(?:${NOT_SPA.join('|')})(?:/|$)).*`);

/**
 * Where the built console is: WEB_DIST_DIR if set, else the nearest apps/web/dist above this file
 * (works from apps/api/src/web under ts-jest and from dist/apps/api/src/web when built).
 * null when there is no build (the API still boots; / says how to build it).
 */
export function webDistDir(): string | null {
  const explicit = process.env.WEB_DIST_DIR;
  if (explicit) return existsSync(join(explicit, 'index.html')) ? resolve(explicit) : null;
  let dir = __dirname;
  for (let i = 0; i < 10; i++) {
    const candidate = join(dir, 'apps', 'web', 'dist');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return null;
}

function setCacheHeaders(res: Response, path: string): void {
  // Hashed chunks never change; index.html must be revalidated so a new build is picked up.
  res.setHeader('Cache-Control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
}

const NOT_BUILT = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>Awardflow</title>
<body style="font-family:sans-serif;padding:2em"><h1>控制台尚未构建</h1>
<p>The web console has not been built: run <code>npm run build:web</code> (or <code>npm run build</code>) and restart.</p>
<p>API documentation: <a href="/docs">/docs</a></p></body></html>`;

/** GET / — the console's index.html, or a page saying it is not built (the API works either way). */
@ApiExcludeController()
@Public()
@SkipThrottle()
@Controller()
export class WebRootController {
  @Get()
  root(@Res() res: Response): void {
    const dir = webDistDir();
    if (!dir) {
      res.status(503).type('html').setHeader('Cache-Control', 'no-store').send(NOT_BUILT);
      return;
    }
    const index = join(dir, 'index.html');
    setCacheHeaders(res, index);
    res.sendFile(index);
  }
}

/**
 * Notification mails link to `${PUBLIC_BASE_URL}/applications/:id` and `/reviews`, which are API
 * routes. A browser following such a link (a GET that accepts HTML and carries no credentials) is
 * sent to the console's page for it; API clients are never redirected.
 */
@Injectable()
export class BrowserLinkRedirect implements NestMiddleware {
  use(req: Request, res: Response, next: NextFunction): void {
    const path = req.originalUrl.split('?')[0];
    const browser = (req.method === 'GET' || req.method === 'HEAD') && !req.headers.authorization && (req.headers.accept ?? '').includes('text/html');
    if (browser && webDistDir()) {
      const application = /^\/applications\/([0-9a-fA-F-]{36})\/?$/.exec(path);
      if (application) return res.redirect(302, `/application/${application[1]}`);
      if (/^\/reviews\/?$/.test(path)) return res.redirect(302, '/expert/assignments');
    }
    next();
  }
}

/**
 * The public pages share their paths with the public API (`/public/certificates/:number` is both the
 * page a certificate's QR code opens and the JSON the page reads): a browser navigating there (a GET
 * that accepts HTML, without credentials) gets the console, which then fetches the JSON.
 */
@Injectable()
export class PublicPageFallback implements NestMiddleware {
  use(req: Request, res: Response, next: NextFunction): void {
    const navigation = (req.method === 'GET' || req.method === 'HEAD') && !req.headers.authorization && (req.headers.accept ?? '').includes('text/html');
    const dir = navigation ? webDistDir() : null;
    if (!dir) return next();
    const index = join(dir, 'index.html');
    setCacheHeaders(res, index);
    res.sendFile(index);
  }
}

/**
 * Serves the built web console (apps/web/dist) at / with the SPA fallback: any GET outside the API's
 * prefixes gets index.html, so deep links like /office/cycles/:id load the app. Static files come after
 * the API's routes, so no API route is ever shadowed.
 */
@Module({
  imports: [
    ServeStaticModule.forRootAsync({
      useFactory: () => {
        const rootPath = webDistDir();
        if (!rootPath) return [];
        return [
          {
            rootPath,
            renderPath: SPA_ROUTES,
            serveStaticOptions: { index: false, setHeaders: setCacheHeaders, fallthrough: true },
          },
        ];
      },
    }),
  ],
  controllers: [WebRootController],
  providers: [BrowserLinkRedirect, PublicPageFallback],
})
export class WebModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(BrowserLinkRedirect).forRoutes({ path: 'applications/:id', method: RequestMethod.GET }, { path: 'reviews', method: RequestMethod.GET });
    // '/public' itself too: the console's page to choose an office.
    consumer.apply(PublicPageFallback).forRoutes({ path: 'public', method: RequestMethod.GET }, { path: 'public/*path', method: RequestMethod.GET });
  }
}
