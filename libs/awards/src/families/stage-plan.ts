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

export const DEFAULT_STAGE_PLANS: Record<Family, Required<StagePlan>> = {
  // Chongqing's 市长质量管理奖: 资料评审 → 企业答辩 → 现场评审 → 综合评选 → 社会公示 → 评选委员会审议.
  quality: { defense: true, onsiteReview: true, publicityBeforePanel: true, expertReview: true },
  engineering: { defense: false, onsiteReview: true, publicityBeforePanel: false, expertReview: false },
  brand: { defense: false, onsiteReview: false, publicityBeforePanel: false, expertReview: true },
};

/** The plan with defaults filled and options a family does not have switched off. */
export function normalisePlan(family: Family, plan: StagePlan = {}): Required<StagePlan> {
  const d = DEFAULT_STAGE_PLANS[family];
  const p = { ...d, ...plan };
  if (family !== 'quality') p.defense = false;
  if (family === 'brand') p.onsiteReview = false;
  if (family === 'engineering') p.expertReview = false;
  if (family === 'quality') p.expertReview = true;
  return p;
}

/** Stable key of a plan, part of the compiled definition's code. */
export function planKey(family: Family, plan: Required<StagePlan>): string {
  const flags = [
    family === 'quality' ? `d${+plan.defense}` : '',
    family !== 'brand' ? `o${+plan.onsiteReview}` : '',
    family === 'brand' ? `e${+plan.expertReview}` : '',
    family !== 'brand' ? (plan.publicityBeforePanel ? 'pb' : 'pa') : '',
  ].filter(Boolean);
  return flags.join('-');
}
