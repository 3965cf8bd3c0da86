import { TEMPLATE_ENV, withServer } from './test-database';

export default async function globalTeardown(): Promise<void> {
  const template = process.env[TEMPLATE_ENV];
  if (!template) return;
  await withServer((c) => c.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`));
}
