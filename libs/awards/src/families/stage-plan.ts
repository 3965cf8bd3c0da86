/** Which optional stages a cycle runs, and where 公示 sits. Compiled into a workflow definition. */
export interface StagePlan {
  /** 企业答辩 (quality awards). */
  defense?: boolean;
  /** 现场评审 (quality awards) / 现场复查 (engineering). */
  onsiteReview?: boolean;
  /** Chongqing runs 社会公示 before 评审委员会审议; other cities after it. */
  publicityBeforePanel?: boolean;
  /** 专家评审 (brand recognitions may skip it and go from 形式审查 to 公示). */
  expertReview?: boolean;
}

export type Family = 'quality' | 'engineering' | 'brand';
