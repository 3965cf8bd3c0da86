import { DomainError, ErrorCode, FieldValidationError } from '@awardflow/platform';

/** A definition that would let instances get stuck or act on unknown names. */
export class DefinitionVerificationError extends Error {
  constructor(
    readonly code: string,
    readonly version: number,
    readonly problems: string[],
  ) {
    super(`workflow ${code} v${version} is invalid: ${problems.join('; ')}`);
    this.name = 'DefinitionVerificationError';
  }
}

/** Different content registered under a (code, version) that already exists. */
export class DefinitionConflictError extends DomainError {
  constructor(code: string, version: number) {
    super(ErrorCode.Conflict, `workflow ${code} v${version} is already registered with different content; register it as a new version`);
  }
}

export class VersionConflictError extends DomainError {
  constructor(currentState: string, currentVersion: number, stateLabel?: string) {
    super(
      ErrorCode.VersionConflict,
      `Someone else acted first: the application is now in ${stateLabel ?? currentState} (version ${currentVersion})`,
      { currentState, currentStateLabel: stateLabel ?? currentState, currentVersion },
    );
  }
}

export class TransitionNotAllowedError extends DomainError {
  constructor(state: string, action: string, allowed: string[]) {
    super(ErrorCode.TransitionNotAllowed, `"${action}" is not possible in state ${state}`, { state, action, allowedActions: allowed });
  }
}

export class ActionForbiddenError extends DomainError {
  constructor(action: string, role: string, roles: string[]) {
    super(ErrorCode.Forbidden, `"${action}" needs the role ${roles.join(' or ')}; you are ${role}`);
  }
}

export class GuardFailedError extends DomainError {
  constructor(action: string, guards: string[]) {
    super(ErrorCode.GuardFailed, `"${action}" is not possible now: ${guards.join(', ')} does not hold`, { guards });
  }
}

export class CommentRequiredError extends FieldValidationError {
  constructor(action: string) {
    super([{ field: 'comment', messages: [`"${action}" needs a comment (a reason)`] }]);
  }
}
