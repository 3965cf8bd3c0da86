import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { applyTrustProxy, configureHttpApp, EnvironmentOverrides } from '@awardflow/platform';
import { ApiModule } from './api.module';

export async function createApiApp(env: EnvironmentOverrides = {}): Promise<INestApplication> {
  const app = await NestFactory.create(ApiModule.forRoot(env), { bufferLogs: true, abortOnError: false });
  configureHttpApp(app, { docs: true });
  applyTrustProxy(app);
  return app;
}
