import { describe, expect, it } from '@jest/globals';
import { sampleDefinition, sampleRegistries } from '../testing/sample-definitions';
import { ActionForbiddenError, CommentRequiredError, GuardFailedError, TransitionNotAllowedError } from '../errors/workflow-errors';
import { availableActionsFor } from './available-actions';
import { computeTransition } from './compute-transition';

const def = sampleDefinition();
const { guards } = sampleRegistries();
const applicant = { id: 'u1', role: 'applicant' };
const admin = { id: 'u2', role: 'admin' };
const system = { id: null, role: 'system' };
const now = new Date('2026-05-01T00:00:00.000Z');

describe('computeTransition', () => {
  it('moves the state and collects the target state\'s onEnter effects', () => {
    const plan = computeTransition(def, { state: 'draft', context: {} }, { action: 'submit', actor: applicant, now }, guards);
    expect(plan).toMatchObject({ from: 'draft', to: 'submitted', cancelTimersOf: 'draft', timers: [] });
    expect(plan.effects).toEqual([{ name: 'notify', params: { template: 'application_submitted', to: 'applicant' } }]);
  });

  it('starts the target state\'s timers from a context duration and cancels the old state\'s', () => {
    const plan = computeTransition(
      def,
      { state: 'submitted', context: { supplementDuration: 'P15D' } },
      { action: 'request_supplement', actor: admin, comment: '缺营业执照', now },
      guards,
    );
    expect(plan.timers).toEqual([{ kind: 'supplement', action: 'supplement_expired', dueAt: new Date('2026-05-16T00:00:00.000Z') }]);
    expect(plan.cancelTimersOf).toBe('submitted');
  });

  it('refuses an action that does not exist in this state', () => {
    expect(() => computeTransition(def, { state: 'draft', context: {} }, { action: 'close_vote', actor: admin, now }, guards)).toThrow(TransitionNotAllowedError);
  });

  it("lists in a refusal only the actions the caller's role may take from the state", () => {
    const refusal = (actor: { id: string; role: string }) => {
      try {
        computeTransition(def, { state: 'submitted', context: {} }, { action: 'close_vote', actor, now }, guards);
      } catch (error) {
        return (error as TransitionNotAllowedError).details?.allowedActions;
      }
      throw new Error('not refused');
    };
    expect(refusal(admin)).toEqual(['request_supplement', 'pass']);
    expect(refusal(applicant)).toEqual(['withdraw']);
    expect(refusal({ id: 'u3', role: 'recommender' })).toEqual([]);
  });

  it('refuses the wrong role, and a person acting as system', () => {
    expect(() => computeTransition(def, { state: 'draft', context: {} }, { action: 'submit', actor: admin, now }, guards)).toThrow(ActionForbiddenError);
    expect(() =>
      computeTransition(def, { state: 'supplement_requested', context: {} }, { action: 'supplement_expired', actor: { id: 'u9', role: 'system' }, now }, guards),
    ).toThrow(ActionForbiddenError);
    expect(computeTransition(def, { state: 'supplement_requested', context: {} }, { action: 'supplement_expired', actor: system, now }, guards).to).toBe('rejected');
  });

  it('checks guards against the context (with the patch applied) and the payload', () => {
    expect(() => computeTransition(def, { state: 'submitted', context: {} }, { action: 'pass', actor: admin, now }, guards)).toThrow(GuardFailedError);
    const plan = computeTransition(def, { state: 'submitted', context: {} }, { action: 'pass', actor: admin, contextPatch: { receiptNumber: '2026-DMQ-0001' }, now }, guards);
    expect(plan.context.receiptNumber).toBe('2026-DMQ-0001');
    expect(computeTransition(def, { state: 'panel', context: {} }, { action: 'close_vote', actor: admin, payload: { votePassed: true }, now }, guards).to).toBe('awarded');
    expect(computeTransition(def, { state: 'panel', context: {} }, { action: 'close_vote', actor: admin, payload: { votePassed: false }, now }, guards).to).toBe('rejected');
  });

  it('demands a comment where the definition says so', () => {
    expect(() => computeTransition(def, { state: 'submitted', context: {} }, { action: 'withdraw', actor: applicant, comment: '  ', now }, guards)).toThrow(CommentRequiredError);
  });
});

describe('availableActionsFor', () => {
  it('lists what the actor\'s role and the guards allow, each action once', () => {
    expect(availableActionsFor(def, { state: 'submitted', context: {} }, admin, guards).map((a) => a.action)).toEqual(['request_supplement']);
    expect(availableActionsFor(def, { state: 'submitted', context: { receiptNumber: 'x' } }, admin, guards).map((a) => a.action)).toEqual(['request_supplement', 'pass']);
    expect(availableActionsFor(def, { state: 'submitted', context: {} }, applicant, guards)).toEqual([{ action: 'withdraw', label: '撤回', to: 'rejected', requiresComment: true, ends: true }]);
    expect(availableActionsFor(def, { state: 'panel', context: {} }, admin, guards).map((a) => a.action)).toEqual(['close_vote']);
  });
});
