// State and action names are shared with the console (with their labels): they live in @awardflow/rules.
export { A, S } from '@awardflow/rules';

/** Guards and effects the award workflows use (registered by AwardsModule). */
export const GUARD_PANEL_VOTE_PASSED = 'panel_vote_passed';
export const GUARD_OTHER_OBJECTIONS_OPEN = 'other_objections_open';
export const EFFECT_NOTIFY = 'notify';
export const EFFECT_ASSIGN_REVIEWERS = 'assign_reviewers';
export const EFFECT_CHECK_ELIGIBILITY = 'check_eligibility';

/** Who a `notify` effect is for. */
export type NotifyAudience = 'applicant' | 'admins' | 'reviewers' | 'recommenders';
