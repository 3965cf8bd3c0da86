import { INestApplication, Type } from '@nestjs/common';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { DECORATORS, OpenAPIObject } from '@nestjs/swagger';
import { IS_PUBLIC_KEY } from './public.decorator';

/** The scheme DocumentBuilder.addBearerAuth() registers: the users' JWTs. */
export const BEARER_SCHEME = 'bearer';

type SecurityRequirement = Record<string, string[]>;

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** How the document names an operation; passed to it as its operationIdFactory so both sides agree. */
export const operationIdOf = (controller: string, method: string): string => `${controller}_${method}`;

/**
 * Writes each operation's `security` from the same @Public() metadata the JWT guard reads: the
 * bearer scheme for guarded routes, `[]` (nothing needed) for public ones, unless a public route
 * declares a scheme of its own with @ApiSecurity (/metrics and its METRICS_TOKEN).
 */
export function stateOperationSecurity(app: INestApplication, document: OpenAPIObject): void {
  const security = securityOfRoutes(app);
  for (const item of Object.values(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      // An operation we cannot trace to a handler is guarded: that is the guard's default too.
      if (operation) operation.security = security.get(operation.operationId ?? '') ?? [{ [BEARER_SCHEME]: [] }];
    }
  }
}

function securityOfRoutes(app: INestApplication): Map<string, SecurityRequirement[]> {
  const reflector = new Reflector();
  const scanner = new MetadataScanner();
  const security = new Map<string, SecurityRequirement[]>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller?.prototype) continue;
      for (const method of scanner.getAllMethodNames(controller.prototype)) {
        const handler = controller.prototype[method] as (...args: unknown[]) => unknown;
        const isPublic = reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC_KEY, [handler, controller]) === true;
        const declared = Reflect.getMetadata(DECORATORS.API_SECURITY, handler) as SecurityRequirement[] | undefined;
        security.set(operationIdOf(controller.name, method), isPublic ? (declared ?? []) : [{ [BEARER_SCHEME]: [] }]);
      }
    }
  }
  return security;
}
