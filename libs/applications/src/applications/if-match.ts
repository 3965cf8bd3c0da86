import { FieldValidationError } from '@awardflow/platform';

/** `If-Match: 3` (or `"3"`): act only on that version; a stale one is 409 and nothing changes. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header === '*') return undefined;
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  if (!match) throw new FieldValidationError([{ field: 'If-Match', messages: ['须为申报的版本号（如 If-Match: 3）'] }]);
  return Number(match[1]);
}
