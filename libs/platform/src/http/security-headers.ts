import { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

/**
 * What the console (and /docs, Bull Board) needs and nothing more: scripts only from this origin;
 * styles also inline, because Ant Design injects its CSS-in-JS as <style> elements at run time and
 * Mermaid's SVG carries its own <style>; images also as data: URIs (the favicon, Swagger UI's icons).
 * No plugins, no framing by anyone, forms and <base> only to this origin.
 */
export const CONTENT_SECURITY_POLICY: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/**
 * Responses are not kept by browsers or proxies unless a handler says otherwise (the console's
 * hashed assets and index.html set their own Cache-Control): API answers carry personal data.
 */
function noStoreByDefault(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Cache-Control', 'no-store');
  next();
}

/** Helmet's headers with our CSP (no upgrade-insecure-requests: offices run it on plain HTTP intranets too). */
export function useSecurityHeaders(app: INestApplication): void {
  app.use(
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
    }),
  );
  app.use(noStoreByDefault);
}
