import type { AwardSummary } from '../../api/types';
import { SELF_ASSESSMENT_FIELDS } from '../../lib/labels';

export type Family = AwardSummary['family'];

/** Drops empty strings, nulls and empty objects/rows, so a half-filled draft passes the API's draft check. */
export function clean(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (Array.isArray(value)) return value.map(clean).filter((v) => v !== undefined);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const c = clean(v);
      if (c !== undefined) out[k] = c;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return value;
}

/** The form as the API stores it, from the editor's values. */
export function toApiForm(family: Family, values: Record<string, unknown>): Record<string, unknown> {
  const form = (clean(values) as Record<string, unknown> | undefined) ?? {};
  if (family === 'quality' && !Array.isArray(form.keyResults)) form.keyResults = [];
  return form;
}

/** What is still missing for submission, as Chinese lines (the API checks the same at submit). */
export function incompleteFields(family: Family, form: Record<string, unknown>): string[] {
  const missing: string[] = [];
  const get = (path: string): unknown => path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), form);
  const need = (path: string, label: string) => {
    const v = get(path);
    if (v === undefined || v === null || v === '') missing.push(`申报书未填写：${label}`);
  };
  if (family === 'quality') {
    for (const [key, label] of SELF_ASSESSMENT_FIELDS) need(`selfAssessment.${key}`, `自评报告·${label}`);
    const rows = (form.keyResults as Array<Record<string, unknown>> | undefined) ?? [];
    rows.forEach((row, i) => {
      for (const [key, label] of [['indicator', '指标'], ['value', '数值'], ['unit', '单位'], ['year', '年份']]) {
        if (row[key] === undefined || row[key] === '') missing.push(`申报书未填写：关键绩效指标第 ${i + 1} 行·${label}`);
      }
    });
  } else if (family === 'engineering') {
    for (const [key, label] of [['name', '工程名称'], ['location', '工程地点'], ['scale', '工程规模'], ['investment', '工程投资'], ['constructionUnit', '建设单位'], ['completionAcceptanceDate', '竣工验收日期']]) need(`project.${key}`, label);
  } else {
    for (const [key, label] of [['name', '品牌名称'], ['foundedYear', '品牌创立年份'], ['category', '品类']]) need(`brand.${key}`, label);
    if (form.product) for (const [key, label] of [['name', '产品名称'], ['batchProductionSince', '批量生产起始日期']]) need(`product.${key}`, label);
  }
  return missing;
}
