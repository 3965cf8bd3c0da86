import { NotFoundError } from '@awardflow/platform';
import { BRAND_RUBRIC, ENGINEERING_RUBRIC, GBT_19580 } from '../rubric/rubrics';
import { AwardDefinition, OutsideChain, RequiredDocument } from './award.types';
import { DEFAULT_CERTIFICATE_NUMBER_FORMAT } from './certificate-number';

const QUALITY_DOCUMENTS: RequiredDocument[] = [
  { type: 'application_form', label: '申报书' },
  { type: 'self_assessment_report', label: '自评报告' },
  { type: 'business_license', label: '营业执照（副本）' },
  { type: 'no_major_accident_pledge', label: '无重大质量、安全、环保事故承诺书' },
  { type: 'recommendation_letter', label: '推荐意见', optional: true },
];
const ENGINEERING_DOCUMENTS: RequiredDocument[] = [
  { type: 'application_form', label: '申报表' },
  { type: 'completion_acceptance', label: '竣工验收证明文件' },
  { type: 'quality_evaluation', label: '工程质量评价报告' },
  { type: 'business_license', label: '营业执照（副本）' },
  { type: 'project_photos', label: '工程照片', optional: true },
];
const BRAND_DOCUMENTS: RequiredDocument[] = [
  { type: 'application_form', label: '申报书' },
  { type: 'business_license', label: '营业执照（副本）' },
  { type: 'quality_certificates', label: '质量管理体系及产品检验证明' },
  { type: 'brand_history', label: '品牌历史或产品生产证明材料' },
];

// Chongqing's 市长质量管理奖 is the model (渝人社〔2023〕560号): 连续正常生产经营5年以上, 近3年无重大质量、
// 环境、安全生产责任事故. `region` and (district) `industry_sections` without parameters are written out
// from the cycle's office when the cycle is created (eligibility-defaults.ts). A credit grade is asked
// for only when a cycle sets requireGrade.
const QUALITY_ELIGIBILITY = (sections: string[] | undefined, years: number) => [
  { rule: 'region' },
  sections ? { rule: 'industry_sections', params: { sections } } : { rule: 'industry_sections' },
  { rule: 'min_operating_years', params: { years } },
  { rule: 'no_major_accident_within_years', params: { years: 3 } },
  { rule: 'no_sampling_failure_within_years', params: { years: 3 } },
  { rule: 'not_blacklisted' },
  { rule: 'not_abnormal_operation' },
  { rule: 'not_dishonest_debtor' },
  { rule: 'min_credit_grade', params: { grade: 'B' } },
  { rule: 'no_reapplication_ban' },
];
const ENGINEERING_ELIGIBILITY = [
  { rule: 'region' },
  { rule: 'not_blacklisted' },
  { rule: 'no_major_accident_within_years', params: { years: 3 } },
  { rule: 'completion_date_window', params: { from: '2023-01-01', to: '2025-12-31' } },
];
// The usual 申报 calendars. The two seed documents state no dates (the 渝中 plan only decides to set up
// the 区长质量管理奖; the 2015 city plan says the selections are yearly), so these are plausible values
// for an office to change, not quotations: a spring window for the district award, the city's a month
// later (districts recommend into it), the brand selections in summer. Awards whose timing a body
// above announces each time (鲁班奖, 中国质量奖 every two years, 中华老字号) and 老字号 batches have none.
const DISTRICT_QUALITY_CALENDAR = { opens: '04-01', closes: '05-31' };
const CITY_QUALITY_CALENDAR = { opens: '05-01', closes: '06-30' };
const BRAND_CALENDAR = { opens: '06-01', closes: '07-31' };
const BRAND_BASE = [{ rule: 'region' }, { rule: 'not_blacklisted' }, { rule: 'not_abnormal_operation' }, { rule: 'no_reapplication_ban' }];

type CatalogEntry = Omit<AwardDefinition, 'certificateNumberFormat'> & { certificateNumberFormat?: string };

const engineering = (code: string, name: string, shortCode: string, bodies: string[], description: string, outsideChain?: OutsideChain): CatalogEntry => ({
  code,
  name,
  family: 'engineering',
  shortCode,
  level: 'national',
  issuer: '重庆市住房和城乡建设委员会',
  recommendingBodies: bodies,
  description,
  requiredDocuments: ENGINEERING_DOCUMENTS,
  rubric: ENGINEERING_RUBRIC,
  defaultEligibility: ENGINEERING_ELIGIBILITY,
  ...(outsideChain ? { outsideChain } : {}),
});

// 中国建设工程鲁班奖（国家优质工程）评选办法 (中国建筑业协会): the provincial association recommends;
// 中建协 does 初审, 复查 (on site) and the 评审委员会 vote, and announces the winners.
const LUBAN_CHAIN: OutsideChain = { recommendedTo: '中国建筑业协会', stagesAbove: '初审、现场复查、评审委员会投票', awardName: '鲁班奖', yearly: true, conferredAs: '荣获' };

/**
 * The award catalog, from the two policy documents in shared/seeds. Code-defined, read-only. Every
 * award numbers its certificates with the office's division code in them unless it says otherwise,
 * so two offices' numbers never meet (certificates are verified by number across the product).
 */
export const AWARD_CATALOG: AwardDefinition[] = ([
  {
    code: 'district-quality-award',
    recommendsInto: 'city-quality-award',
    name: '区长质量管理奖',
    family: 'quality',
    shortCode: 'DMQ',
    level: 'district',
    issuer: '区人民政府（区市场监督管理局承办）',
    recommendingBodies: ['区市场监督管理局'],
    description: '区级政府质量奖，按 GB/T 19580《卓越绩效评价准则》评审，表彰质量管理卓越的企业（渝中区质量强区建设实施方案）。',
    requiredDocuments: QUALITY_DOCUMENTS,
    rubric: GBT_19580,
    defaultEligibility: QUALITY_ELIGIBILITY(undefined, 3),
    secondTierLabel: '提名奖',
    usualCalendar: DISTRICT_QUALITY_CALENDAR,
  },
  {
    code: 'city-quality-award',
    name: '市长质量管理奖',
    family: 'quality',
    shortCode: 'CMQ',
    level: 'city',
    issuer: '重庆市人民政府（市市场监督管理局承办）',
    recommendingBodies: ['区县（自治县）市场监督管理局'],
    description: '市级政府质量奖，按 GB/T 19580《卓越绩效评价准则》评审，每年评选一次（重庆市质量发展纲要行动计划）。',
    requiredDocuments: QUALITY_DOCUMENTS,
    rubric: GBT_19580,
    defaultEligibility: QUALITY_ELIGIBILITY(['B', 'C', 'D'], 5),
    secondTierLabel: '提名奖',
    usualCalendar: CITY_QUALITY_CALENDAR,
  },
  engineering('luban-award', '鲁班奖（中国建设工程鲁班奖）', 'LBJ', ['重庆市建筑业协会'], '建筑工程质量最高荣誉，由省级建筑业协会推荐参评。', LUBAN_CHAIN),
  {
    code: 'china-quality-award',
    name: '中国质量奖',
    family: 'quality',
    shortCode: 'ZZJ',
    level: 'national',
    issuer: '国家市场监督管理总局（中国质量奖评选表彰委员会）',
    recommendingBodies: ['重庆市市场监督管理局'],
    // 中国质量奖管理办法 (国家质检总局令 2013年第153号 / 2024 修订): organisations and individuals,
    // recommended by the provincial 质量奖 offices and others; 近5年无重大质量、安全、环境事故.
    description: '国家质量领域最高荣誉，授予组织和个人；由市级推荐参评，评选表彰委员会评定（中国质量奖管理办法）。',
    requiredDocuments: QUALITY_DOCUMENTS,
    rubric: GBT_19580,
    defaultEligibility: [
      { rule: 'region', params: { allowedPrefixes: ['50'] } },
      { rule: 'min_operating_years', params: { years: 5 } },
      // 中国质量奖管理办法: 近5年无重大质量、安全、环境事故.
      { rule: 'no_major_accident_within_years', params: { years: 5 } },
      { rule: 'not_blacklisted' },
      { rule: 'not_abnormal_operation' },
      { rule: 'no_reapplication_ban' },
    ],
    individualNominees: true,
    // 中国质量奖 and 中国质量奖提名奖 are both conferred nationally: locally a cycle sets no second tier.
    secondTierLabel: '提名奖',
    outsideChain: { recommendedTo: '国家市场监督管理总局（中国质量奖评选表彰委员会办公室）', stagesAbove: '资格审查、材料评审、陈述答辩、现场评审、评选表彰委员会审议', awardName: '中国质量奖', yearly: false, conferredAs: '荣获' },
  },
  engineering('lichun-award', '李春奖（公路交通优质工程奖）', 'LCJ', ['重庆市交通运输委员会'], '公路交通工程质量奖，由交通主管部门推荐参评。'),
  engineering('dayu-award', '大禹奖（中国水利工程优质奖）', 'DYJ', ['重庆市水利局'], '水利工程质量奖，由水利主管部门推荐参评。'),
  engineering('zhantianyou-award', '詹天佑土木工程奖', 'ZTY', ['重庆市土木建筑学会'], '土木工程科技创新与质量奖，由学会推荐参评。'),
  {
    code: 'cq-famous-brand-product',
    name: '重庆名牌产品',
    family: 'brand',
    shortCode: 'MPC',
    level: 'city',
    issuer: '重庆市市场监督管理局',
    recommendingBodies: ['区县（自治县）市场监督管理局'],
    description: '重庆名牌产品认定，按批次有效三年，期满可在新一批中延续申报。',
    requiredDocuments: BRAND_DOCUMENTS,
    rubric: BRAND_RUBRIC,
    defaultEligibility: [...BRAND_BASE, { rule: 'batch_production_years', params: { years: 3 } }, { rule: 'min_credit_grade', params: { grade: 'B' } }],
    requiredFormSections: ['product'],
    validityYears: 3,
    usualCalendar: BRAND_CALENDAR,
  },
  {
    code: 'cq-famous-agri-product',
    name: '重庆名牌农产品',
    family: 'brand',
    shortCode: 'MPN',
    level: 'city',
    issuer: '重庆市农业农村委员会',
    recommendingBodies: ['区县（自治县）农业农村委员会'],
    description: '重庆名牌农产品认定，有效期三年。',
    requiredDocuments: BRAND_DOCUMENTS,
    rubric: BRAND_RUBRIC,
    defaultEligibility: [...BRAND_BASE, { rule: 'batch_production_years', params: { years: 3 } }],
    requiredFormSections: ['product'],
    validityYears: 3,
    usualCalendar: BRAND_CALENDAR,
  },
  {
    code: 'cq-time-honored-brand',
    name: '重庆老字号',
    family: 'brand',
    shortCode: 'CLZ',
    level: 'city',
    issuer: '重庆市商务委员会',
    recommendingBodies: ['区县（自治县）商务主管部门'],
    description: '重庆老字号认定：品牌创立 50 年以上、近三年无行政处罚；不设有效期，定期复核。',
    requiredDocuments: BRAND_DOCUMENTS,
    rubric: BRAND_RUBRIC,
    defaultEligibility: [...BRAND_BASE, { rule: 'brand_founded_years_ago', params: { years: 50 } }, { rule: 'no_penalty_within_years', params: { years: 3 } }],
    // No validity period: re-checked by the office (《中华老字号示范创建管理办法》商流通规发〔2023〕6号; the 2023 复核 ran three years on).
    recheckEveryYears: 3,
  },
  {
    code: 'china-time-honored-brand',
    name: '中华老字号',
    family: 'brand',
    shortCode: 'ZLZ',
    level: 'national',
    issuer: '商务部（市商务委员会推荐）',
    recommendingBodies: ['重庆市商务委员会'],
    // 中华老字号认定管理办法 (商务部等 2023): 市 → 省级商务主管部门 → 商务部 认定.
    outsideChain: { recommendedTo: '商务部', stagesAbove: '省级商务主管部门审核推荐、商务部专家评审、公示、认定', awardName: '中华老字号', yearly: false, conferredAs: '被认定为' },
    description: '中华老字号推荐：品牌创立 50 年以上、近三年无行政处罚。',
    requiredDocuments: BRAND_DOCUMENTS,
    rubric: BRAND_RUBRIC,
    defaultEligibility: [...BRAND_BASE, { rule: 'brand_founded_years_ago', params: { years: 50 } }, { rule: 'no_penalty_within_years', params: { years: 3 } }],
    // No validity period: re-checked by the office (《中华老字号示范创建管理办法》商流通规发〔2023〕6号; the 2023 复核 ran three years on).
    recheckEveryYears: 3,
  },
  {
    code: 'tourism-service-benchmark',
    name: '旅游服务质量标杆单位',
    family: 'brand',
    shortCode: 'LYB',
    level: 'city',
    issuer: '重庆市文化和旅游发展委员会',
    recommendingBodies: ['区县（自治县）文化旅游主管部门'],
    description: '旅游服务质量标杆单位遴选。',
    requiredDocuments: BRAND_DOCUMENTS.filter((d) => d.type !== 'brand_history'),
    rubric: BRAND_RUBRIC,
    defaultEligibility: [...BRAND_BASE, { rule: 'min_operating_years', params: { years: 3 } }],
    validityYears: 3,
  },
] satisfies CatalogEntry[]).map((a: CatalogEntry) => ({ ...a, certificateNumberFormat: a.certificateNumberFormat ?? DEFAULT_CERTIFICATE_NUMBER_FORMAT }));

const BY_CODE = new Map(AWARD_CATALOG.map((a) => [a.code, a]));

export function findAward(code: string): AwardDefinition | undefined {
  return BY_CODE.get(code);
}

export function getAward(code: string): AwardDefinition {
  const award = BY_CODE.get(code);
  if (!award) throw new NotFoundError('award', code);
  return award;
}
