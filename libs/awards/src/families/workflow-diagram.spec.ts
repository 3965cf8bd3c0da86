import { describe, expect, it } from '@jest/globals';
import { AWARD_CATALOG } from '../catalog/award-catalog';
import { compileEveryAwardAndPlan } from './award-families';
import { awardWorkflowDiagram } from './workflow-diagram';

describe('awardWorkflowDiagram', () => {
  it('labels every state, transition, guard and timer of every award and plan in Chinese', () => {
    for (const { award, compiled } of compileEveryAwardAndPlan(AWARD_CATALOG)) {
      const labels = awardWorkflowDiagram(compiled.definition)
        .split('\n')
        .filter((line) => line.includes(' : '))
        .map((line) => line.slice(line.indexOf(' : ') + 3));
      const english = labels.filter((label) => /[A-Za-z]/.test(label));
      expect({ award: award.code, english }).toEqual({ award: award.code, english: [] });
    }
  });

  it('reads a guard as it holds or fails, and a timer as the transition it takes', () => {
    const [{ compiled }] = compileEveryAwardAndPlan(AWARD_CATALOG.filter((a) => a.code === 'city-quality-award'));
    const lines = awardWorkflowDiagram(compiled.definition).split('\n');
    expect(lines).toContain('  panel --> not_selected : 表决未通过 [计票未通过]');
    expect(lines).toContain('  note right of draft : 计时 申报截止 → 申报截止');
    expect(lines).toContain('  note right of supplement_requested : 计时 补正期限 → 补正逾期');
  });
});
