import 'reflect-metadata';
import { AppConfigService, exitOnConfigurationError, startAsRole, tellSupervisorReady } from '@awardflow/platform';
import { createApiApp } from './create-api-app';

async function main(): Promise<void> {
  exitOnConfigurationError();
  startAsRole('api');
  const app = await createApiApp();
  const port = app.get(AppConfigService).get('PORT');
  await app.listen(port, '0.0.0.0');
  tellSupervisorReady('api', port);
}

void main();
