import { beijingDate } from '@awardflow/awards';
import { isEmail, isISO8601, ValidateBy, ValidationArguments } from 'class-validator';

/** What is wrong with a present value (zh-CN; the 400 puts the field's label before it), or null. */
export type Check = (value: unknown, body: Record<string, unknown>) => string | null;

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/**
 * One field, one answer: absent → 「未填写」, else the first thing wrong with it; the validation
 * pipe names the field by its label (联系电话：未填写). Separate class-validator decorators would
 * each report a missing value again.
 */
export function Checked(check: Check, options: { optional?: boolean } = {}): PropertyDecorator {
  const problem = (args: ValidationArguments): string | null => {
    if (blank(args.value)) return options.optional ? null : '未填写';
    return check(args.value, args.object as Record<string, unknown>);
  };
  return ValidateBy({
    name: 'checked',
    validator: { validate: (_v, args) => problem(args!) === null, defaultMessage: (args) => problem(args!) ?? '' },
  });
}

export const text =
  (min: number, max: number): Check =>
  (v) =>
    typeof v !== 'string' ? '须填写文字' : [...v.trim()].length < min ? `至少 ${min} 个字` : [...v].length > max ? `最多 ${max} 个字` : null;

export const matching =
  (pattern: RegExp, reason: string): Check =>
  (v) =>
    typeof v === 'string' && pattern.test(v) ? null : reason;

/** A calendar date YYYY-MM-DD that exists and is not after today in Beijing. */
export const pastDate: Check = (v) => {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v) || !isISO8601(v, { strict: true })) return '须为日期（YYYY-MM-DD）';
  return v > beijingDate(new Date().toISOString()) ? '不能晚于今天' : null;
};

export const email: Check = (v) => (typeof v === 'string' && isEmail(v) ? null : '格式不正确');

/** A nested object whose own fields are validated by ValidateNested; here only its presence. */
export const present: Check = () => null;
