import type { FormInstance } from 'antd';
import { describeError } from '../api/errors';

/**
 * Puts the API's field errors beside the inputs of an antd form. `toName` maps an API field
 * ("contact.phone", "form.selfAssessment.leadership") to the form's name path, or null when the form
 * has no such input. Returns whether any error was placed on a field.
 */
export function applyFieldErrors(form: FormInstance, error: unknown, toName: (field: string) => (string | number)[] | null = (f) => f.split('.')): boolean {
  const d = describeError(error);
  const fields = Object.entries(d.fields)
    .map(([field, errors]) => ({ name: toName(field), errors }))
    .filter((f): f is { name: (string | number)[]; errors: string[] } => f.name !== null);
  const known = new Set(Object.keys(form.getFieldsValue(true) ?? {}));
  const placed = fields.filter((f) => known.has(String(f.name[0])));
  if (placed.length) form.setFields(placed);
  return placed.length > 0;
}
