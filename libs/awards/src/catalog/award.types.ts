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
  /** How its certificates are numbered unless a cycle says otherwise (see certificate-number.ts). */
  certificateNumberFormat: string;
}
