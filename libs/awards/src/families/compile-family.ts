import type { StateDefinition, TransitionDefinition, WorkflowDefinition } from '@awardflow/workflow';
import type { AwardDefinition } from '../catalog/award.types';
import { AwardFamilyDefinition, ChainPart, FamilyTransition, FlowPart, Fragment, PlanOption, Stage, StageChain, StateTag, When } from './family.types';
import { NormalisedStagePlan, StagePlan, upgradeStagePlan } from './stage-plan';

// `public`: a visitor without an account (a 公示 objection filed on the public page).
const ROLES = ['applicant', 'recommender', 'reviewer', 'admin', 'public'];

/** A family's definition for one award and plan, and the tags of its states (kept out of the stored definition). */
export interface CompiledFamily {
  definition: WorkflowDefinition;
  tags: Record<string, StateTag[]>;
}

/**
 * The plan with the family's defaults filled, the options it does not have held fixed, a value an
 * option does not offer replaced by the default (`planProblems` reports it to whoever asked), and
 * an option whose `requires` is off held at its first choice. A legacy `publicityBeforePanel` is read.
 */
export function normaliseFamilyPlan(family: AwardFamilyDefinition, plan: StagePlan = {}): NormalisedStagePlan {
  const given = Object.fromEntries(Object.entries(upgradeStagePlan(plan)).filter(([, v]) => v !== undefined)) as StagePlan;
  const p = { ...family.plan.defaults, ...given, ...family.plan.fixed } as NormalisedStagePlan;
  for (const o of family.plan.options) {
    if (!o.choices.some((c) => c.value === p[o.flag])) (p as Record<string, unknown>)[o.flag] = family.plan.defaults[o.flag];
    if (o.requires && !p[o.requires]) (p as Record<string, unknown>)[o.flag] = o.choices[0].value;
  }
  return { ...p, publicityBeforePanel: p.publicity === 'before_panel' };
}

/** Values a cycle asked for that the family's options do not offer, by option (empty when none). */
export function familyPlanProblems(family: AwardFamilyDefinition, plan: StagePlan = {}): Array<{ flag: string; offered: Array<boolean | string> }> {
  const given = upgradeStagePlan(plan) as Record<string, unknown>;
  return family.plan.options
    .filter((o) => given[o.flag] !== undefined && !o.choices.some((c) => c.value === given[o.flag]))
    .map((o) => ({ flag: o.flag, offered: o.choices.map((c) => c.value) }));
}

const choiceOf = (o: PlanOption, plan: NormalisedStagePlan) => o.choices.find((c) => c.value === plan[o.flag]) ?? o.choices[0];

/** Stable key of a plan, part of the compiled definition's code (`r0-d1-s0-o1-c0-pb`). */
export function familyPlanKey(family: AwardFamilyDefinition, plan: NormalisedStagePlan): string {
  return family.plan.options.map((o) => choiceOf(o, plan).key).join('-');
}

/**
 * Every distinct plan of a family: the product of its own options' choices (not of every option
 * any family has), without the combinations normalisation folds into another (a scored 答辩 with
 * no 答辩).
 */
export function familyPlans(family: AwardFamilyDefinition): NormalisedStagePlan[] {
  let partials: StagePlan[] = [{}];
  for (const o of family.plan.options) partials = partials.flatMap((p) => o.choices.map((c) => ({ ...p, [o.flag]: c.value })));
  const plans = new Map<string, NormalisedStagePlan>();
  for (const partial of partials) {
    const plan = normaliseFamilyPlan(family, partial);
    plans.set(familyPlanKey(family, plan), plan);
  }
  return [...plans.values()];
}

/**
 * Reads a family's declared flow for one award and plan: fragments are taken in order, plan
 * options pick their branch, and the stage chain is linked (each pass leads to the next stage).
 */
export function compileFamily(family: AwardFamilyDefinition, award: AwardDefinition, plan: StagePlan = {}): CompiledFamily {
  const p = normaliseFamilyPlan(family, plan);
  const states: Record<string, StateDefinition> = {};
  const tags: Record<string, StateTag[]> = {};
  const transitions: FamilyTransition[] = [];

  const addFragment = (fragment: Fragment) => {
    for (const [name, { tags: stateTags, ...state }] of Object.entries(fragment.states ?? {})) {
      states[name] = state;
      tags[name] = stateTags ?? [];
    }
    transitions.push(...(fragment.transitions ?? []));
  };
  const addChain = (chain: StageChain) => {
    const stages = flattenChain(chain.chain, p);
    let withdrawable = true;
    stages.forEach((stage, i) => addFragment(linkStage(stage, stages[i + 1]?.state ?? chain.then, (withdrawable &&= !stage.endsWithdrawal))));
  };
  const add = (part: FlowPart): void => {
    if (typeof part === 'function') return add(part(award) as FlowPart);
    if (Array.isArray(part)) return part.forEach(add);
    if ('chain' in part) return addChain(part);
    if ('when' in part) return pick(part, p).forEach(add);
    addFragment(part);
  };
  family.flow.forEach(add);

  const variant = family.variant?.(award);
  const resolved: TransitionDefinition[] = transitions.map((t) => ({ ...t, from: typeof t.from === 'object' && !Array.isArray(t.from) ? taggedStates(tags, t.from.tagged) : t.from }));
  return {
    definition: {
      code: `${family.family}:${familyPlanKey(family, p)}${variant ? `-${variant.key}` : ''}`,
      version: family.version,
      // An option held off by the one it requires says nothing (no 「答辩不评分」 without a 答辩).
      label: `${family.label}评审流程（${[...family.plan.options.filter((o) => !o.requires || p[o.requires]).map((o) => choiceOf(o, p).label), ...(variant ? [variant.label] : [])].join('，')}）`,
      roles: ROLES,
      initial: Object.keys(states)[0],
      states,
      transitions: resolved,
    },
    tags,
  };
}

function pick<T>(part: T | When<T>, plan: NormalisedStagePlan): T[] {
  if (part && typeof part === 'object' && 'when' in part) {
    const on = part.is === undefined ? Boolean(plan[part.when]) : plan[part.when] === part.is;
    return on ? part.then : (part.otherwise ?? []);
  }
  return [part as T];
}

function flattenChain(parts: ChainPart[], plan: NormalisedStagePlan): Stage[] {
  return parts.flatMap((part): Stage[] => (Array.isArray(part) ? flattenChain(part, plan) : 'when' in part ? flattenChain(pick(part, plan), plan) : [part]));
}

/** A stage as a fragment: its state, its pass to `next`, its failure if it has one. */
function linkStage(stage: Stage, next: string, withdrawable: boolean): Fragment {
  const stateTags: StateTag[] = [...(stage.tags ?? []), ...(withdrawable ? (['withdrawable'] as const) : [])];
  const { action, label, roles, guard, effects } = stage.pass;
  const transitions: FamilyTransition[] = [{ action, label, from: stage.state, to: next, roles, guard, effects }];
  if (stage.fail) {
    const f = stage.fail;
    transitions.push({ action: f.action, label: f.label, from: stage.state, to: f.to, roles: f.roles, guard: f.guard, requiresComment: f.requiresComment, effects: f.effects });
  }
  return { states: { [stage.state]: { label: stage.label, onEnter: stage.onEnter, timers: stage.timers, tags: stateTags } }, transitions };
}

function taggedStates(tags: Record<string, StateTag[]>, tag: StateTag): string[] {
  return Object.keys(tags).filter((state) => tags[state].includes(tag));
}
