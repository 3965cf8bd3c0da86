import { ValidationError, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { isReadableChinese } from '@awardflow/rules';
import { FieldError, FieldValidationError } from './domain-error';
import { fieldLabel } from './field-labels';
import { CONSTRAINT_MESSAGES, UNKNOWN_CONSTRAINT_MESSAGE } from './validation-messages.zh-CN';

/**
 * Flattens nested class-validator errors into `form.selfAssessment.leadership`-style paths, each
 * with its Chinese label and Chinese messages: a decorator's own message when it is written in
 * Chinese, otherwise the message of its constraint (`isUuid` → 须为有效的编号) with the
 * decorator's arguments (`@Min(1)` → 不能小于 1). So every DTO speaks Chinese without each
 * decorator having to.
 */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    if (error.constraints) {
      const constraints = Object.entries(error.constraints);
      // A value of the wrong type fails its length and range checks too; the type is what to fix.
      const wrongType = constraints.filter(([constraint]) => TYPE_CONSTRAINTS.has(constraint));
      const messages = (wrongType.length ? wrongType : constraints).map(([constraint, text]) => constraintMessage(error, constraint, text));
      out.push({ field, label: fieldLabel(field), messages: [...new Set(messages)] });
    }
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, field));
  }
  return out;
}

/** The largest value an int4 column holds: the bound of every integer a DTO takes. */
export const INT4_MAX = 2_147_483_647;
/** The message of an upper bound (`@Max(365, AT_MOST)`): names the field and the bound. */
export const AT_MOST = { message: '$property 不能大于 $constraint1' };

/** The one shape of a 400 that names fields, whoever finds them (the DTO pipe, the input pipe). */
export function validationFailed(fields: FieldError[]): FieldValidationError {
  return new FieldValidationError(fields);
}

const TYPE_CONSTRAINTS = new Set(['isString', 'isInt', 'isNumber', 'isBoolean', 'isArray', 'isObject', 'isDefined']);

function constraintMessage(error: ValidationError, constraint: string, text: string): string {
  // A message written as '$property 不能大于 $constraint1' names the field by its API name: the label does that.
  if (isReadableChinese(text)) return text.startsWith(`${error.property} `) ? text.slice(error.property.length + 1) : text;
  const message = CONSTRAINT_MESSAGES[constraint];
  return message ? message(constraintArguments(error, constraint)) : UNKNOWN_CONSTRAINT_MESSAGE;
}

/** The decorator's arguments (`@MaxLength(50)` → [50]), read back from class-validator's metadata. */
function constraintArguments(error: ValidationError, constraint: string): readonly unknown[] {
  const target = error.target?.constructor;
  if (!target || target === Object) return [];
  const metadata = metadataOf(target).find((m) => m.propertyName === error.property && (m.name ?? m.type) === constraint);
  return metadata?.constraints ?? [];
}

type ValidationMetadata = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];
const metadataCache = new WeakMap<Function, ValidationMetadata[]>();
function metadataOf(target: Function): ValidationMetadata[] {
  let metadata = metadataCache.get(target);
  if (!metadata) metadataCache.set(target, (metadata = getMetadataStorage().getTargetValidationMetadatas(target, '', true, false)));
  return metadata;
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    // The target (the object a field belongs to) is what the decorators' arguments are read from;
    // the error body never carries it, nor the values.
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => validationFailed(flattenValidationErrors(errors)),
  });
}
