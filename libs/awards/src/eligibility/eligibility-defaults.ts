import { EligibilityRuleRef } from './eligibility-rules';

/**
 * A cycle's rules are materialised when the cycle is created: a default rule whose parameters
 * depend on where the cycle is run (the catalog cannot know) is written out with the office's own
 * values, so the cycle row says exactly what it admits and an admin edits it as any other rule.
 *
 * - `region` without `allowedPrefixes`: organisations registered under the office's GB/T 2260
 *   division (a district office: its district; 重庆市 500000: the whole city, prefix 50).
 * - `industry_sections` without `sections`: the sections the office's own plan names (below).
 */

/** GB/T 4754-2017 门类 (sections), A 农、林、牧、渔业 … T 国际组织. */
const SECTIONS = 'ABCDEFGHIJKLMNOPQRST'.split('');
const range = (from: string, to: string) => SECTIONS.slice(SECTIONS.indexOf(from), SECTIONS.indexOf(to) + 1);

export interface IndustryPlan {
  sections: string[];
  /** Where the choice comes from, for the admin reading the cycle. */
  source: string;
}

/**
 * District plans that say which industries come first. 渝中区质量强区建设工作实施方案 (2024, in
 * shared/seeds): 现代金融 (J)、现代商贸 (F) 支柱产业, 文旅文创 (R, H)、软信服务 (I) 新兴产业, 专业服务
 * (L, M)、交通运输 (G)、健康服务 (Q)、建筑 (E)、楼宇工业 (C) 潜力产业; 生活服务: 餐饮 (H)、物业与房屋
 * 租赁 (K)、家政 (O)、在线教育 (P).
 */
const DISTRICT_PLANS: Readonly<Record<string, IndustryPlan>> = {
  '500103': { sections: ['C', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'O', 'P', 'Q', 'R'], source: '渝中区质量强区建设工作实施方案（2024）“11241”现代化产业体系' },
};

/**
 * 市长质量管理奖 admits 工业企业 only: 渝人社〔2023〕560号（第九届）“《国民经济行业分类》（GB/T 4754-2017）
 * 中B、C、D三类”. A district or county without a plan of its own here admits 工业、建筑业和服务业
 * (B–R: not 农业, whose products have 重庆名牌农产品, nor S 公共管理 and T 国际组织, which are not
 * enterprises); the office narrows it in the cycle.
 */
const CITY_PLAN: IndustryPlan = { sections: ['B', 'C', 'D'], source: '渝人社〔2023〕560号 第九届重庆市市长质量管理奖申报对象' };
const DISTRICT_DEFAULT: IndustryPlan = { sections: range('B', 'R'), source: '区县质量奖默认受理工业、建筑业和服务业（GB/T 4754-2017 B–R 门类）' };

/** A GB/T 2260 code of a province-level division (重庆市 500000) or a prefecture (xx xx 00). */
function isCityDivision(division: string): boolean {
  return division.endsWith('00');
}

/** The industry sections an office's quality award admits by default. */
export function industryPlanOf(division: string): IndustryPlan {
  return DISTRICT_PLANS[division] ?? (isCityDivision(division) ? CITY_PLAN : DISTRICT_DEFAULT);
}

export interface CycleOffice {
  /** The office's GB/T 2260 division code (500105 江北区). */
  division: string;
  /** The digits every division inside it shares (500000 → 50; 500105 → 500105). */
  prefix: string;
}

/** The rules with every office-dependent parameter written out for this office. */
export function materialiseEligibility(rules: EligibilityRuleRef[], office: CycleOffice): EligibilityRuleRef[] {
  return rules.map((ref) => {
    const params = ref.params ?? {};
    if (ref.rule === 'region' && params.allowedPrefixes === undefined) return { ...ref, params: { ...params, allowedPrefixes: [office.prefix] } };
    if (ref.rule === 'industry_sections' && params.sections === undefined) return { ...ref, params: { ...params, sections: [...industryPlanOf(office.division).sections] } };
    return ref;
  });
}
