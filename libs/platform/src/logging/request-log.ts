import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LevelWithSilent } from 'pino';
import { startTime } from 'pino-http';

/** At or past this, a successful request still gets its line at info. */
export const SLOW_REQUEST_MS = 1000;

/**
 * The level of a request's own line. Failures always get one (5xx and errors at error, 4xx and
 * requests the client gave up on at warn), and so does a slow success (info); any other success
 * only when debug is on. Otherwise 'silent', which makes pino-http skip building the line at all:
 * writing one JSON line per request cost about 7 % of the API's CPU under load.
 */
export function requestLogLevel(debug: boolean) {
  const fastSuccess: LevelWithSilent = debug ? 'debug' : 'silent';
  return (_req: IncomingMessage, res: ServerResponse, err?: Error): LevelWithSilent => {
    if (err || res.statusCode >= 500) return 'error';
    if (res.statusCode >= 400 || !res.writableEnded) return 'warn';
    const started = (res as ServerResponse & { [startTime]?: number })[startTime];
    if (started !== undefined && Date.now() - started >= SLOW_REQUEST_MS) return 'info';
    return fastSuccess;
  };
}

/**
 * The request as every line logged while serving it carries it. pino binds it to a child logger for
 * each request up front, whatever the level, so below debug it is the few fields a failure needs
 * (the headers, query and params were most of that per-request cost); at debug, pino's whole request.
 */
export function slimRequest(req: IncomingMessage & { id?: unknown; originalUrl?: string }): Record<string, unknown> {
  return { id: req.id, method: req.method, url: req.originalUrl ?? req.url, remoteAddress: req.socket?.remoteAddress };
}

export function isDebugOrFiner(level: string): boolean {
  return level === 'debug' || level === 'trace';
}
