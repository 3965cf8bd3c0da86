import type { UsualCalendar } from '@awardflow/rules';
import { EligibilityRuleRef } from '../eligibility/eligibility-rules';
import { Rubric } from '../rubric/rubric.types';
import { Family } from '../families/stage-plan';

export interface RequiredDocument {
  type: string;
  label: string;
  /** Optional documents may be uploaded but do not block submission. */
  optional?: boolean;
}

export interface AwardDefinition {
  /** Stable code used in URLs and cycles, e.g. `district-quality-award`. */
  code: string;
  /** zh-CN name, e.g. 区长质量管理奖. */
  name: string;
  family: Family;
  /** Three letters in receipt numbers: 2026-DMQ-0042. */
  shortCode: string;
  level: 'district' | 'city' | 'national';
  /** Who issues or recommends (zh-CN), as the source documents name them. */
  issuer: string;
  recommendingBodies: string[];
  description: string;
  requiredDocuments: RequiredDocument[];
  rubric: Rubric;
  /** Rules a new cycle starts with; the cycle may change them until an application is submitted. */
  defaultEligibility: EligibilityRuleRef[];
  /** The second tier a cycle may award (e.g. 提名奖), if the award has one. */
  secondTierLabel?: string;
  /** The award whose cycles this one's selected applications may be recommended into (区长 → 市长). */
  recommendsInto?: string;
  /** Sections of the family's form that are optional in general but this award requires (a 名牌产品 names its product). */
  requiredFormSections?: string[];
  /** Years a recognition lasts (brand family): the default of a cycle's batch validity. */
  validityYears?: number;
  /**
   * A recognition that does not expire but is re-checked (复核) every this many years by its office
   * (老字号: 《中华老字号示范创建管理办法》, 商务部等5部门 商流通规发〔2023〕6号, "有进有出"的动态管理).
   * An award with it has no validity period.
   */
  recheckEveryYears?: number;
  /**
   * Decided outside the product, above the office (鲁班奖 by 中国建筑业协会, 中国质量奖 nationally,
   * 中华老字号 by 商务部): the local cycle selects whom to recommend; the office then records what
   * the body above decided (see libs/review outside results). Its wording never announces the
   * local selection as the award itself.
   */
  outsideChain?: OutsideChain;
  /** Individuals may be nominated as well as organisations (the form's 被推荐个人). */
  individualNominees?: boolean;
  /** How its certificates are numbered unless a cycle says otherwise (see certificate-number.ts). */
  certificateNumberFormat: string;
  /**
   * When 申报 usually opens and closes in a year (Beijing month-days): the new-cycle form's default
   * window and 年度. None where the timing is set by a notice from above each time.
   */
  usualCalendar?: UsualCalendar;
}

export interface OutsideChain {
  /** Where the local selection goes (中国建筑业协会). */
  recommendedTo: string;
  /** What happens there, for the reader (初审、复查、评审委员会投票). */
  stagesAbove: string;
  /** The award's name as the body above confers it (鲁班奖). */
  awardName: string;
  /** Whether the award is of a year (鲁班奖 2026年度) or simply conferred (中华老字号). */
  yearly: boolean;
  /** The verb when it is conferred: 荣获 (an award) or 被认定为 (a recognition). */
  conferredAs: '荣获' | '被认定为';
}
