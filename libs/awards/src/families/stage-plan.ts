/**
 * Where 社会公示 sits: before the committee (Chongqing's 市长质量管理奖 up to its 7th edition),
 * after it, or after the government's 审批 (the 8th edition: 综合评选 → 评选委员会审定 → 市政府审批
 * → 社会公示 → 颁奖表彰, 重庆市市场监督管理局《关于开展第八届重庆市市长质量管理奖评选活动的通知》).
 */
export type PublicityPosition = 'before_panel' | 'after_panel' | 'after_approval';
export const PUBLICITY_POSITIONS: readonly PublicityPosition[] = ['before_panel', 'after_panel', 'after_approval'];

/** Which optional stages a cycle runs, and where 公示 sits. Compiled into a workflow definition. */
export interface StagePlan {
  /** 区县推荐 before 形式审查 (quality awards; brand recognitions always have it). */
  districtRecommendation?: boolean;
  /** 专家评审 / 资料评审 (brand recognitions may skip it; engineering nominations may add it, scored on their rubric). */
  expertReview?: boolean;
  /** 企业答辩 (quality awards). */
  defense?: boolean;
  /** 企业答辩 scored: passing or failing it records the defense score (答辩得分) the ranking adds in. */
  scoredDefense?: boolean;
  /** 现场评审 (quality awards) / 现场复查 (engineering) / 现场检查 (brand recognitions). */
  onsiteReview?: boolean;
  /** 综合评选 after 现场评审: the office selects from the ranking who goes to the committee. */
  comprehensiveSelection?: boolean;
  /** Where 社会公示 sits. */
  publicity?: PublicityPosition;
  /**
   * Plans saved before `publicity` existed said only `publicityBeforePanel` (true: before_panel,
   * false: after_panel); still accepted, and kept in a normalised plan as `publicity === 'before_panel'`.
   */
  publicityBeforePanel?: boolean;
}

/** A plan option's name. */
export type PlanFlag = Exclude<keyof StagePlan, 'publicityBeforePanel'>;

/** A plan with every option set. */
export type NormalisedStagePlan = Required<StagePlan>;

/** The same plan with a legacy `publicityBeforePanel` read into `publicity` (when `publicity` is not given). */
export function upgradeStagePlan(plan: StagePlan = {}): StagePlan {
  const { publicityBeforePanel, ...rest } = plan;
  if (rest.publicity === undefined && typeof publicityBeforePanel === 'boolean') rest.publicity = publicityBeforePanel ? 'before_panel' : 'after_panel';
  return rest;
}

export type Family = 'quality' | 'engineering' | 'brand';
