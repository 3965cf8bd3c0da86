import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import type { MetadataStorage } from 'class-transformer/types/MetadataStorage';
import { getMetadataStorage } from 'class-validator';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { INT4_MAX } from '../../libs/platform/src/errors/validation';

// Where @Type(() => Nested) is recorded; the package ships no typings for this path.
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as { defaultMetadataStorage: MetadataStorage };

const ROOT = join(__dirname, '..', '..');
/** Not request input: the environment is validated at start, by the operator's values. */
const NOT_REQUEST_INPUT = [join('libs', 'platform', 'src', 'config')];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Every class a request body or query is validated against: those with @IsInt, where a bound matters. */
function requestClassesWithIntegers(): Array<{ file: string; target: Function }> {
  const files = [...sources(join(ROOT, 'libs')), ...sources(join(ROOT, 'apps', 'api', 'src'))]
    .filter((file) => !NOT_REQUEST_INPUT.some((dir) => relative(ROOT, file).startsWith(dir)))
    .filter((file) => readFileSync(file, 'utf8').includes('@IsInt('));
  return files.flatMap((file) => {
    const exported = require(file) as Record<string, unknown>;
    // Classes used only inside the file (nested DTOs) are reached from the exported ones through @Type.
    const classes = Object.values(exported).filter((v): v is Function => typeof v === 'function');
    return classes.map((target) => ({ file: relative(ROOT, file), target }));
  });
}

/** The integer fields of a class (and of every nested class it validates) without an int4-sized bound. */
function unboundedIntegers(target: Function, seen = new Set<Function>()): string[] {
  if (seen.has(target)) return [];
  seen.add(target);
  const metadatas = getMetadataStorage().getTargetValidationMetadatas(target, '', true, false);
  const byProperty = new Map<string, typeof metadatas>();
  for (const m of metadatas) byProperty.set(m.propertyName, [...(byProperty.get(m.propertyName) ?? []), m]);
  const problems: string[] = [];
  for (const [property, list] of byProperty) {
    const bound = (name: string) => list.find((m) => m.name === name)?.constraints?.[0] as number | undefined;
    if (list.some((m) => m.name === 'isInt')) {
      const max = bound('max');
      const min = bound('min');
      if (max === undefined || max > INT4_MAX || min === undefined || min < -INT4_MAX - 1) problems.push(`${target.name}.${property} (min ${min}, max ${max})`);
    }
    const nested = defaultMetadataStorage.findTypeMetadata(target, property)?.typeFunction();
    if (typeof nested === 'function') problems.push(...unboundedIntegers(nested, seen));
  }
  return problems;
}

describe('request DTOs', () => {
  const classes = requestClassesWithIntegers();

  it('are found (the scan reads the files that declare integers)', () => {
    const files = new Set(classes.map((c) => c.file));
    expect([...files].sort()).toEqual(
      expect.arrayContaining([join('libs', 'cycles', 'src', 'cycles', 'cycle.dto.ts'), join('libs', 'platform', 'src', 'http', 'paging.ts'), join('libs', 'review', 'src', 'ranking', 'ranking.dto.ts')]),
    );
  });

  it('bound every integer to what an int4 column holds, with @Min and @Max', () => {
    const problems = classes.flatMap(({ file, target }) => unboundedIntegers(target).map((p) => `${file}: ${p}`));
    expect([...new Set(problems)]).toEqual([]);
  });
});
