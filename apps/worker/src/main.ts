import 'reflect-metadata';
import { AppConfigService, exitOnConfigurationError } from '@awardflow/platform';
import { createWorkerApp } from './create-worker-app';

async function main(): Promise<void> {
  exitOnConfigurationError();
  const app = await createWorkerApp();
  await app.listen(app.get(AppConfigService).get('WORKER_HEALTH_PORT'), '0.0.0.0');
}

void main();
