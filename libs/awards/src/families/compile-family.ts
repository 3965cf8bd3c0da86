import type { StateDefinition, TransitionDefinition, WorkflowDefinition } from '@awardflow/workflow';
import type { AwardDefinition } from '../catalog/award.types';
import { AwardFamilyDefinition, FamilyTransition, FlowPart, Fragment, Stage, StageChain, StateTag, When } from './family.types';
import { StagePlan } from './stage-plan';

// `public`: a visitor without an account (a 公示 objection filed on the public page).
const ROLES = ['applicant', 'recommender', 'reviewer', 'admin', 'public'];

/** A family's definition for one award and plan, and the tags of its states (kept out of the stored definition). */
export interface CompiledFamily {
  definition: WorkflowDefinition;
  tags: Record<string, StateTag[]>;
}

/** The plan with the family's defaults filled and the options it does not have held fixed. */
export function normaliseFamilyPlan(family: AwardFamilyDefinition, plan: StagePlan = {}): Required<StagePlan> {
  return { ...family.plan.defaults, ...plan, ...family.plan.fixed };
}

/** Stable key of a plan, part of the compiled definition's code (`d1-o1-pb`). */
export function familyPlanKey(family: AwardFamilyDefinition, plan: Required<StagePlan>): string {
  return family.plan.options.map((o) => o.key[+plan[o.flag]]).join('-');
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
    const stages = chain.chain.flatMap((s) => (Array.isArray(s) ? s : pick(s, p)));
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
      label: `${family.label}评审流程（${[...family.plan.options.map((o) => o.label[+p[o.flag]]), ...(variant ? [variant.label] : [])].join('，')}）`,
      roles: ROLES,
      initial: Object.keys(states)[0],
      states,
      transitions: resolved,
    },
    tags,
  };
}

function pick<T>(part: T | When<T>, plan: Required<StagePlan>): T[] {
  if (part && typeof part === 'object' && 'when' in part) return plan[part.when] ? part.then : (part.otherwise ?? []);
  return [part as T];
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
