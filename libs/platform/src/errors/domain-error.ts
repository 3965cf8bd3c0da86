import { ErrorCode } from './error-code';

/**
 * A failure the domain expects and the client can act on. Libraries throw these; the HTTP layer
 * maps them in one place (DomainExceptionFilter), workers log and rethrow them.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Extra, client-safe facts: the current state of a conflict, every failed eligibility rule. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, id?: string) {
    super(ErrorCode.NotFound, id ? `${what} ${id} not found` : `${what} not found`);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, details?: Record<string, unknown>) {
    super(ErrorCode.Conflict, message, details);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'You may not do this') {
    super(ErrorCode.Forbidden, message);
  }
}

export interface FieldError {
  field: string;
  messages: string[];
}

/** Validation failure found by domain code (not by the DTO pipe), shaped like the pipe's. */
export class FieldValidationError extends DomainError {
  constructor(readonly fields: FieldError[]) {
    super(
      ErrorCode.ValidationFailed,
      fields.map((f) => `${f.field}: ${f.messages.join('; ')}`).join(' | '),
      { errors: fields },
    );
  }
}
