import { formProblems, type AwardFamily } from '@awardflow/rules';

export type Family = AwardFamily;

/** Drops empty strings, nulls and empty objects/rows, so a half-filled draft passes the API's draft check. */
export function clean(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (Array.isArray(value)) return value.map(clean).filter((v) => v !== undefined);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const c = clean(v);
      if (c !== undefined) out[k] = c;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return value;
}

/** The form as the API stores it, from the editor's values. */
export function toApiForm(family: Family, values: Record<string, unknown>): Record<string, unknown> {
  const form = (clean(values) as Record<string, unknown> | undefined) ?? {};
  if (family === 'quality' && !Array.isArray(form.keyResults)) form.keyResults = [];
  return form;
}

/** What submission would refuse in the form, as Chinese lines: the API's own check of it. */
export function incompleteFields(family: Family, form: Record<string, unknown>, requiredSections?: string[]): string[] {
  return formProblems(family, form, { complete: true, requiredSections }).map((p) => (p.kind === 'missing' ? `申报书未填写：${p.label}` : `申报书 ${p.label}：${p.messages.join('；')}`));
}
