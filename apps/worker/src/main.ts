import 'reflect-metadata';
import { AppConfigService, exitOnConfigurationError, startAsRole, tellSupervisorReady } from '@awardflow/platform';
import { createWorkerApp } from './create-worker-app';

async function main(): Promise<void> {
  exitOnConfigurationError();
  startAsRole('worker');
  const app = await createWorkerApp();
  const port = app.get(AppConfigService).get('WORKER_HEALTH_PORT');
  await app.listen(port, '0.0.0.0');
  tellSupervisorReady('worker', port);
}

void main();
