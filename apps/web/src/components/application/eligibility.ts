import type { EligibilityRule, Organization } from '../../api/types';

export interface RuleCheck {
  rule: string;
  label: string;
  /** true passes, false fails (with reason), null: only the office can check it (records it keeps). */
  ok: boolean | null;
  reason?: string;
}

const GRADES = ['A', 'B', 'C', 'D'];

function today(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}
function minusYears(date: string, years: number): string {
  return `${String(Number(date.slice(0, 4)) - years).padStart(4, '0')}${date.slice(4)}`;
}
function formValue(form: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), form);
}

/**
 * The cycle's eligibility rules against what the enterprise can see of its own facts, with the same
 * Chinese reasons the API gives. Rules on records only the office holds (blacklist, accidents…) are
 * left to the API, which checks every rule again at submission.
 */
export function checkEligibility(rules: EligibilityRule[], labels: Map<string, string>, org: Organization, form: Record<string, unknown>): RuleCheck[] {
  return rules.map((ref) => {
    const p = (ref.params ?? {}) as Record<string, unknown>;
    const label = (labels.get(ref.rule) ?? ref.rule).replace(' N ', ` ${String(p.years ?? 'N')} `);
    const result = (ok: boolean | null, reason?: string): RuleCheck => ({ rule: ref.rule, label, ok, reason });
    switch (ref.rule) {
      case 'region': {
        const prefixes = (p.allowedPrefixes as string[]) ?? [];
        return prefixes.some((x) => org.regionCode.startsWith(x)) ? result(true) : result(false, `注册地（行政区划代码 ${org.regionCode}）不在本奖项受理范围内`);
      }
      case 'industry_sections': {
        const sections = (p.sections as string[]) ?? [];
        const section = org.industry.charAt(0);
        return sections.includes(section) ? result(true) : result(false, `所属行业门类 ${section}（${org.industry}）不在受理范围（${sections.join('、')}）内`);
      }
      case 'min_operating_years': {
        const founded = org.foundedAt.slice(0, 10);
        return founded <= minusYears(today(), Number(p.years)) ? result(true) : result(false, `成立不满 ${p.years} 年（成立于 ${founded}）`);
      }
      case 'min_credit_grade': {
        if (!org.creditGrade) return result(false, `尚无质量信用等级评定（要求不低于 ${p.grade} 级）`);
        return GRADES.indexOf(org.creditGrade) <= GRADES.indexOf(String(p.grade)) ? result(true) : result(false, `质量信用等级为 ${org.creditGrade} 级，低于要求的 ${p.grade} 级`);
      }
      case 'brand_founded_years_ago': {
        const year = Number(formValue(form, 'brand.foundedYear'));
        if (!Number.isInteger(year)) return result(false, '申报书未填写品牌创立年份');
        return Number(today().slice(0, 4)) - year >= Number(p.years) ? result(true) : result(false, `品牌创立于 ${year} 年，不满 ${p.years} 年`);
      }
      case 'batch_production_years': {
        const since = String(formValue(form, 'product.batchProductionSince') ?? '');
        if (!/^\d{4}-\d{2}-\d{2}$/.test(since)) return result(false, '申报书未填写批量生产起始日期');
        return since <= minusYears(today(), Number(p.years)) ? result(true) : result(false, `批量生产不满 ${p.years} 年（自 ${since} 起）`);
      }
      case 'completion_date_window': {
        const date = String(formValue(form, 'project.completionAcceptanceDate') ?? '');
        if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return result(false, '申报书未填写竣工验收日期');
        return date >= String(p.from) && date <= String(p.to) ? result(true) : result(false, `竣工验收日期 ${date} 不在规定期间（${p.from} 至 ${p.to}）内`);
      }
      default:
        return result(null, '由评奖办公室依据信用记录核查，提交时校验');
    }
  });
}
