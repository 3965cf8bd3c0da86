import { validateEnvironment } from './environment';

/** Checks the environment before anything starts: a bad value ends the process with one line. */
export function exitOnConfigurationError(raw: Record<string, unknown> = process.env): void {
  try {
    validateEnvironment(raw);
  } catch (error) {
    process.stderr.write(`Configuration error: ${(error as Error).message}\n`);
    process.exit(78); // EX_CONFIG
  }
}
