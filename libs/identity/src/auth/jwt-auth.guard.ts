import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { IS_PUBLIC_KEY } from '@awardflow/platform';
import type { Request } from 'express';
import { AuthenticatedRequest } from './current-user.decorator';
import { AuthService } from './auth.service';

/**
 * Global: every route needs a valid bearer token unless marked @Public(). The token is read from
 * the Authorization header only, never from the URL, where it would end up in access logs,
 * browser history and Referer headers.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, [context.getHandler(), context.getClass()]);
    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const token = bearerToken(request);
    if (!token) {
      if (isPublic) return true;
      throw new UnauthorizedException('请先登录');
    }
    try {
      request.user = await this.auth.verify(token);
    } catch (error) {
      if (isPublic && error instanceof UnauthorizedException) return true;
      throw error;
    }
    return true;
  }
}

function bearerToken(request: Request): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim() || undefined;
  return undefined;
}
