import { Family } from '@awardflow/awards';
import { FieldError } from '@awardflow/platform';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { Amount, Day, FormFieldProblem, Integer, invalidFields, missingFields, Rows, Section, Text } from './form-schema';

export const SELF_ASSESSMENT_LIMIT = 30_000;

/** 自评报告: one narrative per GB/T 19580 category, all seven needed (their total is capped below). */
class SelfAssessment {
  @Text('领导') leadership: string;
  @Text('战略') strategy: string;
  @Text('顾客与市场') customersAndMarkets: string;
  @Text('资源') resources: string;
  @Text('过程管理') processManagement: string;
  @Text('测量、分析与改进') measurementAnalysisImprovement: string;
  @Text('结果') results: string;
}

class KeyResult {
  @Text('指标', { max: 100 }) indicator: string;
  @Amount('数值') value: number;
  @Text('单位', { max: 20 }) unit: string;
  @Integer('年份', { min: 2000, max: 2100 }) year: number;
}

/** 政府质量奖 (区长/市长质量管理奖): the self-assessment is the 申报书; key results back it. */
export class QualityAwardForm {
  @Section('自评报告', () => SelfAssessment) selfAssessment: SelfAssessment;
  @Rows('关键绩效指标', () => KeyResult, { max: 30, required: false }) keyResults?: KeyResult[];
}

class Project {
  @Text('名称', { min: 2, max: 200 }) name: string;
  @Text('地点', { min: 2, max: 200 }) location: string;
  @Text('规模', { max: 200 }) scale: string;
  @Amount('投资（万元）', { min: 0 }) investment: number;
  @Text('建设单位', { min: 2, max: 200 }) constructionUnit: string;
  @Day('竣工验收日期') completionAcceptanceDate: string;
  @Text('简介', { max: 5000, required: false }) description?: string;
}

/** 工程质量奖 (鲁班奖 …): the completed project is the subject. */
export class EngineeringForm {
  @Section('工程项目', () => Project) project: Project;
}

class Brand {
  @Text('名称', { max: 100 }) name: string;
  @Integer('创立年份', { min: 1000, max: 2100 }) foundedYear: number;
  @Text('品类', { max: 100 }) category: string;
  @Text('简介', { max: 5000, required: false }) description?: string;
}

class Product {
  @Text('名称', { max: 100 }) name: string;
  @Day('批量生产起始日期') batchProductionSince: string;
  @Text('执行标准', { max: 100, required: false }) standard?: string;
}

/** 品牌认定 (名牌产品, 老字号 …): the brand always; the product where the award is for one (see the catalog). */
export class BrandForm {
  @Section('品牌', () => Brand) brand: Brand;
  @Section('产品', () => Product, { required: false }) product?: Product;
}

const FORM_CLASSES = { quality: QualityAwardForm, engineering: EngineeringForm, brand: BrandForm } as const;

export interface FormCheckOptions {
  /** false for a draft (only what is there is checked); true at submission (everything required is there). */
  complete: boolean;
  /** Optional sections this award requires at submission (e.g. the product of a 名牌产品). */
  requiredSections?: string[];
}

/**
 * Every problem of a family's form, each with its path (`form.selfAssessment.results`) and its
 * Chinese label (自评报告·结果).
 */
export function formProblems(family: Family, form: unknown, options: FormCheckOptions): FormFieldProblem[] {
  if (typeof form !== 'object' || form === null || Array.isArray(form)) return [{ field: 'form', label: '申报书', kind: 'invalid', messages: ['格式不正确（须为一组填写项）'] }];
  const cls = FORM_CLASSES[family];
  const invalid = invalidFields(cls, validateSync(plainToInstance(cls as new () => object, form), { whitelist: true, forbidNonWhitelisted: true }), 'form');
  if (family === 'quality') {
    const sa = (form as { selfAssessment?: unknown }).selfAssessment;
    const total = sa && typeof sa === 'object' ? Object.values(sa).reduce<number>((n, v) => n + (typeof v === 'string' ? [...v].length : 0), 0) : 0;
    if (total > SELF_ASSESSMENT_LIMIT) invalid.push({ field: 'form.selfAssessment', label: '自评报告', kind: 'invalid', messages: [`合计 ${total} 字，七个类目合计不能超过 ${SELF_ASSESSMENT_LIMIT} 字`] });
  }
  if (!options.complete) return invalid;
  // A field that is missing is not also reported as malformed.
  const missing = missingFields(cls, form as Record<string, unknown>, 'form', [], options.requiredSections);
  const missingPaths = new Set(missing.map((m) => m.field));
  return [...missing, ...invalid.filter((p) => !missingPaths.has(p.field))];
}

/** The problems as the 400 body lists them: the field's path, its Chinese label, what is wrong. */
export function validateForm(family: Family, form: unknown, options: FormCheckOptions): FieldError[] {
  return formProblems(family, form, options).map((p) => ({ field: p.field, label: p.label, messages: p.messages }));
}
