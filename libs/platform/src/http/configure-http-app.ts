import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AllExceptionsFilter } from '../errors/all-exceptions.filter';
import { createValidationPipe } from '../errors/validation';
import { useBodyParsers } from './body-parsers';
import { useCompression } from './compression';
import { BEARER_SCHEME, operationIdOf, stateOperationSecurity } from './openapi-security';
import { useSecurityHeaders } from './security-headers';
import { StorableInputPipe } from './storable-input.pipe';

export interface HttpAppOptions {
  /** Serve the OpenAPI document at /docs (the API does; the worker's health port does not). */
  docs: boolean;
}

/** The scheme of GET /metrics' own token (METRICS_TOKEN), which is not a user's JWT. */
export const METRICS_TOKEN_SCHEME = 'metricsToken';

/**
 * The API's OpenAPI document, from the controllers' decorators alone: the console's types are
 * generated from it at build time, with no database or Redis (scripts/openapi.ts).
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Awardflow API')
    .setDescription('质量奖评审工作流 — award cycles, applications, reviews, notifications')
    .setVersion('1')
    .addBearerAuth(undefined, BEARER_SCHEME)
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'METRICS_TOKEN, for GET /metrics only' }, METRICS_TOKEN_SCHEME)
    .build();
  const document = SwaggerModule.createDocument(app, config, { operationIdFactory: operationIdOf });
  stateOperationSecurity(app, document);
  return document;
}

/**
 * What every HTTP surface of ours shares: security headers, compressed answers, bounded body parsing, JSON logs, one
 * error shape, input Postgres can store, strict DTO validation. Call before init: the body parsers
 * must be mounted before Nest would mount its own.
 */
export function configureHttpApp(app: INestApplication, options: HttpAppOptions): void {
  app.useLogger(app.get(Logger));
  useSecurityHeaders(app);
  useCompression(app);
  useBodyParsers(app);
  const dataSource = app.get(DataSource);
  app.useGlobalFilters(new AllExceptionsFilter(() => dataSource.isInitialized));
  app.useGlobalPipes(new StorableInputPipe(), createValidationPipe());
  app.enableShutdownHooks();
  if (options.docs) {
    const document = createOpenApiDocument(app);
    SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  }
}
