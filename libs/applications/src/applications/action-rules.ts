import { actionRule, ActionRule, GENERIC_ACTION_ROUTE, SYSTEM_ONLY } from '@awardflow/awards';
import { DomainError, ErrorCode, FieldValidationError } from '@awardflow/platform';

/** 404: no workflow has an action of that name (not the 409 of a real action in the wrong state). */
export class UnknownActionError extends DomainError {
  constructor(action: string) {
    super(ErrorCode.UnknownAction, { action });
  }
}

/** 405: the action is taken through its own use case, whose route the refusal names. */
export class ActionHasDedicatedRouteError extends DomainError {
  constructor(action: string, route: string) {
    super(ErrorCode.ActionHasDedicatedRoute, { action, route });
  }
}

/** 403: only timers and workers take it (its moment or its outcome is not a person's to give). */
export class ActionTakenBySystemError extends DomainError {
  constructor(action: string) {
    super(ErrorCode.ActionTakenBySystem, { action });
  }
}

/** 403: a reviewer who may see the application but was not named for this stage of it. */
export class NotNamedForStageError extends DomainError {
  constructor(action: string, stage: 'formal_review' | 'onsite_review') {
    super(ErrorCode.NotNamedForStage, { action, stage });
  }
}

/**
 * What `POST /applications/:id/actions/:action` may carry, from the action table: an unknown
 * action, one with its own route or one only the system takes, and any payload field the table
 * does not declare for the action are refused before anything is read or written.
 */
export function genericRouteRule(action: string, payload: Record<string, unknown> | undefined): ActionRule {
  const rule = actionRule(action);
  if (!rule) throw new UnknownActionError(action);
  if (rule.route === SYSTEM_ONLY) throw new ActionTakenBySystemError(action);
  if (rule.route !== GENERIC_ACTION_ROUTE) throw new ActionHasDedicatedRouteError(action, rule.route);
  const undeclared = Object.keys(payload ?? {}).filter((field) => !rule.payload.includes(field));
  if (undeclared.length) {
    const accepted = rule.payload.length ? `只接受 ${rule.payload.map((f) => `payload.${f}`).join('、')}` : '不接受任何 payload 字段';
    throw new FieldValidationError(undeclared.map((field) => ({ field: `payload.${field}`, messages: [`「${action}」${accepted}`] })));
  }
  return rule;
}
