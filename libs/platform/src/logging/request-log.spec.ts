import type { ServerResponse } from 'node:http';
import { startTime } from 'pino-http';
import { requestLogLevel, SLOW_REQUEST_MS, slimRequest } from './request-log';

const res = (statusCode: number, tookMs = 5, writableEnded = true) =>
  ({ statusCode, writableEnded, [startTime]: Date.now() - tookMs }) as unknown as ServerResponse;
const req = {} as never;

describe('requestLogLevel', () => {
  it('logs failures whatever the level: 5xx and errors at error, 4xx and aborted requests at warn', () => {
    const level = requestLogLevel(false);
    expect(level(req, res(500))).toBe('error');
    expect(level(req, res(200), new Error('boom'))).toBe('error');
    expect(level(req, res(404))).toBe('warn');
    expect(level(req, res(200, 5, false))).toBe('warn');
  });

  it('writes no line for a fast success unless debug is on, and an info line for a slow one', () => {
    expect(requestLogLevel(false)(req, res(200))).toBe('silent');
    expect(requestLogLevel(true)(req, res(201))).toBe('debug');
    expect(requestLogLevel(false)(req, res(200, SLOW_REQUEST_MS + 10))).toBe('info');
  });
});

describe('slimRequest', () => {
  it('keeps what a failure needs and leaves the headers out', () => {
    const raw = { id: 'r1', method: 'POST', originalUrl: '/auth/login', url: '/login', headers: { authorization: 'Bearer x' }, socket: { remoteAddress: '10.0.0.1' } };
    expect(slimRequest(raw as never)).toEqual({ id: 'r1', method: 'POST', url: '/auth/login', remoteAddress: '10.0.0.1' });
  });
});
