import { describe, expect, it } from '@jest/globals';
import { EffectRegistry, fromStates, GuardRegistry, WorkflowDefinition } from '@awardflow/workflow';
import { AWARD_CATALOG } from '../catalog/award-catalog';
import { registerAwardGuardsAndEffects } from './guards-and-effects';
import { ACTION_TABLE, ActorScope, actionRule, GENERIC_ACTION_ROUTE, genericUseCases, scopeOf, SYSTEM_ONLY } from './action-table';
import { compileStagePlan, stagePlansOf } from './award-families';
import { A } from './workflow-names';

const guards = new GuardRegistry();
registerAwardGuardsAndEffects(guards, new EffectRegistry());

// 区县推荐 2 × 答辩 (none, unscored, scored) 3 × 现场评审 2 × 综合评选 2 × 公示 3; engineering 2 × 2 × 2; brand 2 × 2.
// brand: each plan as a 名牌 (batch validity) and as a 老字号 (re-checked).
const PLAN_COUNT = 72 + 8 + 4 * 2;
const PEOPLE = ['applicant', 'recommender', 'reviewer', 'admin'] as const;

/** Every definition a cycle can run: each award of each family under each stage plan. */
const DEFINITIONS: WorkflowDefinition[] = [...new Map(AWARD_CATALOG.flatMap((award) => stagePlansOf(award.family).map((plan) => compileStagePlan(award, plan))).map((d) => [d.code, d])).values()];

/** Which finer rules make sense for which role. */
const SCOPES_OF_ROLE: Record<string, ActorScope[]> = {
  applicant: ['own_organization', 'anyone'],
  recommender: ['cycle_office', 'anyone'],
  reviewer: ['first_review_reviewer', 'onsite_reviewer', 'anyone'],
  admin: ['cycle_office', 'anyone'],
  system: ['automation'],
  public: ['anyone'],
};

/**
 * Where the table is deliberately narrower than a definition: a role the engine would accept, but
 * that no person may use because the outcome is computed or the moment is set by a timer.
 */
const NARROWED = ['close_panel_vote:system', 'finish_expert_review:admin', 'publicity_ended:admin'];

/** In place 复核换证: only brand definitions of version 2 have it, still pinned by the cycles opened under it. */
const RETIRED = [A.requestRenewal, A.approveRenewal, A.rejectRenewal] as string[];

describe('the action table', () => {
  it('covers every family: one definition per award and stage plan', () => {
    expect(new Set(DEFINITIONS.map((d) => d.code.split(':')[0]))).toEqual(new Set(['quality', 'engineering', 'brand']));
    expect(DEFINITIONS.length).toBe(PLAN_COUNT);
  });

  it('has an entry for every action of every compiled definition, and no stale entry', () => {
    const used = new Set(DEFINITIONS.flatMap((d) => d.transitions.map((t) => t.action)));
    for (const action of used) expect([action, actionRule(action) !== undefined]).toEqual([action, true]);
    expect(Object.keys(ACTION_TABLE).filter((a) => !used.has(a) && !RETIRED.includes(a))).toEqual([]);
    expect(new Set(Object.keys(ACTION_TABLE))).toEqual(new Set(Object.values(A)));
    expect(actionRule('toString')).toBeUndefined();
    expect(actionRule('approve_everything')).toBeUndefined();
  });

  it('never lets a role take an action the definitions refuse it, and lists every narrowing', () => {
    const narrowed: string[] = [];
    for (const [action, rule] of Object.entries(ACTION_TABLE)) {
      if (RETIRED.includes(action)) continue;
      const defined = new Set(DEFINITIONS.flatMap((d) => d.transitions.filter((t) => t.action === action).flatMap((t) => t.roles)));
      for (const role of Object.keys(rule.who)) expect([action, role, defined.has(role)]).toEqual([action, role, true]);
      for (const role of defined) if (!scopeOf(rule, role)) narrowed.push(`${action}:${role}`);
    }
    expect(narrowed.sort()).toEqual([...NARROWED].sort());
  });

  it('gives each role only the finer rules that fit it', () => {
    for (const [action, rule] of Object.entries(ACTION_TABLE)) {
      for (const [role, scope] of Object.entries(rule.who)) expect([action, role, SCOPES_OF_ROLE[role].includes(scope!)]).toEqual([action, role, true]);
    }
  });

  it('keeps every outcome a guard reads from the payload off the generic route', () => {
    const readByGuards = new Set<string>();
    for (const def of DEFINITIONS) {
      for (const t of def.transitions) {
        const fields = t.guard ? guards.payloadFieldsOf(t.guard.name) : [];
        fields.forEach((f) => readByGuards.add(f));
        if (fields.length) expect([t.action, ACTION_TABLE[t.action as keyof typeof ACTION_TABLE].route]).not.toEqual([t.action, GENERIC_ACTION_ROUTE]);
      }
    }
    expect([...readByGuards].sort()).toEqual(['otherObjectionsOpen', 'votePassed']);
    for (const [action, rule] of Object.entries(ACTION_TABLE)) {
      expect([action, rule.payload.filter((f) => readByGuards.has(f))]).toEqual([action, []]);
      if (rule.route !== GENERIC_ACTION_ROUTE) expect([action, rule.payload]).toEqual([action, []]);
    }
  });

  it('names for every action the use case that runs it: a generic one on the generic route, its own elsewhere', () => {
    const generic = ['transition', 'award', 'revoke', 'onsite_findings', 'defense_score', 'endorsement'];
    for (const [action, rule] of Object.entries(ACTION_TABLE)) {
      expect([action, generic.includes(rule.useCase)]).toEqual([action, rule.route === GENERIC_ACTION_ROUTE]);
    }
    expect([...genericUseCases()].sort()).toEqual([...generic].sort());
    const runBy = (u: string) => Object.entries(ACTION_TABLE).filter(([, r]) => r.useCase === u).map(([a]) => a).sort();
    expect(runBy('award')).toEqual([A.approve, A.approveSecondTier].sort());
    expect(runBy('onsite_findings')).toEqual([A.failOnsiteReview, A.passOnsiteReview].sort());
    expect(runBy('defense_score')).toEqual([A.failDefense, A.passDefense].sort());
    expect(runBy('endorsement')).toEqual([A.endorse]);
    expect(runBy('objection')).toEqual([A.dismissObjection, A.fileObjection, A.upholdObjection].sort());
  });

  it('routes the decisions that have their own use case to it, and lets timers alone fire timer actions', () => {
    const routeOf = (a: string) => ACTION_TABLE[a as keyof typeof ACTION_TABLE].route;
    expect(routeOf(A.closePanelVote)).toBe('POST /applications/:id/votes/close');
    expect(routeOf(A.fileObjection)).toBe('POST /applications/:id/objections');
    expect(routeOf(A.upholdObjection)).toBe('POST /objections/:id/resolve');
    expect(routeOf(A.dismissObjection)).toBe('POST /objections/:id/resolve');
    for (const [action, rule] of Object.entries(ACTION_TABLE)) {
      if (rule.route === SYSTEM_ONLY) expect([action, Object.keys(rule.who)]).toEqual([action, ['system']]);
    }
    // Every timer's action is one the system may fire.
    for (const def of DEFINITIONS) {
      for (const state of Object.values(def.states)) {
        for (const timer of state.timers ?? []) expect([timer.action, scopeOf(ACTION_TABLE[timer.action as keyof typeof ACTION_TABLE], 'system')]).toEqual([timer.action, 'automation']);
      }
    }
  });

  it('walks every state of every definition for every role: what the generic route offers is what the table allows', () => {
    let offered = 0;
    for (const def of DEFINITIONS) {
      for (const state of Object.keys(def.states)) {
        for (const role of PEOPLE) {
          const generic = def.transitions.filter((t) => fromStates(t).includes(state) && t.roles.includes(role)).map((t) => t.action).filter((a) => {
            const rule = ACTION_TABLE[a as keyof typeof ACTION_TABLE];
            return rule.route === GENERIC_ACTION_ROUTE && scopeOf(rule, role) !== undefined;
          });
          offered += generic.length;
          for (const action of generic) {
            // Never a computed outcome, never a timer's action, never an objection.
            expect([role, action]).not.toEqual([role, A.closePanelVote]);
            expect([role, action]).not.toEqual([role, A.publicityEnded]);
            expect([role, action]).not.toEqual([role, A.finishExpertReview]);
            expect([role, action]).not.toEqual([role, A.fileObjection]);
            if (role === 'applicant') expect([A.submit, A.resubmit, A.withdraw, A.requestRenewal]).toContain(action);
          }
        }
      }
    }
    expect(offered).toBeGreaterThan(100);
  });
});
