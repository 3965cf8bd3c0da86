import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import { Observable } from 'rxjs';
import { AuditActor } from './audit-entry';

/** The parts of an Express request the audit reads: the address and the user the guard signed in. */
interface RequestFacts {
  ip?: string;
  user?: { id: string; role: string; officeIds?: string[] };
}

const storage = new AsyncLocalStorage<RequestFacts>();

/**
 * The request being served, reachable from any service it calls without threading `req` through
 * every signature. The user is read when asked for, so the value the guard set is what counts.
 */
export const RequestContext = {
  run<T>(request: RequestFacts, fn: () => T): T {
    return storage.run(request, fn);
  },

  actor(): AuditActor | undefined {
    const user = storage.getStore()?.user;
    return user ? { id: user.id, role: user.role, officeIds: user.officeIds ?? [] } : undefined;
  },

  /** The client's address as Express sees it (behind a proxy: as the trusted-proxy setting says). */
  clientIp(): string | null {
    return storage.getStore()?.ip ?? null;
  },
};

/** Runs each HTTP handler inside its request's context (after the guards, so the user is known). */
@Injectable()
export class RequestContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<RequestFacts>();
    // next.handle() binds the handler to the async context it is called in: call it inside run().
    return new Observable((subscriber) =>
      RequestContext.run(request, () => {
        const subscription = next.handle().subscribe(subscriber);
        return () => subscription.unsubscribe();
      }),
    );
  }
}
