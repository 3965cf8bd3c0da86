import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { Observable, tap } from 'rxjs';
import { ApplicationDto } from './application.dto';

/** An answer that is one application (not a page of them, not a pointer to one). */
export function isApplicationDto(body: unknown): body is ApplicationDto {
  if (typeof body !== 'object' || body === null) return false;
  const b = body as Partial<ApplicationDto>;
  return typeof b.id === 'string' && Number.isInteger(b.version) && typeof b.state === 'string' && Array.isArray(b.availableActions);
}

/**
 * Every answer that is an application carries its version as the ETag — the value to send back
 * as If-Match — whichever route wrote or read it, so no route can fall back to Express's body
 * hash (which If-Match would never match). The version is the validator, not the bytes: the
 * answer is also never to be stored.
 */
@Injectable()
export class ApplicationVersionETag implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      tap((body) => {
        if (!isApplicationDto(body)) return;
        const response = context.switchToHttp().getResponse<Response>();
        response.setHeader('ETag', `"${body.version}"`);
        response.setHeader('Cache-Control', 'no-store');
      }),
    );
  }
}
