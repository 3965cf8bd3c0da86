/**
 * State and action names of the award workflows. Other contexts (applications, review,
 * decisions, deadlines) and the console code against these; they are persisted in instances and
 * history, so never rename one — add a new definition version instead.
 */
export const S = {
  draft: 'draft',
  submitted: 'submitted',
  awaitingEndorsement: 'awaiting_endorsement',
  formalReview: 'formal_review',
  preliminaryReview: 'preliminary_review',
  supplementRequested: 'supplement_requested',
  expertReview: 'expert_review',
  shortlisting: 'shortlisting',
  defense: 'defense',
  onsiteReview: 'onsite_review',
  panel: 'panel',
  publicity: 'publicity',
  objectionReview: 'objection_review',
  eligibilityHoldPublicity: 'eligibility_hold_publicity',
  eligibilityHoldApproval: 'eligibility_hold_approval',
  awaitingApproval: 'awaiting_approval',
  awarded: 'awarded',
  nominated: 'nominated',
  recognised: 'recognised',
  renewalReview: 'renewal_review',
  expired: 'expired',
  recognitionExpired: 'recognition_expired',
  rejected: 'rejected',
  notSelected: 'not_selected',
  notEndorsed: 'not_endorsed',
  withdrawn: 'withdrawn',
  revoked: 'revoked',
} as const;

export const A = {
  submit: 'submit',
  applicationWindowClosed: 'application_window_closed',
  startReview: 'start_review',
  endorse: 'endorse',
  declineEndorsement: 'decline_endorsement',
  passFormalReview: 'pass_formal_review',
  passPreliminaryReview: 'pass_preliminary_review',
  requestSupplement: 'request_supplement',
  resubmit: 'resubmit',
  supplementExpired: 'supplement_expired',
  reject: 'reject',
  finishExpertReview: 'finish_expert_review',
  shortlist: 'shortlist',
  notShortlist: 'not_shortlist',
  passDefense: 'pass_defense',
  failDefense: 'fail_defense',
  passOnsiteReview: 'pass_onsite_review',
  failOnsiteReview: 'fail_onsite_review',
  closePanelVote: 'close_panel_vote',
  publicityEnded: 'publicity_ended',
  fileObjection: 'file_objection',
  upholdObjection: 'uphold_objection',
  dismissObjection: 'dismiss_objection',
  holdForEligibility: 'hold_for_eligibility',
  resumeAfterHold: 'resume_after_hold',
  disqualify: 'disqualify',
  approve: 'approve',
  approveSecondTier: 'approve_second_tier',
  decline: 'decline',
  revoke: 'revoke',
  recognitionExpired: 'recognition_expired',
  requestRenewal: 'request_renewal',
  approveRenewal: 'approve_renewal',
  rejectRenewal: 'reject_renewal',
  withdraw: 'withdraw',
} as const;

export type StateName = (typeof S)[keyof typeof S];
export type ActionName = (typeof A)[keyof typeof A];

/** The route of every action without a use case of its own (an available action names its route). */
export const GENERIC_ACTION_ROUTE = 'POST /applications/:id/actions/:action';
