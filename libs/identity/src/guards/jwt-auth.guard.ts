import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { IS_PUBLIC_KEY } from '@awardflow/platform';
import type { Request } from 'express';
import { AuthenticatedRequest } from '../decorators/current-user.decorator';
import { AuthService } from '../services/auth.service';

/** Global: every route needs a valid bearer token unless marked @Public(). */
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
    } catch {
      if (isPublic) return true;
      throw new UnauthorizedException('登录已失效，请重新登录');
    }
    return true;
  }
}

function bearerToken(request: Request): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim() || undefined;
  // EventSource and download links cannot set headers; they pass the token as a query parameter.
  const fromQuery = request.query?.access_token;
  return typeof fromQuery === 'string' && fromQuery ? fromQuery : undefined;
}
