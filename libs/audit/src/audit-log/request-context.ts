import { Injectable, NestMiddleware } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
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

/**
 * Runs the rest of each HTTP request inside its context. A middleware rather than an interceptor:
 * the user is read when asked for (the guard sets it on the same request later), and an
 * interceptor costs an rxjs Observable and Nest's async-resource binding on every request.
 */
@Injectable()
export class RequestContextMiddleware implements NestMiddleware {
  use(request: RequestFacts, _response: unknown, next: () => void): void {
    RequestContext.run(request, next);
  }
}
