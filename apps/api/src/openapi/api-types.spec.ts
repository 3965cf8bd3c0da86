import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';
import { buildApiDocument, renderApiTypes } from './api-document';

const SCHEMA_FILE = join(__dirname, '../../../web/src/api/schema.ts');
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** Operations whose success answer is not JSON, each with the media type it declares instead. */
function undescribedResponses(document: OpenAPIObject): string[] {
  const out: string[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const success = Object.entries(operation.responses ?? {}).filter(([status]) => status.startsWith('2'));
      const described = success.some(([status, response]) => status === '204' || Object.keys((response as { content?: object }).content ?? {}).length > 0);
      if (!described) out.push(`${method.toUpperCase()} ${path}`);
    }
  }
  return out;
}

describe('the console’s API types', () => {
  let document: OpenAPIObject;
  it('come from a document built without a database, where every route declares its answer', async () => {
    document = await buildApiDocument();
    expect(Object.keys(document.paths).length).toBeGreaterThan(50);
    expect(undescribedResponses(document)).toEqual([]);
  });

  it('are current: apps/web/src/api/schema.ts is what `npm run api-types` writes now', async () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(renderApiTypes(document));
  });
});
