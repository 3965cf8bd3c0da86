import { describe, expect, it } from '@jest/globals';
import { AWARD_CATALOG } from './award-catalog';
import { certificateNumberFormatProblems, DEFAULT_CERTIFICATE_NUMBER_FORMAT, formatCertificateNumber, formatNamesTier } from './certificate-number';

const facts = { year: 2026, office: '500103', award: 'DMQ', tier: 'award' as const, seq: 7 };

describe('certificate number formats', () => {
  it('fills every token, padding the ordinal to the zeros given', () => {
    expect(formatCertificateNumber('{year}-{office}-{tier}{seq:000}', facts)).toBe('2026-500103-J007');
    expect(formatCertificateNumber(DEFAULT_CERTIFICATE_NUMBER_FORMAT, { ...facts, tier: 'second', seq: 12 })).toBe('2026DMQ-500103-T012');
    expect(formatCertificateNumber('渝中质奖{year}第{seq}号', { ...facts, seq: 3 })).toBe('渝中质奖2026第3号');
    expect(formatCertificateNumber('{award}{seq:00}', { ...facts, seq: 1234 })).toBe('DMQ1234');
  });

  it('gives every award a default that names the office, the award, the year and the tier', () => {
    for (const award of AWARD_CATALOG) {
      expect(certificateNumberFormatProblems(award.certificateNumberFormat)).toEqual([]);
      for (const token of ['{year}', '{office}', '{award}', '{tier}']) expect(award.certificateNumberFormat).toContain(token);
    }
  });

  it('refuses a format without {seq}, unknown tokens, stray braces and characters unfit for a URL, in Chinese', () => {
    expect(certificateNumberFormatProblems('{year}-{office}')).toEqual(['须包含序号占位符 {seq}（如 {seq:000} 表示补零到三位）']);
    expect(certificateNumberFormatProblems('{year}-{month}-{seq}')).toEqual(['不认识的占位符 {month}；可用 {year}、{office}、{award}、{tier}、{seq} 或 {seq:000}']);
    expect(certificateNumberFormatProblems('{seq:abc}')[0]).toContain('不认识的占位符 {seq:abc}');
    expect(certificateNumberFormatProblems('{seq}{seq}')).toEqual(['序号占位符 {seq} 只能出现一次']);
    expect(certificateNumberFormatProblems('{year/{seq}')).toContain('花括号须成对使用，如 {seq:000}');
    expect(certificateNumberFormatProblems('{year}/{seq}')).toEqual(['固定文字“/”只能使用字母、数字、汉字和 - _ .']);
    expect(certificateNumberFormatProblems('  ')).toEqual(['请填写证书编号格式，如 {year}{award}-{office}-{tier}{seq:000}']);
    expect(certificateNumberFormatProblems(`${'X'.repeat(60)}{seq}`)).toEqual(['生成的证书编号过长：最多 64 个字符']);
  });

  it('says whether a format tells the tiers apart', () => {
    expect(formatNamesTier('{year}-{tier}{seq}')).toBe(true);
    expect(formatNamesTier('{year}-{seq}')).toBe(false);
  });

  it('throws rather than number with a refused format', () => {
    expect(() => formatCertificateNumber('{year}', facts)).toThrow(/seq/);
  });
});
