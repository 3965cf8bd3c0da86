import { isRecord } from './form-schema';

/**
 * What an award is given to, which decides the "one active application" rule and what the 公示 and
 * the 表彰名单 name: an organisation (the quality awards, 旅游服务质量标杆单位), a completed project
 * (the engineering awards: one organisation may enter several), a product (名牌产品 / 名牌农产品: one
 * enterprise, several products, each recognised on its own) or a brand (老字号).
 */
export type SubjectKind = 'organization' | 'project' | 'product' | 'brand';

const SUBJECT_OF_AWARD: Readonly<Record<string, SubjectKind>> = {
  'luban-award': 'project',
  'lichun-award': 'project',
  'dayu-award': 'project',
  'zhantianyou-award': 'project',
  'cq-famous-brand-product': 'product',
  'cq-famous-agri-product': 'product',
  'cq-time-honored-brand': 'brand',
  'china-time-honored-brand': 'brand',
};

/** The subject of an award's applications; an award not listed is given to the organisation. */
export function subjectKindOf(awardCode: string): SubjectKind {
  return SUBJECT_OF_AWARD[awardCode] ?? 'organization';
}

/** How the console and the lists name the subject of each kind (“该工程项目”, “再申报一个产品”). */
export const SUBJECT_LABELS: Readonly<Record<SubjectKind, string>> = { organization: '单位', project: '工程项目', product: '产品', brand: '品牌' };

/**
 * Awards whose subject may be entered once: a project entered and not awarded is not entered again.
 * 《中国建设工程鲁班奖（国家优质工程）评选办法》（中国建筑业协会）, 评选工程范围 第三条：“已参加过鲁班奖评选而未
 * 获奖的工程，不再列入评选范围。” A project that won is refused too: the award is given to a 工程 once,
 * and no edition of the 评选办法 provides for selecting an awarded 工程 again. The other engineering
 * awards' rules say nothing of the kind, so they are not listed.
 */
const ENTERED_ONCE: ReadonlySet<string> = new Set(['luban-award']);

export function subjectEnteredOnce(awardCode: string): boolean {
  return ENTERED_ONCE.has(awardCode);
}

/**
 * A name as its identity: full-width and half-width alike (NFKC), case, spaces and punctuation
 * dropped, so “重庆市民中心（一期）” and “重庆市民中心(一期) ” are one project.
 */
export function normalizeSubjectText(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

function textAt(form: unknown, section: string, key: string): string | null {
  if (!isRecord(form)) return null;
  const s = form[section];
  if (!isRecord(s)) return null;
  const v = s[key];
  return typeof v === 'string' && normalizeSubjectText(v) !== '' ? v : null;
}

export interface ApplicationSubject {
  kind: SubjectKind;
  /**
   * Who the application competes as, stored on the row: two active applications of one cycle never
   * share it. Null while the subject is not named yet (a draft), which counts as the organisation's
   * one unnamed application. A project's key is the project's alone, whoever enters it; a product's
   * or brand's is within its organisation (another enterprise's 麻花 is another product).
   */
  key: string | null;
  /** The project's, product's or brand's name as written (null for the organisation, or not named yet). */
  name: string | null;
}

/** The subject an application names, from its award and its form (pure: the console computes the same). */
export function applicationSubject(awardCode: string, organizationId: string, form: unknown): ApplicationSubject {
  const kind = subjectKindOf(awardCode);
  switch (kind) {
    case 'organization':
      return { kind, key: null, name: null };
    case 'project': {
      const name = textAt(form, 'project', 'name');
      const location = textAt(form, 'project', 'location');
      // A name alone is not yet an identity: 两个“综合楼” in two places are two projects.
      return { kind, key: name && location ? `project:${normalizeSubjectText(name)}@${normalizeSubjectText(location)}` : null, name: name?.trim() ?? null };
    }
    case 'product': {
      const name = textAt(form, 'product', 'name');
      return { kind, key: name ? `product:${organizationId}:${normalizeSubjectText(name)}` : null, name: name?.trim() ?? null };
    }
    case 'brand': {
      const name = textAt(form, 'brand', 'name');
      return { kind, key: name ? `brand:${organizationId}:${normalizeSubjectText(name)}` : null, name: name?.trim() ?? null };
    }
  }
}

/** The key the "one active application" rule compares: the subject's, else the organisation's. */
export function effectiveSubjectKey(subjectKey: string | null, organizationId: string): string {
  return subjectKey ?? `organization:${organizationId}`;
}
