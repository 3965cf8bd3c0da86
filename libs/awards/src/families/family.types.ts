import type { StateDefinition, TransitionDefinition } from '@awardflow/workflow';
import type { AwardDefinition } from '../catalog/award.types';
import type { Family, NormalisedStagePlan, PlanFlag, StagePlan } from './stage-plan';

/**
 * What a state means to the rest of the product. Other contexts ask for the states with a tag
 * (`statesTagged('editable')`) instead of keeping their own list of state names.
 * - `editable`: the applicant may change the form and the materials;
 * - `inactive`: the application is over without going anywhere, so the organisation may apply again;
 * - `selected`: the application won (an award, a second tier, a recognition);
 * - `out`: no longer in the running (ended without, or lost, the award), so it is not ranked;
 * - `reviewerVisible`: a named first-review or on-site reviewer sees the application;
 * - `awaitingWindowClose`: the end of the application window moves it (into review, or to 逾期);
 * - `withdrawable`: the applicant may still withdraw (everything before the committee);
 * - `firstReviewDuty`, `onsiteReviewDuty`, `panelDuty`: an expert acts on the application here by
 *   the duty of that name (形式审查 or 初审, 现场评审, the committee's vote).
 */
export type StateTag =
  | 'editable'
  | 'inactive'
  | 'selected'
  | 'out'
  | 'reviewerVisible'
  | 'awaitingWindowClose'
  | 'withdrawable'
  | 'firstReviewDuty'
  | 'onsiteReviewDuty'
  | 'panelDuty';

/** A workflow state as a family declares it: the engine's state, plus tags the engine never sees. */
export interface FamilyState extends StateDefinition {
  tags?: StateTag[];
}

/** Where a transition leaves from: named states, or every state carrying a tag. */
export type FamilyTransition = Omit<TransitionDefinition, 'from'> & { from: string | string[] | { tagged: StateTag } };

/** A piece of a workflow: some states and the transitions among and out of them, in order. */
export interface Fragment {
  states?: Record<string, FamilyState>;
  transitions?: FamilyTransition[];
}

/** A review stage: passing it leads to whichever stage the plan puts next. */
export interface Stage {
  state: string;
  label: string;
  onEnter?: StateDefinition['onEnter'];
  timers?: StateDefinition['timers'];
  tags?: StateTag[];
  pass: Omit<TransitionDefinition, 'from' | 'to'>;
  fail?: Omit<TransitionDefinition, 'from'>;
  /** From this stage on, the applicant can no longer withdraw. */
  endsWithdrawal?: boolean;
}

/** A plan option that switches a part on or off: on when the option is true, or (`is`) has that value. */
export interface When<T> {
  when: PlanFlag;
  is?: StagePlan[PlanFlag];
  then: T[];
  otherwise?: T[];
}

/** A part of a stage chain: a stage, several, or stages a plan option picks. */
export type ChainPart = Stage | ChainPart[] | When<ChainPart>;

/** The review stages in the order they run (a part may be several stages); the last one's pass leads to `then`. */
export interface StageChain {
  chain: ChainPart[];
  then: string;
}

/** A part of a family's flow: plain data, or data that depends on the award (its second tier). */
export type FlowPart = Fragment | StageChain | When<FlowPart> | FlowPart[] | ((award: AwardDefinition) => FlowPart);

/** One value a plan option can take, and how it shows in the definition's code and label. */
export interface PlanChoice {
  value: boolean | string;
  /** Code part, e.g. `d1`. */
  key: string;
  /** Label part, e.g. 含企业答辩. */
  label: string;
}

/** A plan option a cycle chooses, with the values the family offers (the first is its "off"). */
export interface PlanOption {
  flag: PlanFlag;
  choices: PlanChoice[];
  /** Only chosen when this option is on; held at the first choice otherwise (a scored 答辩 needs a 答辩). */
  requires?: PlanFlag;
}

/** A yes/no option: code `${key}0`/`${key}1`, labels when off and when on. */
export const onOff = (flag: PlanFlag, key: string, off: string, on: string, requires?: PlanFlag): PlanOption => ({
  flag,
  choices: [
    { value: false, key: `${key}0`, label: off },
    { value: true, key: `${key}1`, label: on },
  ],
  ...(requires ? { requires } : {}),
});

/** One award family's workflow, declared: the whole of it, in the order it runs. */
export interface AwardFamilyDefinition {
  family: Family;
  /** zh-CN name of the family, e.g. 政府质量奖; the definitions are labelled 「…评审流程（plan）」. */
  label: string;
  /**
   * The version every definition of the family is registered under. A new version whenever any
   * compiled definition changes: the registry refuses new content under an old version, and
   * family-definitions.spec.ts fails when the content changes and this did not.
   */
  version: number;
  plan: {
    defaults: Omit<NormalisedStagePlan, 'publicityBeforePanel'>;
    /** Options the family does not have, held at one value whatever a cycle asks. */
    fixed: StagePlan;
    /** The options a cycle chooses, in the order they appear in the code and label. */
    options: PlanOption[];
  };
  flow: FlowPart[];
  /**
   * A part of the code and label that depends on the award rather than the plan, for a family whose
   * awards differ in their flow (a brand recognition re-checked instead of expiring): `brand:e1-o0-rc`.
   */
  variant?: (award: AwardDefinition) => { key: string; label: string } | undefined;
}
