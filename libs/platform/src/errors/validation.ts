import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { ErrorCode } from './error-code';
import { FieldError } from './domain-error';

/** Flattens nested class-validator errors into `form.selfAssessment.leadership`-style paths. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    if (error.constraints) out.push({ field, messages: Object.values(error.constraints) });
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, field));
  }
  return out;
}

/** The largest value an int4 column holds: the bound of every integer a DTO takes. */
export const INT4_MAX = 2_147_483_647;
/** The message of an upper bound (`@Max(365, AT_MOST)`): names the field and the bound. */
export const AT_MOST = { message: '$property 不能大于 $constraint1' };

/** The one shape of a 400 that names fields, whoever finds them (the DTO pipe, the input pipe). */
export function validationFailed(fields: FieldError[]): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    code: ErrorCode.ValidationFailed,
    message: fields.map((f) => `${f.field}: ${f.messages.join('; ')}`),
    errors: fields,
  });
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => validationFailed(flattenValidationErrors(errors)),
  });
}
