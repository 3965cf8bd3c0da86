import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AllExceptionsFilter } from '../errors/all-exceptions.filter';
import { createValidationPipe } from '../errors/validation';

export interface HttpAppOptions {
  /** Serve the OpenAPI document at /docs (the API does; the worker's health port does not). */
  docs: boolean;
}

/** What every HTTP surface of ours shares: JSON logs, one error shape, strict DTO validation. */
export function configureHttpApp(app: INestApplication, options: HttpAppOptions): void {
  app.useLogger(app.get(Logger));
  const dataSource = app.get(DataSource);
  app.useGlobalFilters(new AllExceptionsFilter(() => dataSource.isInitialized));
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  if (options.docs) {
    const config = new DocumentBuilder()
      .setTitle('Awardflow API')
      .setDescription('质量奖评审工作流 — award cycles, applications, reviews, notifications')
      .setVersion('1')
      .addBearerAuth()
      .build();
    const document = SwaggerModule.createDocument(app, config);
    SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  }
}
