import { describe, expect, it } from '@jest/globals';
import { libNames, readSource, tsFilesUnder } from './source-files';

describe('Nest modules', () => {
  it('none is @Global but the config: a module imports what its providers use', () => {
    const files = [...libNames().map((lib) => `libs/${lib}/src`), 'apps/api/src', 'apps/worker/src'].flatMap(tsFilesUnder);
    const globals = files.filter((f) => !f.endsWith('.spec.ts') && /@Global\(\)/.test(readSource(f)));
    expect(globals).toEqual(['libs/platform/src/config/config.module.ts']);
  });
});
