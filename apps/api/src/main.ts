import 'reflect-metadata';
import { AppConfigService, exitOnConfigurationError } from '@awardflow/platform';
import { createApiApp } from './create-api-app';

async function main(): Promise<void> {
  exitOnConfigurationError();
  const app = await createApiApp();
  await app.listen(app.get(AppConfigService).get('PORT'), '0.0.0.0');
}

void main();
