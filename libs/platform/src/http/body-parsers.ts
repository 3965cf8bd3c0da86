import { INestApplication } from '@nestjs/common';
import { json, urlencoded } from 'express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { exceedsJsonDepth } from './json-depth';

/** The largest JSON or form body: a full application form (a 30 000-character 自评 included) is a fraction of it. */
export const BODY_LIMIT_BYTES = 1024 * 1024;
/** Forms, rules and payloads nest a handful of levels; far deeper is an attack on the recursive validators. */
export const MAX_JSON_DEPTH = 32;

/** What a body parser refused, with the facts a client can act on. The exception filter words it. */
export class RequestBodyError extends Error {
  override name = 'RequestBodyError';

  constructor(
    /** body-parser's error type ('entity.too.large', 'encoding.unsupported', …) or ours ('entity.too.deep', 'encoding.failed'). */
    readonly type: string,
    readonly status: number,
    readonly facts: { limit?: number; encoding?: string; charset?: string; maxDepth?: number } = {},
  ) {
    super(type);
  }

  static from(error: unknown, req: Request): RequestBodyError {
    const e = (error ?? {}) as { type?: string; status?: number; limit?: number; encoding?: string; charset?: string; maxDepth?: number };
    const status = typeof e.status === 'number' ? e.status : 400;
    const encoding = String(req.headers['content-encoding'] ?? 'identity').toLowerCase();
    // A decompression stream that fails (gzip header, garbage after it) reaches us without a type.
    const type = e.type ?? (encoding !== 'identity' && status === 400 ? 'encoding.failed' : 'body.unreadable');
    return new RequestBodyError(type, status, {
      limit: e.limit,
      encoding: type.startsWith('encoding.') ? (e.encoding ?? encoding) : undefined,
      charset: e.charset,
      maxDepth: e.maxDepth ?? (type === 'querystring.parse.rangeError' ? MAX_JSON_DEPTH : undefined),
    });
  }
}

/** Thrown from body-parser's `verify`, after inflating and before JSON.parse. */
function checkJsonBody(_req: Request, _res: Response, body: Buffer, encoding: string | null): void {
  if (encoding !== 'utf-8') {
    throw Object.assign(new Error('unsupported charset'), { type: 'charset.unsupported', status: 415, charset: encoding ?? 'binary' });
  }
  if (exceedsJsonDepth(body, MAX_JSON_DEPTH)) {
    throw Object.assign(new Error('too deep'), { type: 'entity.too.deep', status: 400, maxDepth: MAX_JSON_DEPTH });
  }
}

/**
 * Hands every parser error on as a RequestBodyError: Nest would otherwise turn a JSON SyntaxError
 * into an English 400 and leave every other one (413, 415) to become a 500.
 */
function reportingErrors(parser: RequestHandler, name: string): RequestHandler {
  const handler = (req: Request, res: Response, next: NextFunction) => parser(req, res, (error?: unknown) => next(error === undefined ? undefined : RequestBodyError.from(error, req)));
  // Nest adds its own parsers at init unless one of these names is already mounted.
  Object.defineProperty(handler, 'name', { value: name });
  return handler;
}

/** JSON (UTF-8, at most BODY_LIMIT_BYTES inflated, at most MAX_JSON_DEPTH deep) and urlencoded forms. */
export function useBodyParsers(app: INestApplication): void {
  app.use(reportingErrors(json({ limit: BODY_LIMIT_BYTES, verify: checkJsonBody }), 'jsonParser'));
  // `depth` is body-parser 2's (nesting of a[b][c]); the typings predate it.
  const formOptions = { limit: BODY_LIMIT_BYTES, extended: true, depth: MAX_JSON_DEPTH };
  app.use(reportingErrors(urlencoded(formOptions), 'urlencodedParser'));
}
