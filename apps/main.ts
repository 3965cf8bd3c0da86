import 'reflect-metadata';
import { join } from 'node:path';
import { exitOnConfigurationError, validateEnvironment } from '@awardflow/platform';
import { supervise } from './supervise';

/**
 * `npm start` on one machine: the API and a worker as two processes, so notifications, the outbox relay
 * and mail do not take the API's event loop (production runs them as separate services). The
 * configuration is checked here first, so a bad value ends `npm start` with one line, not two.
 */
function main(): void {
  exitOnConfigurationError();
  const config = validateEnvironment(process.env);
  supervise(
    [
      { role: 'worker', script: join(__dirname, 'worker', 'src', 'main.js') },
      { role: 'api', script: join(__dirname, 'api', 'src', 'main.js') },
    ],
    {
      graceMs: 60_000,
      onAllReady: () => console.log(`Awardflow is up: API ${config.PUBLIC_BASE_URL} · docs ${config.PUBLIC_BASE_URL}/docs`),
    },
  );
}

main();
