import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson, sha256Hex } from '@awardflow/workflow';
import { AWARD_CATALOG } from '../catalog/award-catalog';
import { AWARD_FAMILIES, compileEveryAwardAndPlan, compileStagePlan, statesTagged } from './award-families';
import { getAward } from '../catalog/award-catalog';
import RECORDED from './family-definitions.sha256.json';
import { A, S } from './workflow-names';

/**
 * The content hash of every definition a cycle can pin, by `code@version`. Registered rows never
 * change content, so a recorded hash never changes: a family whose compiled content changes takes
 * a new `version` in its family file, and the new hashes are added here (never edited).
 */
const recorded: Record<string, string> = RECORDED;
const compiled = compileEveryAwardAndPlan(AWARD_CATALOG);

describe('award family definitions', () => {
  it('compile, for every award and stage plan, to the content recorded for their version', () => {
    const changed: string[] = [];
    const unrecorded = new Set<string>();
    for (const { award, plan, compiled: c } of compiled) {
      const key = `${c.definition.code}@${c.definition.version}`;
      const hash = sha256Hex(canonicalJson(c.definition));
      if (!recorded[key]) unrecorded.add(`"${key}": "${hash}"`);
      else if (recorded[key] !== hash) changed.push(`${award.code} ${JSON.stringify(plan)} → ${key}: give the ${award.family} family a new version`);
    }
    expect(changed).toEqual([]);
    expect([...unrecorded]).toEqual([]);
    expect(new Set(compiled.map((c) => c.compiled.definition.code)).size).toBe(72 + 8 + 4 * 2);
  });

  it('compile a plan saved for v2 (publicityBeforePanel) to the very content of its v2 definition, but for code and label', () => {
    // v2's codes and labels, by its options: a cycle's stored v2 plan keeps its meaning under v3.
    const onOff = (on: boolean, key: string, off: string, yes: string) => ({ key: `${key}${+on}`, label: on ? yes : off });
    const pub = (before: boolean) => ({ key: before ? 'pb' : 'pa', label: before ? '先公示后审议' : '先审议后公示' });
    const v2: Array<{ award: string; label: string; plan: Record<string, boolean>; parts: Array<{ key: string; label: string }> }> = [];
    for (const d of [true, false]) for (const o of [true, false]) for (const p of [true, false]) {
      v2.push({ award: 'city-quality-award', label: '政府质量奖', plan: { defense: d, onsiteReview: o, publicityBeforePanel: p, expertReview: true }, parts: [onOff(d, 'd', '无企业答辩', '含企业答辩'), onOff(o, 'o', '无现场评审', '含现场评审'), pub(p)] });
    }
    for (const o of [true, false]) for (const p of [true, false]) {
      v2.push({ award: 'luban-award', label: '工程质量奖推荐', plan: { onsiteReview: o, publicityBeforePanel: p }, parts: [onOff(o, 'o', '无现场评审', '含现场复查'), pub(p)] });
    }
    // Not the brand family: its v3 replaced v2's validity timer and in-place 复核换证 on purpose (a 名牌
    // is valid for its batch, a 老字号 is re-checked), so a v2 brand plan is not v2's content under v3.
    for (const { award, label, plan, parts } of v2) {
      const code = `${getAward(award).family}:${parts.map((x) => x.key).join('-')}`;
      const definition = { ...compileStagePlan(getAward(award), plan), code, version: 2, label: `${label}评审流程（${parts.map((x) => x.label).join('，')}）` };
      expect([code, sha256Hex(canonicalJson(definition))]).toEqual([code, recorded[`${code}@2`]]);
    }
  });

  it('never record a version lower than one already recorded for the family', () => {
    for (const family of Object.values(AWARD_FAMILIES)) {
      const versions = Object.keys(recorded).filter((k) => k.startsWith(`${family.family}:`)).map((k) => Number(k.split('@')[1]));
      expect(Math.max(...versions)).toBe(family.version);
    }
  });

  it('derive the state sets other contexts used to list by hand', () => {
    const sorted = (states: readonly string[]) => [...states].sort();
    expect(sorted(statesTagged('editable'))).toEqual(sorted([S.draft, S.supplementRequested]));
    expect(sorted(statesTagged('inactive'))).toEqual(sorted(['withdrawn', 'rejected', 'expired', 'not_endorsed']));
    expect(sorted(statesTagged('selected', 'quality'))).toEqual(sorted(['awarded', 'nominated']));
    expect(sorted(statesTagged('selected'))).toEqual(sorted(['awarded', 'nominated', 'recognised']));
    expect(sorted(statesTagged('out'))).toEqual(sorted([S.rejected, S.withdrawn, S.notSelected, S.revoked, S.expired, S.notEndorsed, 'recognition_expired']));
    expect(sorted(statesTagged('reviewerVisible'))).toEqual(sorted(['formal_review', 'preliminary_review', 'onsite_review']));
    expect(sorted(statesTagged('awaitingWindowClose'))).toEqual(sorted(['submitted', 'draft']));
  });

  it('tag every terminal state as selected or out, never both, and nothing else', () => {
    for (const { compiled: c } of compiled) {
      for (const [state, def] of Object.entries(c.definition.states)) {
        const ends = c.tags[state].filter((t) => t === 'selected' || t === 'out');
        expect([state, ends.length]).toEqual([state, def.terminal ? 1 : 0]);
      }
    }
  });

  it('let the applicant withdraw from exactly the states tagged withdrawable', () => {
    for (const { compiled: c } of compiled) {
      const withdraw = c.definition.transitions.find((t) => t.action === A.withdraw)!;
      expect(withdraw.from).toEqual(Object.keys(c.tags).filter((s) => c.tags[s].includes('withdrawable')));
    }
  });

  it('are one file per family, each naming its awards, so 鲁班奖 is found by a search for its name', () => {
    const files = readdirSync(__dirname).filter((f) => f.endsWith('.family.ts'));
    expect(files.sort()).toEqual(['brand-recognition.family.ts', 'engineering-award.family.ts', 'quality-award.family.ts']);
    for (const award of AWARD_CATALOG) {
      const shortName = award.name.split('（')[0];
      const naming = files.filter((f) => readFileSync(join(__dirname, f), 'utf8').includes(shortName));
      expect([award.code, naming]).toEqual([award.code, [`${{ quality: 'quality-award', engineering: 'engineering-award', brand: 'brand-recognition' }[award.family]}.family.ts`]]);
    }
  });
});
