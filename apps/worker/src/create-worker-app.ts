import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { configureHttpApp, EnvironmentOverrides } from '@awardflow/platform';
import { WorkerModule } from './worker.module';

export async function createWorkerApp(env: EnvironmentOverrides = {}): Promise<INestApplication> {
  const app = await NestFactory.create(WorkerModule.forRoot(env), { bufferLogs: true, abortOnError: false });
  configureHttpApp(app, { docs: false });
  return app;
}
