import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson, sha256Hex } from '@awardflow/workflow';
import { AWARD_CATALOG } from '../catalog/award-catalog';
import { AWARD_FAMILIES, compileEveryAwardAndPlan, statesTagged } from './award-families';
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
    expect(new Set(compiled.map((c) => c.compiled.definition.code)).size).toBe(16);
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
