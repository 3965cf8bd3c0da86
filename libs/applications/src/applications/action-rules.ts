import { actionRule, ActionRule, GENERIC_ACTION_ROUTE, SYSTEM_ONLY } from '@awardflow/awards';
import { DomainError, ErrorCode, fieldLabel, FieldValidationError } from '@awardflow/platform';

/** 404: no workflow has an action of that name (not the 409 of a real action in the wrong state). */
export class UnknownActionError extends DomainError {
  constructor(action: string) {
    super(ErrorCode.UnknownAction, { action });
  }
}

/** 405: the action is taken through its own use case, whose route the refusal names. */
export class ActionHasDedicatedRouteError extends DomainError {
  constructor(action: string, route: string, actionLabel?: string) {
    super(ErrorCode.ActionHasDedicatedRoute, { action, route, actionLabel });
  }
}

/** 403: only timers and workers take it (its moment or its outcome is not a person's to give). */
export class ActionTakenBySystemError extends DomainError {
  constructor(action: string, actionLabel?: string) {
    super(ErrorCode.ActionTakenBySystem, { action, actionLabel });
  }
}

/** 403: a reviewer who may see the application but was not named for this stage of it. */
export class NotNamedForStageError extends DomainError {
  constructor(action: string, stage: 'formal_review' | 'onsite_review', actionLabel?: string) {
    super(ErrorCode.NotNamedForStage, { action, stage, actionLabel });
  }
}

/**
 * Which actions `POST /applications/:id/actions/:action` takes, from the action table: an unknown
 * action, one with its own route or one only the system takes are refused before anything is
 * written, named by their Chinese label where the caller has it. What the payload may carry is
 * `undeclaredPayload`'s to say.
 */
export function genericRouteRule(action: string, actionLabel?: string): ActionRule {
  const rule = actionRule(action);
  if (!rule) throw new UnknownActionError(action);
  if (rule.route === SYSTEM_ONLY) throw new ActionTakenBySystemError(action, actionLabel);
  if (rule.route !== GENERIC_ACTION_ROUTE) throw new ActionHasDedicatedRouteError(action, rule.route, actionLabel);
  return rule;
}

/** The payload fields the table does not declare for the action (each one is refused). */
export function undeclaredPayload(rule: ActionRule, payload: Record<string, unknown> | undefined): string[] {
  return Object.keys(payload ?? {}).filter((field) => !rule.payload.includes(field));
}

/**
 * 400 naming each undeclared field. A person reads the message: the action by its Chinese label
 * (「该操作」 when none is at hand) and the accepted fields by theirs; the machine field stays in `field`.
 */
export function undeclaredPayloadError(rule: ActionRule, undeclared: string[], actionLabel: string | undefined): FieldValidationError {
  const action = actionLabel ? `「${actionLabel}」` : '该操作';
  const accepted = rule.payload.length ? `${action}只接受附加信息${rule.payload.map((f) => `「${fieldLabel(`payload.${f}`)}」`).join('')}` : `${action}不接受附加信息`;
  return new FieldValidationError(undeclared.map((field) => ({ field: `payload.${field}`, messages: [accepted] })));
}
