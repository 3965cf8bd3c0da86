import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { eligibilityChecklist, S, STATE_LABELS, stateTone } from './index';

const ROOT = __dirname;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [join(dir, e.name)] : []));
}

describe('@awardflow/rules', () => {
  it('imports nothing but its own files, so the console can bundle it', () => {
    const outside = sources(ROOT).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bfrom\s+'([^']+)'/g)]
        .map((m) => m[1])
        .filter((spec) => !spec.startsWith('.') || !resolve(file, '..', spec).startsWith(ROOT))
        .map((spec) => `${file.slice(ROOT.length + 1)} → ${spec}`),
    );
    expect(outside).toEqual([]);
  });

  it('labels every workflow state', () => {
    expect(Object.values(S).filter((state) => !STATE_LABELS[state])).toEqual([]);
    expect([stateTone(S.awarded), stateTone(S.revoked), stateTone(S.supplementRequested), stateTone(S.panel)]).toEqual(['success', 'error', 'warning', 'processing']);
  });

  it('checks the rules the enterprise can see with the API’s reasons, and leaves the office’s records to the API', () => {
    const organization = { id: 'o', name: '某公司', uscc: '91350100M000100Y43', regionCode: '500103', industry: 'C3825', foundedAt: '2024-03-01', creditGrade: null };
    const checks = eligibilityChecklist(
      [{ rule: 'region', params: { allowedPrefixes: ['5001'] } }, { rule: 'min_operating_years', params: { years: 3 } }, { rule: 'not_blacklisted' }, { rule: 'min_credit_grade', params: { grade: 'B' } }],
      { organization, form: {}, now: '2026-06-01T02:00:00.000Z' },
    );
    expect(checks).toEqual([
      { rule: 'region', label: '注册地在本行政区域内', ok: true },
      { rule: 'min_operating_years', label: '连续正常生产经营3年以上', ok: false, reason: '连续正常生产经营不满3年（成立于 2024-03-01，计算至 2026-06-01）' },
      { rule: 'not_blacklisted', label: '未列入市场监督管理严重违法失信名单', ok: null, reason: '由评奖办公室依据信用记录核查，提交时校验' },
      { rule: 'min_credit_grade', label: '质量信用等级须为B级及以上（未评定等级的不受此限）', ok: true },
    ]);
  });
});
