import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { createOpenApiDocument } from '@awardflow/platform';
import { ApiModule } from '../api.module';

/**
 * The OpenAPI document /docs/openapi.json serves, without a database or Redis: in preview mode Nest
 * reads the modules and controllers but builds no provider, so nothing connects.
 */
export async function buildApiDocument(): Promise<OpenAPIObject> {
  const app = await NestFactory.create(ApiModule.forRoot(), { preview: true, logger: false, abortOnError: false });
  try {
    return createOpenApiDocument(app);
  } finally {
    await app.close();
  }
}

/**
 * The console's API types (apps/web/src/api/schema.ts), generated from the document by
 * openapi-typescript: the document's schemas as plain TypeScript types (no runtime, no client), which
 * is all the console needs. Its CLI runs as a child process because the library is ESM-first and
 * jest's CommonJS runtime cannot load it.
 */
export function renderApiTypes(document: OpenAPIObject): string {
  const dir = mkdtempSync(join(tmpdir(), 'awardflow-openapi-'));
  try {
    const input = join(dir, 'openapi.json');
    writeFileSync(input, JSON.stringify(document));
    const cli = join(dirname(require.resolve('openapi-typescript')), '../bin/cli.js');
    const types = execFileSync(process.execPath, [cli, input, '--alphabetize'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return `${API_TYPES_HEADER}${types}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const API_TYPES_HEADER = '/* Generated from the API\'s OpenAPI document by `npm run api-types`: do not edit (a spec fails when it is stale). */\n\n';
