import 'reflect-metadata';
import { AppConfigService, exitOnConfigurationError } from '@awardflow/platform';
import { createApiApp } from './api/src/create-api-app';
import { createWorkerApp } from './worker/src/create-worker-app';

/** One machine, one process: the API and a worker side by side (production runs them apart). */
async function main(): Promise<void> {
  exitOnConfigurationError();
  const worker = await createWorkerApp();
  await worker.listen(worker.get(AppConfigService).get('WORKER_HEALTH_PORT'), '0.0.0.0');
  const api = await createApiApp();
  const config = api.get(AppConfigService);
  await api.listen(config.get('PORT'), '0.0.0.0');
  console.log(`Awardflow is up: API ${config.get('PUBLIC_BASE_URL')} · docs ${config.get('PUBLIC_BASE_URL')}/docs`);
}

void main();
