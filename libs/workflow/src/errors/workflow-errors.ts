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
    super(ErrorCode.DefinitionConflict, { definitionCode: code, definitionVersion: version });
  }
}

export class VersionConflictError extends DomainError {
  constructor(currentState: string, currentVersion: number, stateLabel?: string) {
    super(ErrorCode.VersionConflict, { currentState, currentStateLabel: stateLabel ?? currentState, currentVersion });
  }
}

/** The zh-CN labels of the state and action an error names, when the caller has the definition. */
export interface TransitionLabels {
  state?: string;
  action?: string;
}

export class TransitionNotAllowedError extends DomainError {
  constructor(state: string, action: string, allowed: string[], labels: TransitionLabels = {}) {
    super(ErrorCode.TransitionNotAllowed, { state, stateLabel: labels.state, action, actionLabel: labels.action }, { allowedActions: allowed });
  }
}

export class ActionForbiddenError extends DomainError {
  constructor(action: string, role: string, roles: string[], labels: TransitionLabels = {}) {
    super(ErrorCode.Forbidden, { requiredRoles: roles, actionLabel: labels.action }, { action, role });
  }
}

export class GuardFailedError extends DomainError {
  constructor(action: string, guards: string[], labels: TransitionLabels = {}) {
    super(ErrorCode.GuardFailed, { action, actionLabel: labels.action }, { guards });
  }
}

export class CommentRequiredError extends FieldValidationError {
  constructor(action: string, labels: TransitionLabels = {}) {
    super([{ field: 'comment', messages: [labels.action ? `办理「${labels.action}」须填写意见（理由）` : '此操作须填写意见（理由）'] }]);
  }
}
