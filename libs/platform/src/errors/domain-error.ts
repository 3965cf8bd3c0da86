import { ErrorCode } from './error-code';
import { ErrorParams, errorMessage } from './error-messages.zh-CN';
import { fieldLabel } from './field-labels';

type Details = Record<string, unknown>;

/** A code without parameters may omit them; a code with parameters must give them. */
export type DomainErrorArgs<C extends ErrorCode> = ErrorParams<C> extends undefined ? [params?: undefined, details?: Details] : [params: ErrorParams<C>, details?: Details];

/**
 * A failure the domain expects and the client can act on: a stable code, its parameters, and the
 * zh-CN message the catalog words from them (error-messages.zh-CN.ts). Libraries throw these; the
 * HTTP layer maps them in one place (AllExceptionsFilter), workers log and rethrow them.
 */
export class DomainError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  /** What the message is made of; client-safe, sent as fields of the error body. */
  readonly params: Record<string, unknown>;
  /** Extra client-safe facts the message does not use (the allowed actions, the existing application). */
  readonly details?: Details;

  constructor(code: C, ...args: DomainErrorArgs<C>);
  /**
   * @deprecated A hand-written message: give the code its parameters and a catalog entry instead.
   * Kept so older call sites compile; a message that is not Chinese never reaches the client
   * (AllExceptionsFilter words it from the code).
   */
  constructor(code: C, message: string, details?: Details);
  constructor(code: C, paramsOrMessage?: unknown, details?: Details) {
    const handWritten = typeof paramsOrMessage === 'string';
    const params = handWritten ? {} : ((paramsOrMessage ?? {}) as Record<string, unknown>);
    super(handWritten ? paramsOrMessage : errorMessage(code, paramsOrMessage as ErrorParams<C>));
    this.name = 'DomainError';
    this.code = code;
    this.params = params;
    this.details = details;
  }
}

export class NotFoundError extends DomainError<ErrorCode.NotFound> {
  /** @param what the kind of record (`application`, `cycle`), named in Chinese by ENTITY_LABELS. */
  constructor(what: string, id?: string) {
    super(ErrorCode.NotFound, { entity: what, id });
  }
}

/** @deprecated A generic 409 with a hand-written message: throw a specific code instead. */
export class ConflictError extends DomainError<ErrorCode.Conflict> {
  constructor(message: string, details?: Details) {
    super(ErrorCode.Conflict, message, details);
  }
}

export class ForbiddenError extends DomainError<ErrorCode.Forbidden> {
  /** @param requiredRoles who may do it, named in the message; omitted: "您无权执行此操作". */
  constructor(requiredRoles?: string[], actionLabel?: string);
  /** @deprecated A hand-written message: name the roles instead. */
  constructor(message: string);
  constructor(rolesOrMessage?: string[] | string, actionLabel?: string) {
    if (typeof rolesOrMessage === 'string') super(ErrorCode.Forbidden, rolesOrMessage);
    else super(ErrorCode.Forbidden, { requiredRoles: rolesOrMessage, actionLabel });
  }
}

export interface FieldError {
  /** The API path of the field (`form.selfAssessment.results`), for the console to find its input. */
  field: string;
  /** Its Chinese name (自评报告·结果), what a person reads. */
  label?: string;
  /** What is wrong with it, in Chinese. */
  messages: string[];
}

/** Validation failure found by domain code or by the DTO pipe: every bad field, each with its Chinese name. */
export class FieldValidationError extends DomainError<ErrorCode.ValidationFailed> {
  readonly fields: FieldError[];

  constructor(fields: FieldError[]) {
    const labelled = fields.map((f) => ({ field: f.field, label: f.label ?? fieldLabel(f.field), messages: f.messages }));
    super(ErrorCode.ValidationFailed, { errors: labelled });
    this.fields = labelled;
  }
}
