import { ForbiddenException, HttpException, HttpStatus, Injectable, Module, UnauthorizedException } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { AuthService, AuthUser, IdentityCoreModule, Role } from '@awardflow/identity';
import { AppConfigService } from '@awardflow/platform';

/** The challenge a browser answers with its username/password dialog. */
export const QUEUE_BOARD_CHALLENGE = 'Basic realm="Awardflow queues"';

/** A verified Basic credential is trusted this long: the board loads assets and polls every few seconds. */
const BASIC_CACHE_MS = 60_000;
const BASIC_CACHE_MAX = 200;

type Middleware = (req: Request, res: Response, next: NextFunction) => Promise<void>;

/**
 * Guards Bull Board's express router, which Nest's global guards never see: admins only, by
 * `Authorization: Bearer <JWT>` (the API's own tokens) or HTTP Basic with an admin's username and
 * password (checked by the same AuthService as /auth/login, so a browser can open the board).
 */
@Injectable()
export class QueueBoardAuth {
  private readonly basic = new Map<string, { token: Promise<string>; until: number }>();
  private readonly failures = new Map<string, { count: number; since: number }>();

  constructor(
    private readonly auth: AuthService,
    private readonly config: AppConfigService,
  ) {}

  middleware(): Middleware {
    return async (req, res, next) => {
      let user: AuthUser;
      try {
        user = await this.authenticate(req.headers.authorization, req.ip ?? req.socket.remoteAddress ?? 'unknown');
      } catch (error) {
        if (error instanceof UnauthorizedException) res.setHeader('WWW-Authenticate', QUEUE_BOARD_CHALLENGE);
        throw error;
      }
      if (user.role !== Role.Admin) throw new ForbiddenException('队列看板只供评奖办公室使用');
      next();
    };
  }

  /** The caller, or UnauthorizedException (no or bad credentials) / 429 (too many wrong passwords). */
  async authenticate(header: string | undefined, client: string): Promise<AuthUser> {
    const [scheme, value] = splitAuthorization(header);
    if (scheme === 'bearer' && value) return this.bearerUser(value);
    if (scheme === 'basic' && value) return this.basicUser(value, client);
    throw new UnauthorizedException('请以评奖办公室账号登录（用户名和密码，或登录令牌）');
  }

  private basicUser(encoded: string, client: string): Promise<AuthUser> {
    const key = createHash('sha256').update(encoded).digest('hex');
    const now = Date.now();
    const cached = this.basic.get(key);
    // Only the password check is remembered: the user is read afresh on every request, so a disabled
    // or demoted admin loses the board at once.
    if (cached && cached.until > now) {
      return cached.token
        .then((token) => this.bearerUser(token))
        .catch((error: unknown) => {
          // A revoked session (the password changed, the account was disabled): sign in again next time.
          if (error instanceof UnauthorizedException) this.basic.delete(key);
          throw error;
        });
    }
    this.basic.delete(key);

    // Same budget as POST /auth/login: this is another way to try passwords.
    const failures = this.failures.get(client);
    if (failures && now - failures.since < this.failureWindowMs() && failures.count >= this.config.get('LOGIN_RATE_LIMIT_PER_MINUTE')) {
      throw new HttpException('登录失败次数过多，请一分钟后再试', HttpStatus.TOO_MANY_REQUESTS);
    }

    const decoded = Buffer.from(encoded, 'base64').toString('utf8');
    const separator = decoded.indexOf(':');
    if (separator <= 0) return Promise.reject(new UnauthorizedException('登录凭据格式不正确'));
    // One verification for the burst of requests a page load makes; forgotten again on failure.
    const token = this.auth
      .login(decoded.slice(0, separator), decoded.slice(separator + 1))
      .then((issued) => issued.accessToken)
      .catch((error: unknown) => {
        this.basic.delete(key);
        if (error instanceof UnauthorizedException) this.countFailure(client);
        throw error;
      });
    if (this.basic.size >= BASIC_CACHE_MAX) this.basic.delete(this.basic.keys().next().value!);
    this.basic.set(key, { token, until: now + BASIC_CACHE_MS });
    return token.then((value) => this.bearerUser(value));
  }

  private async bearerUser(token: string): Promise<AuthUser> {
    try {
      return await this.auth.verify(token);
    } catch (error) {
      if (error instanceof UnauthorizedException) throw new UnauthorizedException('The access token is invalid or has expired');
      throw error;
    }
  }

  /** The sign-in limits' window (RATE_LIMIT_WINDOW_SECONDS): the same budget as POST /auth/login. */
  private failureWindowMs(): number {
    return this.config.get('RATE_LIMIT_WINDOW_SECONDS') * 1000;
  }

  private countFailure(client: string): void {
    const now = Date.now();
    const entry = this.failures.get(client);
    if (!entry || now - entry.since >= this.failureWindowMs()) this.failures.set(client, { count: 1, since: now });
    else entry.count += 1;
    if (this.failures.size > 10_000) {
      for (const [address, value] of this.failures) if (now - value.since >= this.failureWindowMs()) this.failures.delete(address);
    }
  }
}

function splitAuthorization(header: string | undefined): [string | undefined, string | undefined] {
  if (!header) return [undefined, undefined];
  const space = header.indexOf(' ');
  if (space < 0) return [header.toLowerCase(), undefined];
  return [header.slice(0, space).toLowerCase(), header.slice(space + 1).trim() || undefined];
}

/** Imported by BullBoardModule.forRootAsync so its options factory can build the middleware. */
@Module({
  imports: [IdentityCoreModule],
  providers: [QueueBoardAuth],
  exports: [QueueBoardAuth],
})
export class QueueBoardAuthModule {}
