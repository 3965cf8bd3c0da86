import { Fragment } from '../family.types';
import { A, S } from '../workflow-names';
import { notify } from './notify';

/** 申报期: a draft expires when the window closes unsubmitted. */
export const applicationWindow: Fragment = {
  states: {
    [S.draft]: {
      label: '草稿',
      timers: [{ kind: 'application_window_close', action: A.applicationWindowClosed, schedule: { atContextKey: 'applicationClosesAt' } }],
      tags: ['editable', 'withdrawable', 'awaitingWindowClose'],
    },
    [S.expired]: { label: '逾期未提交', terminal: true, tags: ['inactive', 'out'] },
  },
  transitions: [{ action: A.applicationWindowClosed, label: '申报截止', from: S.draft, to: S.expired, roles: ['system'] }],
};

/** The enterprise submits straight to the office; review starts when the window closes. */
export const directSubmission = (firstReview: string): Fragment => ({
  states: {
    [S.submitted]: {
      label: '已提交',
      timers: [{ kind: 'application_window_close', action: A.startReview, schedule: { atContextKey: 'applicationClosesAt' } }],
      tags: ['withdrawable', 'awaitingWindowClose'],
    },
  },
  transitions: [
    { action: A.submit, label: '提交申报', from: S.draft, to: S.submitted, roles: ['applicant'], effects: [notify('application_submitted')] },
    { action: A.startReview, label: '申报截止，进入评审', from: S.submitted, to: firstReview, roles: ['admin', 'system'] },
  ],
});

/** The enterprise submits to a recommending body, which endorses it into the first review or not. */
export const endorsement = (who: string, endorseLabel: string, firstReview: string): Fragment => ({
  states: {
    [S.awaitingEndorsement]: { label: `待${who}`, onEnter: [notify('endorsement_requested', 'recommenders')], tags: ['withdrawable'] },
    [S.notEndorsed]: { label: '未获推荐', terminal: true, tags: ['inactive', 'out'] },
  },
  transitions: [
    { action: A.submit, label: '提交申报', from: S.draft, to: S.awaitingEndorsement, roles: ['applicant'], effects: [notify('application_submitted')] },
    { action: A.declineEndorsement, label: '不予推荐', from: S.awaitingEndorsement, to: S.notEndorsed, roles: ['recommender', 'admin'], requiresComment: true, effects: [notify('application_rejected')] },
    { action: A.endorse, label: endorseLabel, from: S.awaitingEndorsement, to: firstReview, roles: ['recommender', 'admin'] },
  ],
});
