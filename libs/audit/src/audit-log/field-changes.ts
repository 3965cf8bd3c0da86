/** A changed field: its value before and after, or only the fact that it changed (secrets). */
export type FieldChange = { from: unknown; to: unknown } | { redacted: true };

// Keys whose values never enter the audit record, wherever they appear (password hashes, tokens).
const SECRET_KEY = /password|secret|token|credential/i;

/** The top-level fields that differ between two snapshots of an entity (created: before is null). */
export function fieldChanges(before: object | null | undefined, after: object | null | undefined): Record<string, FieldChange> {
  const from = toPlain(before);
  const to = toPlain(after);
  const changes: Record<string, FieldChange> = {};
  for (const key of [...new Set([...Object.keys(from), ...Object.keys(to)])].sort()) {
    if (canonical(from[key]) === canonical(to[key])) continue;
    changes[key] = SECRET_KEY.test(key) ? { redacted: true } : { from: withoutSecrets(from[key] ?? null), to: withoutSecrets(to[key] ?? null) };
  }
  return changes;
}

/** A copy with every secret-named key's value replaced, at any depth. */
export function withoutSecrets<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutSecrets) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET_KEY.test(k) ? '[redacted]' : withoutSecrets(v)])) as T;
}

// JSON's view of a snapshot: Dates become ISO strings, undefined fields disappear.
function toPlain(value: object | null | undefined): Record<string, unknown> {
  return value ? (JSON.parse(JSON.stringify(value)) as Record<string, unknown>) : {};
}

// Key order must not make two equal objects differ.
function canonical(value: unknown): string {
  if (value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
