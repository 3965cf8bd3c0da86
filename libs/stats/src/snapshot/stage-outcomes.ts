import { S } from '@awardflow/rules';

/** Leaving a stage for one of these is failing it: the application is out. */
export const FAILED_STATES: readonly string[] = [S.rejected, S.notSelected, S.notEndorsed, S.expired];

/**
 * Leaving a stage for one of these neither passes nor fails it: the applicant withdrew, the office
 * asked for a 补正 or held it, an objection came in. Any other next state passes the stage.
 */
export const UNDECIDED_STATES: readonly string[] = [
  S.withdrawn,
  S.supplementRequested,
  S.objectionReview,
  S.eligibilityHoldPublicity,
  S.eligibilityHoldApproval,
  S.revoked,
  S.recognitionExpired,
];

/** States an application is counted in as an award (a quality or engineering award, its 提名奖 tier) or a recognition. */
export const AWARD_STATES: readonly string[] = [S.awarded, S.nominated];
export const RECOGNITION_STATES: readonly string[] = [S.recognised, S.renewalReview, S.rectification, S.rectificationDue];
