import 'reflect-metadata';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsISO8601, IsNumber, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested, ValidationError } from 'class-validator';

/*
 * A family's 申报书 declared once: every field with its Chinese label, whether submission needs it,
 * and what a value must look like. class-validator checks the shape of whatever is there (a draft
 * may be half-filled); `missingFields` walks the same declarations for what submission requires.
 */

type Decorator = (target: object, key: string) => void;
type FormClass = new () => object;

interface FieldSpec {
  key: string;
  label: string;
  required: boolean;
  /** A nested section (one object) or rows (a list of objects). */
  nested?: { kind: 'section' | 'rows'; of: () => FormClass };
}

const FIELDS = new Map<Function, FieldSpec[]>();

function field(spec: Omit<FieldSpec, 'key'>, ...checks: Decorator[]): PropertyDecorator {
  return (target, key) => {
    const specs = FIELDS.get(target.constructor) ?? [];
    specs.push({ ...spec, key: String(key) });
    FIELDS.set(target.constructor, specs);
    // Presence is the submission's question (missingFields), never the draft's.
    for (const check of [IsOptional(), ...checks]) check(target, String(key));
  };
}

interface Presence {
  /** Default true: needed at submission. */
  required?: boolean;
}

export function Text(label: string, o: Presence & { min?: number; max?: number } = {}): PropertyDecorator {
  const min = o.min ?? 1;
  const checks = [IsString({ message: '须填写文字' }), MinLength(min, { message: min === 1 ? '不能为空' : `至少 ${min} 个字` })];
  if (o.max !== undefined) checks.push(MaxLength(o.max, { message: `最多 ${o.max} 个字` }));
  return field({ label, required: o.required ?? true }, ...checks);
}

export function Integer(label: string, o: Presence & { min: number; max: number }): PropertyDecorator {
  return field(
    { label, required: o.required ?? true },
    IsInt({ message: '须为整数' }),
    Min(o.min, { message: `不能小于 ${o.min}` }),
    Max(o.max, { message: `不能大于 ${o.max}` }),
  );
}

export function Amount(label: string, o: Presence & { min?: number } = {}): PropertyDecorator {
  const checks = [IsNumber({}, { message: '须为数字' })];
  if (o.min !== undefined) checks.push(Min(o.min, { message: `不能小于 ${o.min}` }));
  return field({ label, required: o.required ?? true }, ...checks);
}

/** A calendar date written YYYY-MM-DD (and one that exists: no 2 月 30 日). */
export function Day(label: string, o: Presence = {}): PropertyDecorator {
  const message = '须为日期（YYYY-MM-DD）';
  return field({ label, required: o.required ?? true }, Matches(/^\d{4}-\d{2}-\d{2}$/, { message }), IsISO8601({ strict: true }, { message }));
}

export function Section(label: string, of: () => FormClass, o: Presence = {}): PropertyDecorator {
  const message = '格式不正确（须为一组填写项）';
  return field({ label, required: o.required ?? true, nested: { kind: 'section', of } }, IsObject({ message }), ValidateNested({ message }), Type(of) as Decorator);
}

export function Rows(label: string, of: () => FormClass, o: Presence & { max: number }): PropertyDecorator {
  return field(
    { label, required: o.required ?? true, nested: { kind: 'rows', of } },
    IsArray({ message: '须为列表' }),
    ArrayMaxSize(o.max, { message: `最多 ${o.max} 行` }),
    ValidateNested({ each: true, message: '每一行须为一组填写项' }),
    Type(of) as Decorator,
  );
}

/** A problem of one field: `field` is the machine path (`form.selfAssessment.results`), `label` the Chinese name. */
export interface FormFieldProblem {
  field: string;
  label: string;
  kind: 'missing' | 'invalid';
  /** Chinese, without the label. */
  messages: string[];
}

function specsOf(cls: FormClass): FieldSpec[] {
  return FIELDS.get(cls) ?? [];
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const rowLabel = (label: string, index: number) => `${label}第 ${index + 1} 行`;

/**
 * Every field submission needs and the form lacks (blank counts as missing). A required section
 * that is absent lists each of its required fields; an optional one that is there must be complete;
 * every row present must be complete. `alsoRequired` makes optional top-level sections required.
 */
export function missingFields(cls: FormClass, form: Record<string, unknown>, path: string, labels: string[] = [], alsoRequired: string[] = []): FormFieldProblem[] {
  const out: FormFieldProblem[] = [];
  for (const spec of specsOf(cls)) {
    const value = form[spec.key];
    const fieldPath = `${path}.${spec.key}`;
    const required = spec.required || alsoRequired.includes(spec.key);
    const label = [...labels, spec.label];
    if (spec.nested?.kind === 'section') {
      if (isRecord(value) || (required && isBlank(value))) out.push(...missingFields(spec.nested.of(), isRecord(value) ? value : {}, fieldPath, label));
    } else if (spec.nested?.kind === 'rows' && Array.isArray(value) && value.length) {
      value.forEach((row, i) => {
        if (isRecord(row)) out.push(...missingFields(spec.nested!.of(), row, `${fieldPath}.${i}`, [...labels, rowLabel(spec.label, i)]));
      });
    } else if (required && isBlank(value)) {
      out.push({ field: fieldPath, label: label.join('·'), kind: 'missing', messages: ['未填写'] });
    }
  }
  return out;
}

/** The Chinese name of a path under `cls` (`selfAssessment.results` → 自评报告·结果); unknown keys stay as they are. */
export function labelOf(cls: FormClass, path: string[]): string {
  const parts: string[] = [];
  let current: FormClass | undefined = cls;
  for (let i = 0; i < path.length; i++) {
    const spec: FieldSpec | undefined = current ? specsOf(current).find((s) => s.key === path[i]) : undefined;
    if (!spec) {
      // Not a field of the form: quoted as the client sent it.
      parts.push(`“${path.slice(i).join('.')}”`);
      break;
    }
    current = spec.nested?.of();
    if (spec.nested?.kind === 'rows' && /^\d+$/.test(path[i + 1] ?? '')) {
      parts.push(rowLabel(spec.label, Number(path[++i])));
    } else parts.push(spec.label);
  }
  return parts.join('·');
}

/** class-validator's findings as field problems in Chinese, named by path and label. */
export function invalidFields(cls: FormClass, errors: ValidationError[], path: string, keys: string[] = []): FormFieldProblem[] {
  const out: FormFieldProblem[] = [];
  for (const error of errors) {
    const at = [...keys, error.property];
    if (error.constraints) {
      // One answer per field: the first check that failed (a wrong type makes the range moot).
      const [name, message] = Object.entries(error.constraints)[0];
      out.push({ field: `${path}.${at.join('.')}`, label: labelOf(cls, at), kind: 'invalid', messages: [name === 'whitelistValidation' ? '不是申报书中的填写项' : message] });
    }
    if (error.children?.length) out.push(...invalidFields(cls, error.children, path, at));
  }
  return out;
}
