import { amount, day, FormFieldProblem, FormSpec, integer, invalidFields, isRecord, missingFields, rows, section, text } from './form-schema';

export type AwardFamily = 'quality' | 'engineering' | 'brand';

export const SELF_ASSESSMENT_LIMIT = 30_000;

/** 自评报告: one narrative per GB/T 19580 category, all seven needed (their total is capped below). */
export const SELF_ASSESSMENT: FormSpec = [
  text('leadership', '领导'),
  text('strategy', '战略'),
  text('customersAndMarkets', '顾客与市场'),
  text('resources', '资源'),
  text('processManagement', '过程管理'),
  text('measurementAnalysisImprovement', '测量、分析与改进'),
  text('results', '结果'),
];

const KEY_RESULT: FormSpec = [
  text('indicator', '指标', { max: 100 }),
  amount('value', '数值'),
  text('unit', '单位', { max: 20 }),
  integer('year', '年份', { min: 2000, max: 2100 }),
];

/**
 * 被推荐个人: 中国质量奖 is also given to individuals (中国质量奖管理办法 第二条); an application
 * for a person names the person here, and the organisation applying is the one it works for.
 */
const NOMINEE: FormSpec = [
  text('name', '姓名', { max: 50 }),
  text('position', '职务', { max: 100 }),
  text('workUnit', '工作单位', { min: 2, max: 200 }),
  text('contribution', '主要质量贡献', { min: 10, max: 5000 }),
];

/** 政府质量奖 (区长/市长质量管理奖, 中国质量奖): the self-assessment is the 申报书; key results back it. */
const QUALITY_FORM: FormSpec = [
  section('selfAssessment', '自评报告', SELF_ASSESSMENT),
  rows('keyResults', '关键绩效指标', KEY_RESULT, { max: 30, required: false }),
  section('nominee', '被推荐个人', NOMINEE, { required: false }),
];

/** A unit that took part in building the project, with what it did (申报表's 主要参建单位). */
const PARTICIPANT: FormSpec = [text('name', '单位名称', { min: 2, max: 200 }), text('role', '承担角色', { max: 50 }), text('scope', '承担内容', { max: 500, required: false })];

/**
 * The project an engineering award is given to. Its identity is its name with its location
 * (subject-key.ts), so the 施工许可证号 is kept for the office to check, not to tell projects apart.
 * The 承建单位 is the applying organisation unless another is named (鲁班奖 is entered by the
 * 总承包/承建 unit, the other 参建单位 go with it); optional so that forms saved before these fields
 * existed stay complete.
 */
const PROJECT: FormSpec = [
  text('name', '名称', { min: 2, max: 200 }),
  text('location', '地点', { min: 2, max: 200 }),
  text('scale', '规模', { max: 200 }),
  amount('investment', '投资（万元）', { min: 0 }),
  amount('grossFloorArea', '建筑面积（平方米）', { min: 0, required: false }),
  text('constructionUnit', '建设单位', { min: 2, max: 200 }),
  text('contractor', '承建单位', { min: 2, max: 200, required: false }),
  text('constructionPermitNumber', '施工许可证号', { max: 50, required: false }),
  day('completionAcceptanceDate', '竣工验收日期'),
  rows('participants', '参建单位', PARTICIPANT, { max: 30, required: false }),
  text('description', '简介', { max: 5000, required: false }),
];

/** 工程质量奖 (鲁班奖 …): the completed project is the subject. */
const ENGINEERING_FORM: FormSpec = [section('project', '工程项目', PROJECT)];

const BRAND: FormSpec = [
  text('name', '名称', { max: 100 }),
  integer('foundedYear', '创立年份', { min: 1000, max: 2100 }),
  text('category', '品类', { max: 100 }),
  text('description', '简介', { max: 5000, required: false }),
];

/**
 * The product a 名牌产品 / 名牌农产品 recognition is for: one enterprise enters each of its products
 * in an application of its own, and each is recognised on its own (the 2018 重庆名牌农产品 round
 * recognised 291 products of 200 enterprises). Its identity in a cycle is its name (subject-key.ts).
 */
const PRODUCT: FormSpec = [
  text('name', '名称', { max: 100 }),
  text('trademark', '注册商标', { max: 100, required: false }),
  text('specifications', '规格型号', { max: 500, required: false }),
  day('batchProductionSince', '批量生产起始日期'),
  text('standard', '执行标准', { max: 100, required: false }),
  amount('annualOutput', '年产量', { min: 0, required: false }),
  text('outputUnit', '产量单位', { max: 20, required: false }),
  amount('annualSales', '年销售额（万元）', { min: 0, required: false }),
];

/** 品牌认定 (名牌产品, 老字号 …): the brand always; the product where the award is for one (see the catalog). */
const BRAND_FORM: FormSpec = [section('brand', '品牌', BRAND), section('product', '产品', PRODUCT, { required: false })];

export const FAMILY_FORMS: Readonly<Record<AwardFamily, FormSpec>> = { quality: QUALITY_FORM, engineering: ENGINEERING_FORM, brand: BRAND_FORM };

export interface FormCheckOptions {
  /** false for a draft (only what is there is checked); true at submission (everything required is there). */
  complete: boolean;
  /** Optional sections this award requires at submission (e.g. the product of a 名牌产品). */
  requiredSections?: readonly string[];
}

/**
 * Every problem of a family's form, each with its path (`form.selfAssessment.results`) and its
 * Chinese label (自评报告·结果).
 */
export function formProblems(family: AwardFamily, form: unknown, options: FormCheckOptions): FormFieldProblem[] {
  if (!isRecord(form)) return [{ field: 'form', label: '申报书', kind: 'invalid', messages: ['格式不正确（须为一组填写项）'] }];
  const spec = FAMILY_FORMS[family];
  const invalid = invalidFields(spec, form, 'form');
  if (family === 'quality') {
    const sa = form.selfAssessment;
    const total = isRecord(sa) ? Object.values(sa).reduce<number>((n, v) => n + (typeof v === 'string' ? [...v].length : 0), 0) : 0;
    if (total > SELF_ASSESSMENT_LIMIT) invalid.push({ field: 'form.selfAssessment', label: '自评报告', kind: 'invalid', messages: [`合计 ${total} 字，七个类目合计不能超过 ${SELF_ASSESSMENT_LIMIT} 字`] });
  }
  if (!options.complete) return invalid;
  // A field that is missing is not also reported as malformed.
  const missing = missingFields(spec, form, 'form', [], options.requiredSections);
  const missingPaths = new Set(missing.map((m) => m.field));
  return [...missing, ...invalid.filter((p) => !missingPaths.has(p.field))];
}

/** The problems as the 400 body lists them: the field's path, its Chinese label, what is wrong. */
export function validateForm(family: AwardFamily, form: unknown, options: FormCheckOptions): Array<{ field: string; label: string; messages: string[] }> {
  return formProblems(family, form, options).map((p) => ({ field: p.field, label: p.label, messages: p.messages }));
}
