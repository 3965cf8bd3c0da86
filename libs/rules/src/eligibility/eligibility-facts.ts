/** Compliance record kinds an award office keeps about an organisation (质量信用信息库). */
export type OrganizationRecordKind =
  | 'blacklist' // 严重违法失信名单 / 质量信用黑名单
  | 'abnormal_operation' // 经营异常名录
  | 'major_accident' // 重大质量、安全、环境事故
  | 'sampling_failure' // 监督抽查严重不合格
  | 'penalty' // 行政处罚
  | 'reapplication_ban' // 撤销后的禁止再申报 (or after winning)
  | 'dishonest_debtor'; // 失信被执行人名单 (最高人民法院, 法释〔2017〕7号)

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
  /**
   * The organisation's earlier wins (first tier, not revoked) of this cycle's award at this cycle's
   * office, with how many editions of that award the office has held since, this cycle included.
   */
  wins?: WinFact[];
}

export interface WinFact {
  cycleId: string;
  year: number;
  /** Editions (cycles) of the award held after the winning one, up to and including the current cycle. */
  editionsSince: number;
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
  /** ISO timestamp of the evaluation: listings and bans are checked on its Beijing date. */
  now: string;
  /**
   * The cycle's reference date (YYYY-MM-DD) years of operation and accident windows are measured
   * against (notices say "截至申报截止日"); absent: the Beijing date of `now`.
   */
  referenceDate?: string;
}
