/** Compliance record kinds an award office keeps about an organisation (质量信用信息库). */
export type OrganizationRecordKind =
  | 'blacklist' // 严重违法失信名单 / 质量信用黑名单
  | 'abnormal_operation' // 经营异常名录
  | 'major_accident' // 重大质量、安全、环境事故
  | 'sampling_failure' // 监督抽查严重不合格
  | 'penalty' // 行政处罚
  | 'reapplication_ban'; // 撤销后的禁止再申报 (or after winning)

export type CreditGrade = 'A' | 'B' | 'C' | 'D';

export interface OrganizationRecordFact {
  kind: OrganizationRecordKind;
  reason: string;
  /** When the event happened (accidents, sampling failures, penalties): ISO date. */
  occurredAt?: string | null;
  /** Listing/ban period (blacklist, abnormal list, bans): ISO dates; `until` null = open-ended. */
  from?: string | null;
  until?: string | null;
  /** For bans: the award it applies to (null = every award). */
  awardCode?: string | null;
}

/**
 * Everything eligibility rules may look at, gathered by the applications context at submission
 * (and again before 公示 and 审定). Rules are pure functions of these facts and their parameters.
 */
export interface EligibilityFacts extends OwnFacts {
  records: OrganizationRecordFact[];
  cycle: { id: string; awardCode: string; year: number; regionCode: string };
}

/** What the enterprise itself knows: its registration, its form, the time. */
export interface OwnFacts {
  organization: {
    id: string;
    name: string;
    uscc: string;
    /** GB/T 2260 administrative division code, e.g. 500103 (渝中区). */
    regionCode: string;
    /** GB/T 4754 industry code, e.g. C3825; its first letter is the section (门类). */
    industry: string;
    /** ISO date of establishment. */
    foundedAt: string;
    creditGrade: CreditGrade | null;
  };
  /** The application form (family-specific: brand founding year, project completion date, ...). */
  form: Record<string, unknown>;
  /** ISO timestamp of the evaluation. */
  now: string;
}
