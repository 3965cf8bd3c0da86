import { writeFileSync } from 'node:fs';
import { buildApiDocument, renderApiTypes } from '../apps/api/src/openapi/api-document';

/** Writes the console's API types from the API's own OpenAPI document (a build step before the console's). */
async function main(): Promise<void> {
  const out = process.argv[2] ?? 'apps/web/src/api/schema.ts';
  writeFileSync(out, renderApiTypes(await buildApiDocument()));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
