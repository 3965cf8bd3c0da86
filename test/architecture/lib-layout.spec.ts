import { describe, expect, it } from '@jest/globals';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LAYOUT_ALLOWLIST } from './allowlist';
import { libNames, ROOT } from './source-files';

/** Folders that group by kind of file instead of by feature. */
const LAYER_FOLDERS = ['controllers', 'services', 'dto', 'entities', 'decorators', 'guards', 'processors'];
/** What a lib's src/ holds besides its feature folders (a spec of the whole lib may sit beside its index). */
const ROOT_FILE = /^(index|tables|[a-z-]+\.module|[a-z-]+\.spec)\.ts$/;

/** What in a lib's src/ breaks the one layout: layer folders, and files outside a feature folder. */
function layoutBreaks(lib: string): string[] {
  const src = join(ROOT, 'libs', lib, 'src');
  return readdirSync(src, { withFileTypes: true })
    .filter((e) => (e.isDirectory() ? LAYER_FOLDERS.includes(e.name) : !ROOT_FILE.test(e.name)))
    .map((e) => `libs/${lib}/src/${e.name}${e.isDirectory() ? '/' : ''}`);
}

describe('lib layout', () => {
  it('every lib is feature folders (<feature>/<feature>.service.ts, .controller.ts, .dto.ts, .entity.ts) plus its module, index, tables and migrations', () => {
    const allowed = new Set(LAYOUT_ALLOWLIST.map((a) => a.lib));
    const breaks = libNames().filter((lib) => !allowed.has(lib)).flatMap(layoutBreaks);
    expect(breaks).toEqual([]);
    // A lib that was brought into line leaves the list.
    expect(LAYOUT_ALLOWLIST.filter((a) => layoutBreaks(a.lib).length === 0).map((a) => `${a.lib} follows the layout now; remove it from the allowlist`)).toEqual([]);
  });
});
