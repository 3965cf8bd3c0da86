import type { WorkflowDefinition } from '@awardflow/workflow';
import { AWARD_CATALOG } from '../catalog/award-catalog';
import type { AwardDefinition } from '../catalog/award.types';
import { BRAND_RECOGNITION_FAMILY } from './brand-recognition.family';
import { CompiledFamily, compileFamily, familyPlanKey, familyPlanProblems, familyPlans, normaliseFamilyPlan } from './compile-family';
import { ENGINEERING_AWARD_FAMILY } from './engineering-award.family';
import { AwardFamilyDefinition, StateTag } from './family.types';
import { QUALITY_AWARD_FAMILY } from './quality-award.family';
import { Family, NormalisedStagePlan, StagePlan } from './stage-plan';

/** Every award family's declared workflow, by family. */
export const AWARD_FAMILIES: Readonly<Record<Family, AwardFamilyDefinition>> = {
  quality: QUALITY_AWARD_FAMILY,
  engineering: ENGINEERING_AWARD_FAMILY,
  brand: BRAND_RECOGNITION_FAMILY,
};

export const DEFAULT_STAGE_PLANS = Object.fromEntries(Object.values(AWARD_FAMILIES).map((f) => [f.family, normaliseFamilyPlan(f)])) as Record<Family, NormalisedStagePlan>;

/** The plan with defaults filled and options a family does not have switched off. */
export function normalisePlan(family: Family, plan: StagePlan = {}): NormalisedStagePlan {
  return normaliseFamilyPlan(AWARD_FAMILIES[family], plan);
}

/** Stable key of a plan, part of the compiled definition's code. */
export function planKey(family: Family, plan: NormalisedStagePlan): string {
  return familyPlanKey(AWARD_FAMILIES[family], plan);
}

/** Option values a cycle asked for that its family does not offer (a 公示 after 审批 for a nomination). */
export function planProblems(family: Family, plan: StagePlan = {}): Array<{ flag: string; offered: Array<boolean | string> }> {
  return familyPlanProblems(AWARD_FAMILIES[family], plan);
}

/** Every distinct plan a cycle of the family can choose, from the family's own options. */
export function stagePlansOf(family: Family): NormalisedStagePlan[] {
  return familyPlans(AWARD_FAMILIES[family]);
}

/** Compiles an award's stage plan into its family's verifiable, versioned workflow definition. */
export function compileStagePlan(award: AwardDefinition, plan: StagePlan = {}): WorkflowDefinition {
  return compileFamily(AWARD_FAMILIES[award.family], award, plan).definition;
}

export function familyLabel(family: Family): string {
  return AWARD_FAMILIES[family].label;
}

let compiledAll: Array<{ award: AwardDefinition; plan: NormalisedStagePlan; compiled: CompiledFamily }> | undefined;

/** Every award under every plan of its family, compiled (for tag queries and checks over all definitions). */
export function compileEveryAwardAndPlan(awards: AwardDefinition[]): Array<{ award: AwardDefinition; plan: NormalisedStagePlan; compiled: CompiledFamily }> {
  const plans = new Map<Family, NormalisedStagePlan[]>();
  return awards.flatMap((award) => {
    if (!plans.has(award.family)) plans.set(award.family, stagePlansOf(award.family));
    return plans.get(award.family)!.map((plan) => ({ award, plan, compiled: compileFamily(AWARD_FAMILIES[award.family], award, plan) }));
  });
}

const tagged = new Map<string, readonly string[]>();

/**
 * The states carrying a tag in any family under any plan (or in one family), for code that asks
 * about applications of every award at once: `statesTagged('inactive').includes(state)`.
 */
export function statesTagged(tag: StateTag, family?: Family): readonly string[] {
  const key = `${tag}:${family ?? ''}`;
  let states = tagged.get(key);
  if (!states) {
    compiledAll ??= compileEveryAwardAndPlan(AWARD_CATALOG);
    const found = new Set<string>();
    for (const { award, compiled } of compiledAll) {
      if (family && award.family !== family) continue;
      for (const [state, tags] of Object.entries(compiled.tags)) if (tags.includes(tag)) found.add(state);
    }
    states = Object.freeze([...found]);
    tagged.set(key, states);
  }
  return states;
}

/** The same states as an SQL list of literals (`'draft', 'submitted'`) for `state IN (…)`; names are [a-z_] only. */
export function stateListSql(tag: StateTag): string {
  return statesTagged(tag)
    .map((state) => {
      if (!/^[a-z_]+$/.test(state)) throw new Error(`state name "${state}" cannot be an SQL literal`);
      return `'${state}'`;
    })
    .join(', ');
}
