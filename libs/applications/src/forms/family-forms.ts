import { Family } from '@awardflow/awards';
import { FieldError, flattenValidationErrors } from '@awardflow/platform';
import { plainToInstance, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested, validateSync } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const SELF_ASSESSMENT_LIMIT = 30_000;

/** 自评报告 by GB/T 19580 category. */
class SelfAssessment {
  @IsString() @MinLength(1) leadership: string;
  @IsString() @MinLength(1) strategy: string;
  @IsString() @MinLength(1) customersAndMarkets: string;
  @IsString() @MinLength(1) resources: string;
  @IsString() @MinLength(1) processManagement: string;
  @IsString() @MinLength(1) measurementAnalysisImprovement: string;
  @IsString() @MinLength(1) results: string;
}

class KeyResult {
  @IsString() @MinLength(1) @MaxLength(100) indicator: string;
  @IsNumber() value: number;
  @IsString() @MaxLength(20) unit: string;
  @IsInt() @Min(2000) @Max(2100) year: number;
}

export class QualityAwardForm {
  @ValidateNested() @Type(() => SelfAssessment) selfAssessment: SelfAssessment;
  @IsArray() @ArrayMaxSize(30) @ValidateNested({ each: true }) @Type(() => KeyResult) keyResults: KeyResult[];
}

class Project {
  @IsString() @MinLength(2) @MaxLength(200) name: string;
  @IsString() @MinLength(2) @MaxLength(200) location: string;
  @IsString() @MinLength(1) @MaxLength(200) scale: string;
  @IsNumber() @Min(0) investment: number;
  @IsString() @MinLength(2) @MaxLength(200) constructionUnit: string;
  @Matches(DATE, { message: '须为日期（YYYY-MM-DD）' }) completionAcceptanceDate: string;
  @IsOptional() @IsString() @MaxLength(5000) description?: string;
}

export class EngineeringForm {
  @ValidateNested() @Type(() => Project) project: Project;
}

class Brand {
  @IsString() @MinLength(1) @MaxLength(100) name: string;
  @IsInt() @Min(1000) @Max(2100) foundedYear: number;
  @IsString() @MinLength(1) @MaxLength(100) category: string;
  @IsOptional() @IsString() @MaxLength(5000) description?: string;
}

class Product {
  @IsString() @MinLength(1) @MaxLength(100) name: string;
  @Matches(DATE, { message: '须为日期（YYYY-MM-DD）' }) batchProductionSince: string;
  @IsOptional() @IsString() @MaxLength(100) standard?: string;
}

export class BrandForm {
  @ValidateNested() @Type(() => Brand) brand: Brand;
  @IsOptional() @ValidateNested() @Type(() => Product) product?: Product;
}

const FORM_CLASSES = { quality: QualityAwardForm, engineering: EngineeringForm, brand: BrandForm } as const;

/**
 * Validates an application form of a family. Drafts may be incomplete (`complete: false` checks
 * only what is there); submission needs everything. Errors are named `form.<path>`.
 */
export function validateForm(family: Family, form: unknown, options: { complete: boolean }): FieldError[] {
  if (typeof form !== 'object' || form === null || Array.isArray(form)) return [{ field: 'form', messages: ['须为对象'] }];
  const instance = plainToInstance(FORM_CLASSES[family] as new () => object, form);
  const errors = flattenValidationErrors(
    validateSync(instance, { skipMissingProperties: !options.complete, whitelist: true, forbidNonWhitelisted: true }),
    'form',
  );
  if (family === 'quality') {
    const sa = (form as { selfAssessment?: Record<string, unknown> }).selfAssessment;
    const total = sa ? Object.values(sa).reduce<number>((n, v) => n + (typeof v === 'string' ? [...v].length : 0), 0) : 0;
    if (total > SELF_ASSESSMENT_LIMIT) errors.push({ field: 'form.selfAssessment', messages: [`共 ${total} 字，合计不能超过 ${SELF_ASSESSMENT_LIMIT} 字`] });
  }
  return errors;
}
