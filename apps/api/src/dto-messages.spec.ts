import { describe, expect, it } from '@jest/globals';
import { getMetadataStorage } from 'class-validator';
import { FIELD_LABELS } from '@awardflow/platform';
import { isReadableChinese } from '@awardflow/rules';
import { Environment } from '../../../libs/platform/src/config/environment';
import './api.module';

type Metadata = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];

/** Every class with validation rules that the API loads (the request DTOs and the forms), by class-validator's own registry. */
function validatedClasses(): Map<Function, Metadata[]> {
  const registry = (getMetadataStorage() as unknown as { validationMetadatas: Map<Function | string, Metadata[]> }).validationMetadatas;
  return new Map([...registry].filter((entry): entry is [Function, Metadata[]] => typeof entry[0] === 'function' && entry[0] !== Environment));
}

const labelled = (property: string) => property in FIELD_LABELS || Object.keys(FIELD_LABELS).some((path) => path.endsWith(`.${property}`));

describe('request DTOs', () => {
  const classes = validatedClasses();

  it('are found (the registry is what the other checks walk)', () => {
    expect([...classes.keys()].map((c) => c.name)).toEqual(expect.arrayContaining(['CreateApplicationDto', 'CreateOrganizationDto', 'CreateCycleDto', 'ObjectionDto']));
  });

  it('name every field they validate in Chinese', () => {
    const unnamed = [...classes].flatMap(([target, metadata]) => [...new Set(metadata.map((m) => m.propertyName))].filter((p) => !labelled(p)).map((p) => `${target.name}.${p}`));
    expect(unnamed).toEqual([]);
  });

  it('word their own messages in Chinese (the others come from the constraint catalog)', () => {
    const english = [...classes].flatMap(([target, metadata]) =>
      // ValidateNested brings its own English default; the catalog words it (nestedValidation).
      metadata.filter((m) => m.type !== 'nestedValidation' && typeof m.message === 'string' && m.message && !isReadableChinese(m.message)).map((m) => `${target.name}.${m.propertyName}: ${m.message as string}`),
    );
    expect(english).toEqual([]);
  });
});
