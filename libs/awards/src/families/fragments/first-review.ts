import { Fragment, Stage } from '../family.types';
import { A, S } from '../workflow-names';
import { notify } from './notify';

/** The first review of a family: 形式审查, or 初审 for engineering nominations. */
export interface FirstReview {
  state: typeof S.formalReview | typeof S.preliminaryReview;
  label: string;
  passAction: typeof A.passFormalReview | typeof A.passPreliminaryReview;
}

export const FORMAL_REVIEW: FirstReview = { state: S.formalReview, label: '形式审查', passAction: A.passFormalReview };
export const PRELIMINARY_REVIEW: FirstReview = { state: S.preliminaryReview, label: '初审', passAction: A.passPreliminaryReview };

/** 补正: the first review asks for more, the applicant resubmits in time or the application fails. */
export const supplementLoop = (review: FirstReview): Fragment => ({
  states: {
    [S.supplementRequested]: {
      label: '待补正',
      onEnter: [notify('supplement_requested')],
      timers: [{ kind: 'supplement', action: A.supplementExpired, schedule: { afterContextKey: 'supplementDuration' } }],
      tags: ['editable', 'withdrawable'],
    },
    [S.rejected]: { label: '未通过', terminal: true, tags: ['inactive', 'out'] },
  },
  transitions: [
    { action: A.requestSupplement, label: '要求补正', from: review.state, to: S.supplementRequested, roles: ['admin', 'reviewer'], requiresComment: true },
    { action: A.resubmit, label: '补正后重新提交', from: S.supplementRequested, to: review.state, roles: ['applicant'] },
    { action: A.supplementExpired, label: '补正逾期', from: S.supplementRequested, to: S.rejected, roles: ['system'], effects: [notify('supplement_expired')] },
    { action: A.reject, label: `${review.label}不通过`, from: review.state, to: S.rejected, roles: ['admin', 'reviewer'], requiresComment: true, effects: [notify('application_rejected')] },
  ],
});

/** The first review as the first stage of the chain. */
export const firstReviewStage = (review: FirstReview): Stage => ({
  state: review.state,
  label: review.label,
  tags: ['reviewerVisible', 'firstReviewDuty'],
  pass: { action: review.passAction, label: `${review.label}通过`, roles: ['admin', 'reviewer'] },
});
