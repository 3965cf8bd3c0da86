/**
 * Certificate numbers from a format such as `{year}{award}-{office}-{tier}{seq:000}`: the award's
 * default in the catalog, or the cycle's own. Tokens:
 *   {year}   the cycle's year (2026)
 *   {office} the issuing office's GB/T 2260 division code (500103)
 *   {award}  the award's short code (DMQ)
 *   {tier}   J for the award, T for the second tier (提名奖)
 *   {seq}    the ordinal within the cycle and tier; {seq:000} zero-padded to three digits
 * Anything else between braces is refused; literal text is letters, digits, `-`, `_`, `.` and
 * Chinese characters (a number is looked up in a URL and printed on paper).
 */
export const DEFAULT_CERTIFICATE_NUMBER_FORMAT = '{year}{award}-{office}-{tier}{seq:000}';

/** The widest number the certificates table stores. */
export const CERTIFICATE_NUMBER_MAX_LENGTH = 64;

export type CertificateTierCode = 'award' | 'second';

export interface CertificateNumberFacts {
  year: number;
  /** The office's division code. */
  office: string;
  /** The award's short code. */
  award: string;
  tier: CertificateTierCode;
  seq: number;
}

type Part = { literal: string } | { token: 'year' | 'office' | 'award' | 'tier' } | { token: 'seq'; width: number };

const TOKEN = /\{([^{}]*)\}/g;
const LITERAL = /^[A-Za-z0-9\-_.\u4e00-\u9fff]*$/;
const NAMED = ['year', 'office', 'award', 'tier'] as const;

function parse(format: string): { parts: Part[]; problems: string[] } {
  const parts: Part[] = [];
  const problems: string[] = [];
  let last = 0;
  for (const match of format.matchAll(TOKEN)) {
    if (match.index! > last) parts.push({ literal: format.slice(last, match.index) });
    last = match.index! + match[0].length;
    const name = match[1];
    const seq = /^seq(?::(0{1,8}))?$/.exec(name);
    if (seq) parts.push({ token: 'seq', width: seq[1]?.length ?? 0 });
    else if ((NAMED as readonly string[]).includes(name)) parts.push({ token: name as (typeof NAMED)[number] });
    else problems.push(`不认识的占位符 {${name}}；可用 {year}、{office}、{award}、{tier}、{seq} 或 {seq:000}`);
  }
  if (last < format.length) parts.push({ literal: format.slice(last) });
  for (const part of parts) {
    if ('literal' in part && !LITERAL.test(part.literal)) {
      problems.push(/[{}]/.test(part.literal) ? '花括号须成对使用，如 {seq:000}' : `固定文字“${part.literal}”只能使用字母、数字、汉字和 - _ .`);
    }
  }
  const seqCount = parts.filter((p) => 'token' in p && p.token === 'seq').length;
  if (seqCount === 0) problems.push('须包含序号占位符 {seq}（如 {seq:000} 表示补零到三位）');
  if (seqCount > 1) problems.push('序号占位符 {seq} 只能出现一次');
  return { parts, problems };
}

/** What is wrong with a format, in Chinese; empty when it may be used. */
export function certificateNumberFormatProblems(format: string): string[] {
  if (!format.trim()) return ['请填写证书编号格式，如 {year}{award}-{office}-{tier}{seq:000}'];
  const { problems } = parse(format);
  if (problems.length) return problems;
  // The widest number it makes (a ten-thousandth certificate, a 12-digit division code) must fit.
  const widest = formatCertificateNumber(format, { year: 2026, office: '000000000000', award: 'XXXX', tier: 'award', seq: 99999 });
  if (widest.length > CERTIFICATE_NUMBER_MAX_LENGTH) return [`生成的证书编号过长：最多 ${CERTIFICATE_NUMBER_MAX_LENGTH} 个字符`];
  return [];
}

/** Whether numbers made by this format tell the tiers apart (it names {tier}). */
export function formatNamesTier(format: string): boolean {
  return parse(format).parts.some((p) => 'token' in p && p.token === 'tier');
}

/** The number for these facts; throws on a format certificateNumberFormatProblems refuses. */
export function formatCertificateNumber(format: string, facts: CertificateNumberFacts): string {
  const { parts, problems } = parse(format);
  if (problems.length) throw new Error(`certificate number format "${format}": ${problems.join('; ')}`);
  return parts
    .map((p) => {
      if ('literal' in p) return p.literal;
      switch (p.token) {
        case 'year':
          return String(facts.year);
        case 'office':
          return facts.office;
        case 'award':
          return facts.award;
        case 'tier':
          return facts.tier === 'award' ? 'J' : 'T';
        case 'seq':
          return String(facts.seq).padStart(p.width, '0');
      }
    })
    .join('');
}
