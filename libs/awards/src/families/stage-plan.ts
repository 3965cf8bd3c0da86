/**
 * Where 社会公示 sits: before the committee (as 区长质量管理奖 notices run it: 答辩 and 现场评审, then
 * the candidates' 公示, then the 区政府常务会议 decides — 第二届大渡口区区长质量管理奖候选企业公示, 2020),
 * after it, or after the government's 审批 (the order of the 8th 重庆市市长质量管理奖 as its notice
 * gives it: 综合评选 → 评选委员会审定 → 市政府审批 → 社会公示 → 颁奖表彰; the 9th edition's notice is
 * 渝人社〔2023〕560号).
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
  /**
   * 企业答辩 scored: passing or failing it records the 答辩得分 the ranking adds in (cities weigh it
   * into the total, e.g. 济宁市市长质量奖 2010: 材料评审 40%, 现场答辩打分 40%, 社会满意度测评 20%).
   */
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
