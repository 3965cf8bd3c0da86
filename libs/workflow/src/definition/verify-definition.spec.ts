import { describe, expect, it } from '@jest/globals';
import { sampleDefinition, sampleRegistries } from '../testing/sample-definitions';
import { DefinitionVerificationError } from '../errors/workflow-errors';
import { WorkflowDefinition } from './definition.types';
import { verifyDefinition } from './verify-definition';

function problemsOf(def: WorkflowDefinition): string[] {
  const { guards, effects } = sampleRegistries();
  try {
    verifyDefinition(def, guards, effects);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(DefinitionVerificationError);
    expect((error as Error).message).toMatch(/^workflow sample-review v\d+ is invalid: /);
    return (error as DefinitionVerificationError).problems;
  }
}

describe('verifyDefinition', () => {
  const base = sampleDefinition();

  it('accepts the sample definition', () => {
    expect(problemsOf(base)).toEqual([]);
  });

  it('refuses an unreachable state', () => {
    const def = { ...base, states: { ...base.states, orphan: { label: '孤立', terminal: true } } };
    expect(problemsOf(def)).toEqual(['state "orphan": unreachable from "draft"']);
  });

  it('refuses a non-terminal state without a way out', () => {
    const def = {
      ...base,
      states: { ...base.states, limbo: { label: '悬置' } },
      transitions: [...base.transitions, { action: 'park', label: '搁置', from: 'submitted', to: 'limbo', roles: ['admin'] }],
    };
    expect(problemsOf(def)).toEqual(['state "limbo": not terminal and has no way out (no person\'s action, no timer)']);
  });

  it('counts a system-only action as no way out, but a timer as one', () => {
    const stuck = {
      ...base,
      states: { ...base.states, waiting: { label: '等待' } },
      transitions: [
        ...base.transitions,
        { action: 'wait', label: '等待', from: 'submitted', to: 'waiting', roles: ['admin'] },
        { action: 'wake', label: '唤醒', from: 'waiting', to: 'submitted', roles: ['system'] },
      ],
    };
    expect(problemsOf(stuck)).toEqual(['state "waiting": not terminal and has no way out (no person\'s action, no timer)']);
    stuck.states.waiting = { label: '等待', timers: [{ kind: 'wake', action: 'wake', schedule: { after: 'P1D' } }] } as never;
    expect(problemsOf(stuck)).toEqual([]);
  });

  it('refuses an unknown role', () => {
    const def = { ...base, transitions: base.transitions.map((t) => (t.action === 'submit' ? { ...t, roles: ['emperor'] } : t)) };
    expect(problemsOf(def)).toEqual(['state "draft" action "submit": unknown role "emperor"']);
  });

  it('refuses an unknown guard', () => {
    const def = { ...base, transitions: base.transitions.map((t) => (t.action === 'pass' ? { ...t, guard: { name: 'moon_is_full' } } : t)) };
    expect(problemsOf(def)).toEqual(['state "submitted" action "pass": unknown guard "moon_is_full"']);
  });

  it('refuses an unknown effect, and an effect with bad parameters', () => {
    const def = {
      ...base,
      transitions: base.transitions.map((t) => (t.action === 'submit' ? { ...t, effects: [{ name: 'fax_the_mayor' }, { name: 'notify', params: {} }] } : t)),
    };
    expect(problemsOf(def)).toEqual([
      'state "draft" action "submit": unknown effect "fax_the_mayor"',
      'state "draft" action "submit": effect "notify" needs params.template',
    ]);
  });

  it('refuses the same action twice from a state unless the guards are exclusive', () => {
    const twice = {
      ...base,
      transitions: base.transitions.map((t) => (t.action === 'close_vote' && t.to === 'rejected' ? { ...t, guard: { name: 'has_receipt' } } : t)),
    };
    expect(problemsOf(twice)).toEqual(['state "panel" action "close_vote": two transitions whose guards are not declared exclusive']);

    const { guards, effects } = sampleRegistries();
    guards.register('vote_failed', ({ payload }) => payload.votePassed === false, { exclusiveWith: ['vote_passed'] });
    const declared = {
      ...base,
      transitions: base.transitions.map((t) => (t.action === 'close_vote' && t.to === 'rejected' ? { ...t, guard: { name: 'vote_failed' } } : t)),
    };
    expect(() => verifyDefinition(declared, guards, effects)).not.toThrow();
  });

  it('refuses a timer whose action has no transition from its state', () => {
    const def = {
      ...base,
      states: { ...base.states, panel: { label: '评审委员会审议', timers: [{ kind: 'panel_due', action: 'panel_expired', schedule: { after: 'P30D' } }] } },
    };
    expect(problemsOf(def)).toEqual(['state "panel" timer "panel_due" (action "panel_expired"): no transition for the action from this state']);
  });

  it('refuses a timer whose transition a timer may not take', () => {
    const def = { ...base, transitions: base.transitions.map((t) => (t.action === 'supplement_expired' ? { ...t, roles: ['admin'] } : t)) };
    expect(problemsOf(def)).toEqual(['state "supplement_requested" timer "supplement" (action "supplement_expired"): the transition does not allow the role "system"']);
  });

  it('refuses a malformed duration', () => {
    const def = {
      ...base,
      states: { ...base.states, supplement_requested: { label: '待补正', timers: [{ kind: 'supplement', action: 'supplement_expired', schedule: { after: '15 days' } }] } },
    };
    expect(problemsOf(def)).toEqual(['state "supplement_requested" timer "supplement" (action "supplement_expired"): "15 days" is not an ISO 8601 duration']);
  });

  it('refuses transitions to undefined states and an undefined initial state', () => {
    const def = { ...base, initial: 'nowhere' };
    expect(problemsOf(def)).toEqual(expect.arrayContaining(['initial state "nowhere" is not defined']));
    const bad = { ...base, transitions: [...base.transitions, { action: 'jump', label: '跳转', from: 'draft', to: 'moon', roles: ['admin'] }] };
    expect(problemsOf(bad)).toEqual(['state "draft" action "jump": target state "moon" is not defined']);
  });
});
