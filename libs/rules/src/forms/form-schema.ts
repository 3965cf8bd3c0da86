import { isDay } from '../formats/dates';

/*
 * A family's 申报书 declared once, as data: every field with its Chinese label, whether submission
 * needs it, and what a value must look like. `invalidFields` checks the shape of whatever is there
 * (a draft may be half-filled); `missingFields` walks the same declarations for what submission
 * requires. Plain data and functions, so the console checks a form exactly as the API does.
 */

interface Presence {
  /** Default true: needed at submission. */
  required?: boolean;
}

export type FieldSpec = { key: string; label: string; required: boolean } & (
  | { kind: 'text'; min: number; max?: number }
  | { kind: 'integer'; min: number; max: number }
  | { kind: 'amount'; min?: number }
  | { kind: 'day' }
  | { kind: 'section'; of: FormSpec }
  | { kind: 'rows'; of: FormSpec; max: number }
);

/** The fields of a form or of one of its sections, in the order they are shown. */
export type FormSpec = readonly FieldSpec[];

export const text = (key: string, label: string, o: Presence & { min?: number; max?: number } = {}): FieldSpec => ({ key, label, required: o.required ?? true, kind: 'text', min: o.min ?? 1, max: o.max });
export const integer = (key: string, label: string, o: Presence & { min: number; max: number }): FieldSpec => ({ key, label, required: o.required ?? true, kind: 'integer', min: o.min, max: o.max });
export const amount = (key: string, label: string, o: Presence & { min?: number } = {}): FieldSpec => ({ key, label, required: o.required ?? true, kind: 'amount', min: o.min });
/** A calendar date written YYYY-MM-DD (and one that exists: no 2 月 30 日). */
export const day = (key: string, label: string, o: Presence = {}): FieldSpec => ({ key, label, required: o.required ?? true, kind: 'day' });
export const section = (key: string, label: string, of: FormSpec, o: Presence = {}): FieldSpec => ({ key, label, required: o.required ?? true, kind: 'section', of });
export const rows = (key: string, label: string, of: FormSpec, o: Presence & { max: number }): FieldSpec => ({ key, label, required: o.required ?? true, kind: 'rows', of, max: o.max });

/** A problem of one field: `field` is the machine path (`form.selfAssessment.results`), `label` the Chinese name. */
export interface FormFieldProblem {
  field: string;
  label: string;
  kind: 'missing' | 'invalid';
  /** Chinese, without the label. */
  messages: string[];
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const rowLabel = (label: string, index: number) => `${label}第 ${index + 1} 行`;
const NOT_A_SECTION = '格式不正确（须为一组填写项）';

/**
 * Every field submission needs and the form lacks (blank counts as missing). A required section
 * that is absent lists each of its required fields; an optional one that is there must be complete;
 * every row present must be complete. `alsoRequired` makes optional top-level sections required.
 */
export function missingFields(spec: FormSpec, form: Record<string, unknown>, path: string, labels: string[] = [], alsoRequired: readonly string[] = []): FormFieldProblem[] {
  const out: FormFieldProblem[] = [];
  for (const f of spec) {
    const value = form[f.key];
    const fieldPath = `${path}.${f.key}`;
    const required = f.required || alsoRequired.includes(f.key);
    const label = [...labels, f.label];
    if (f.kind === 'section') {
      if (isRecord(value) || (required && isBlank(value))) out.push(...missingFields(f.of, isRecord(value) ? value : {}, fieldPath, label));
    } else if (f.kind === 'rows' && Array.isArray(value) && value.length) {
      value.forEach((row, i) => {
        if (isRecord(row)) out.push(...missingFields(f.of, row, `${fieldPath}.${i}`, [...labels, rowLabel(f.label, i)]));
      });
    } else if (required && isBlank(value)) {
      out.push({ field: fieldPath, label: label.join('·'), kind: 'missing', messages: ['未填写'] });
    }
  }
  return out;
}

/** What is wrong with one present value, the first check that fails (a wrong type makes the range moot). */
function valueProblem(f: FieldSpec, value: unknown): string | null {
  switch (f.kind) {
    case 'text':
      if (typeof value !== 'string') return '须填写文字';
      if (value.length < f.min) return f.min === 1 ? '不能为空' : `至少 ${f.min} 个字`;
      return f.max !== undefined && value.length > f.max ? `最多 ${f.max} 个字` : null;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) return '须为整数';
      if (value < f.min) return `不能小于 ${f.min}`;
      return value > f.max ? `不能大于 ${f.max}` : null;
    case 'amount':
      if (typeof value !== 'number' || !Number.isFinite(value)) return '须为数字';
      return f.min !== undefined && value < f.min ? `不能小于 ${f.min}` : null;
    case 'day':
      return isDay(value) ? null : '须为日期（YYYY-MM-DD）';
    case 'section':
      return isRecord(value) ? null : NOT_A_SECTION;
    case 'rows':
      if (!Array.isArray(value)) return '须为列表';
      if (value.length > f.max) return `最多 ${f.max} 行`;
      return value.every(isRecord) ? null : '每一行须为一组填写项';
  }
}

/**
 * Every malformed value of what is there, named by path and label: keys the form does not have
 * first, then the declared fields in order, each with one message.
 */
export function invalidFields(spec: FormSpec, form: Record<string, unknown>, path: string, labels: string[] = []): FormFieldProblem[] {
  const out: FormFieldProblem[] = [];
  const at = (key: string) => `${path}.${key}`;
  for (const key of Object.keys(form)) {
    // Not a field of the form: quoted as the client sent it.
    if (!spec.some((f) => f.key === key)) out.push({ field: at(key), label: [...labels, `“${key}”`].join('·'), kind: 'invalid', messages: ['不是申报书中的填写项'] });
  }
  for (const f of spec) {
    const value = form[f.key];
    // Presence is the submission's question (missingFields), never the draft's.
    if (value === undefined || value === null) continue;
    const problem = valueProblem(f, value);
    if (problem) out.push({ field: at(f.key), label: [...labels, f.label].join('·'), kind: 'invalid', messages: [problem] });
    else if (f.kind === 'section') out.push(...invalidFields(f.of, value as Record<string, unknown>, at(f.key), [...labels, f.label]));
    else if (f.kind === 'rows') {
      (value as Record<string, unknown>[]).forEach((row, i) => out.push(...invalidFields(f.of, row, `${at(f.key)}.${i}`, [...labels, rowLabel(f.label, i)])));
    }
  }
  return out;
}
