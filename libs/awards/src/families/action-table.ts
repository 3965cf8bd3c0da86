import { A } from './workflow-names';

/**
 * The one table of what can happen to an application: for every action of the award workflows,
 * who may take it (role, and the finer rule on top of the role), by which route, and which
 * payload fields that route accepts. The workflow definitions say which state an action leads
 * from and to; this table says how a person gets to fire it. A decision the product computes (a
 * vote, an objection's filing or outcome) is reachable only through its own use case, never by
 * a client naming the action and its outcome on the generic route.
 */

/** `POST /applications/:id/actions/:action`, where registered use cases and plain transitions run. */
export const GENERIC_ACTION_ROUTE = 'POST /applications/:id/actions/:action';
/** Fired only by timers and workers: no person takes it, by any route. */
export const SYSTEM_ONLY = 'system';

export type ActionRoute =
  | typeof GENERIC_ACTION_ROUTE
  | 'POST /applications/:id/votes/close'
  | 'POST /applications/:id/objections'
  | 'POST /objections/:id/resolve'
  | 'POST /cycles/:id/publicity-batches'
  | 'POST /rechecks/:id/items/:itemId/outcome'
  | typeof SYSTEM_ONLY;

/**
 * Who, beyond the role, may take an action:
 * - `own_organization`: the applicant of the application's organisation;
 * - `cycle_office`: staff (admin, recommender) of the office running the cycle;
 * - `first_review_reviewer`: a reviewer the office named for the cycle's 形式审查 / 初审;
 * - `onsite_reviewer`: a reviewer the office named for the application's (or the cycle's) 现场评审;
 * - `anyone`: any person, signed in or (`public`) not: a 公示 objection is open to all, under a real name;
 * - `automation`: timers and workers (the `system` role).
 */
export type ActorScope = 'own_organization' | 'cycle_office' | 'first_review_reviewer' | 'onsite_reviewer' | 'anyone' | 'automation';

export type ActorRole = 'applicant' | 'recommender' | 'reviewer' | 'admin' | 'system' | 'public';

export type ActionName = (typeof A)[keyof typeof A];

/**
 * Which use case runs an action on the generic route. Each is implemented once, by the context that
 * owns it, and the API refuses to start when one is missing or one is implemented that no action
 * names (ActionUseCases.verify).
 * - `transition`: the engine fires it after the table's checks (applications); submit and resubmit
 *   are plain transitions too: the engine's submission invariant checks eligibility and assigns the
 *   receipt number whoever fires them;
 * - `award`: 审定 against the quota, with its certificate (review, decisions);
 * - `revoke`: 撤销, with its reapplication ban (review, decisions);
 * - `onsite_findings`: 现场评审 recorded with its findings and score adjustment (review, onsite);
 * - `defense_score`: 企业答辩 passed or failed with its 答辩得分, required when the cycle's plan scores it (review, defense).
 * - `endorsement`: 同意推荐 with the recommender's 推荐意见 (opinion, sealed letter), counted against
 *   the cycle's per-recommender quota (applications, endorsements).
 */
export type GenericUseCase = 'transition' | 'award' | 'revoke' | 'onsite_findings' | 'defense_score' | 'endorsement';

/**
 * Use cases behind their own route or fired by the system: `panel_vote` (the votes counted),
 * `objection` (filed and resolved as records), `publicity` (a dated 公示 batch published for many), `expert_scoring` (the last score sheet in),
 * `timer` (a deadline due), `recheck` (a 老字号 复核 round's outcome, recorded with the round).
 * Their routes and workers are theirs; the generic route never runs them.
 */
export type DedicatedUseCase = 'panel_vote' | 'objection' | 'publicity' | 'expert_scoring' | 'timer' | 'recheck';

export interface ActionRule {
  route: ActionRoute;
  /** What runs it: on the generic route a GenericUseCase, elsewhere the use case behind its route. */
  useCase: GenericUseCase | DedicatedUseCase;
  /** The roles that may take it, each with its finer rule. A role not listed may not take it. */
  who: Partial<Record<ActorRole, ActorScope>>;
  /** Fields the generic route accepts in `payload`; anything else is refused. */
  payload: readonly string[];
}

const generic = (who: ActionRule['who'], payload: readonly string[] = [], useCase: GenericUseCase = 'transition'): ActionRule => ({ route: GENERIC_ACTION_ROUTE, useCase, who, payload });
const systemOnly = (useCase: DedicatedUseCase = 'timer'): ActionRule => ({ route: SYSTEM_ONLY, useCase, who: { system: 'automation' }, payload: [] });
const office = { admin: 'cycle_office' } as const;
const enterprise = { applicant: 'own_organization' } as const;
const firstReview = { admin: 'cycle_office', reviewer: 'first_review_reviewer' } as const;
const onsite = { admin: 'cycle_office', reviewer: 'onsite_reviewer' } as const;

export const ACTION_TABLE: Readonly<Record<ActionName, ActionRule>> = {
  [A.submit]: generic(enterprise),
  [A.applicationWindowClosed]: systemOnly(),
  // Closing the cycle takes every submission into review; an office may also take one early.
  [A.startReview]: generic({ ...office, system: 'automation' }),
  // A recommender acts only within its scope (its district, its awards): the access policy decides.
  [A.endorse]: generic({ recommender: 'cycle_office', admin: 'cycle_office' }, ['opinion', 'letterId'], 'endorsement'),
  [A.declineEndorsement]: generic({ recommender: 'cycle_office', admin: 'cycle_office' }),
  [A.passFormalReview]: generic(firstReview),
  [A.passPreliminaryReview]: generic(firstReview),
  [A.requestSupplement]: generic(firstReview),
  [A.resubmit]: generic(enterprise),
  [A.supplementExpired]: systemOnly(),
  [A.reject]: generic(firstReview),
  // The expert score it carries is aggregated from the score sheets when the last one is in.
  [A.finishExpertReview]: systemOnly('expert_scoring'),
  [A.shortlist]: generic(office),
  [A.notShortlist]: generic(office),
  [A.passDefense]: generic(office, ['defenseScore'], 'defense_score'),
  [A.failDefense]: generic(office, ['defenseScore'], 'defense_score'),
  [A.passOnsiteReview]: generic(onsite, ['findings', 'scoreAdjustment'], 'onsite_findings'),
  [A.failOnsiteReview]: generic(onsite, ['findings', 'scoreAdjustment'], 'onsite_findings'),
  // Passed or not is counted from the members' votes, never given by a client.
  // 综合评选: the office selects from the ranking (one by one, or POST /cycles/:id/comprehensive-selection).
  [A.passComprehensiveSelection]: generic(office),
  [A.failComprehensiveSelection]: generic(office),
  [A.closePanelVote]: { route: 'POST /applications/:id/votes/close', useCase: 'panel_vote', who: office, payload: [] },
  // 公示 is published as a dated batch for the cycle, never one application at a time.
  [A.publishPublicity]: { route: 'POST /cycles/:id/publicity-batches', useCase: 'publicity', who: office, payload: [] },
  // 公示 lasts what the cycle configured: it ends by its deadline, not by hand.
  [A.publicityEnded]: systemOnly(),
  // An objection is a written, real-name record; the application waits for it, not for a click.
  [A.fileObjection]: { route: 'POST /applications/:id/objections', useCase: 'objection', who: { public: 'anyone', applicant: 'anyone', recommender: 'anyone', reviewer: 'anyone', admin: 'anyone' }, payload: [] },
  [A.upholdObjection]: { route: 'POST /objections/:id/resolve', useCase: 'objection', who: office, payload: [] },
  [A.dismissObjection]: { route: 'POST /objections/:id/resolve', useCase: 'objection', who: office, payload: [] },
  // 政府审批 as the office records it (the government's decision comes to the office on paper).
  [A.governmentApprove]: generic(office),
  [A.governmentDecline]: generic(office),
  [A.holdForEligibility]: generic({ ...office, system: 'automation' }),
  [A.resumeAfterHold]: generic(office),
  [A.disqualify]: generic(office),
  // 审定 and 撤销 are use cases of their own on the generic route (quota, certificate, ban).
  [A.approve]: generic(office, [], 'award'),
  [A.approveSecondTier]: generic(office, [], 'award'),
  [A.decline]: generic(office),
  [A.revoke]: generic(office, ['banEditions'], 'revoke'),
  [A.recognitionExpired]: systemOnly(),
  [A.recognitionExpiryNotice]: systemOnly(),
  // A 老字号 复核 is decided in its round, which records the outcome and the 整改 deadline.
  [A.passRecheck]: { route: 'POST /rechecks/:id/items/:itemId/outcome', useCase: 'recheck', who: office, payload: [] },
  [A.orderRectification]: { route: 'POST /rechecks/:id/items/:itemId/outcome', useCase: 'recheck', who: office, payload: [] },
  [A.rectificationPeriodEnded]: systemOnly(),
  // 复核换证 in place: only definitions of brand version 2 have it (renewal is now a new application).
  [A.requestRenewal]: generic(enterprise),
  [A.approveRenewal]: generic(office),
  [A.rejectRenewal]: generic(office),
  [A.withdraw]: generic(enterprise),
};

export function actionRule(action: string): ActionRule | undefined {
  return Object.prototype.hasOwnProperty.call(ACTION_TABLE, action) ? ACTION_TABLE[action as ActionName] : undefined;
}

/** The finer rule for this role, or undefined when the role may not take the action at all. */
export function scopeOf(rule: ActionRule, role: string): ActorScope | undefined {
  return Object.prototype.hasOwnProperty.call(rule.who, role) ? rule.who[role as ActorRole] : undefined;
}

/** The use cases the generic route runs, as the table names them. */
export function genericUseCases(): Set<GenericUseCase> {
  return new Set(Object.values(ACTION_TABLE).filter((r) => r.route === GENERIC_ACTION_ROUTE).map((r) => r.useCase as GenericUseCase));
}
