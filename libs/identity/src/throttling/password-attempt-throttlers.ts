import { ExecutionContext, SetMetadata } from '@nestjs/common';
import { ThrottlerOptions } from '@nestjs/throttler';
import { createHash } from 'node:crypto';

const PASSWORD_ATTEMPT_KEY = 'awardflow:passwordAttempt';

/**
 * Marks a route where a password is tried (sign-in, password change): it gets the login limits.
 * By handler, not by path, so `/AUTH/login/` (Express routes are case-insensitive) is limited too.
 */
export const PasswordAttempt = (): MethodDecorator => SetMetadata(PASSWORD_ATTEMPT_KEY, true);

const isPasswordAttempt = (context: ExecutionContext): boolean =>
  context.getType() === 'http' && Reflect.getMetadata(PASSWORD_ATTEMPT_KEY, context.getHandler()) === true;

interface RequestLike {
  body?: { username?: unknown };
  headers?: { authorization?: string };
}

/** The account an attempt is against: the username tried, or for a signed-in caller its token. */
function accountTracker(req: RequestLike): string {
  const username = req.body?.username;
  if (typeof username === 'string') return `user:${username.trim().toLowerCase()}`;
  return `token:${createHash('sha256').update(req.headers?.authorization ?? '').digest('base64url')}`;
}

/** The names of the password-attempt throttlers: counted across the API replicas (SharedThrottlerStorage). */
export const PASSWORD_ATTEMPT_THROTTLERS = ['login', 'login-account'] as const;

/**
 * Two limits on password attempts, each counted over the window (a minute unless configured): per client address (req.ip, which follows
 * X-Forwarded-For only from proxies TRUST_PROXY names), and per account whatever the address, so a
 * guesser spreading its attempts over many addresses still gets only a handful per account.
 */
export function passwordAttemptThrottlers(limits: { perAddress: number; perAccount: number; windowMs: number }): ThrottlerOptions[] {
  return [
    { name: PASSWORD_ATTEMPT_THROTTLERS[0], ttl: limits.windowMs, limit: limits.perAddress, skipIf: (context) => !isPasswordAttempt(context) },
    { name: PASSWORD_ATTEMPT_THROTTLERS[1], ttl: limits.windowMs, limit: limits.perAccount, skipIf: (context) => !isPasswordAttempt(context), getTracker: accountTracker },
  ];
}
