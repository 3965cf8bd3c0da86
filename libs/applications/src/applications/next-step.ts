import { A } from '@awardflow/rules';

/**
 * Actions the caller may take but that are not what the application waits for: exceptional
 * measures (撤销, 取消资格, 资格暂停, 责令整改) and the applicant's withdrawal. Offered on the
 * application's page; never listed as 待办.
 */
const EXCEPTIONAL_ACTIONS: ReadonlySet<string> = new Set([A.revoke, A.disqualify, A.holdForEligibility, A.orderRectification, A.withdraw]);

/**
 * Whether an available action is the application's next step for the caller (the office's 待办):
 * it moves the application on, rather than ending it (a rejection is decided on the page, with its
 * reason) or being an exceptional measure.
 */
export function isNextStep(action: { action: string; ends: boolean }): boolean {
  return !action.ends && !EXCEPTIONAL_ACTIONS.has(action.action);
}
