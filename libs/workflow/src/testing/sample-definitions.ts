import { EffectRegistry } from '../registry/effect.registry';
import { GuardRegistry } from '../registry/guard.registry';
import { WorkflowDefinition } from '../definition/definition.types';

/** A small, valid review flow used by the engine's own tests (and the benchmark). */
export function sampleDefinition(overrides: Partial<WorkflowDefinition> = {}): WorkflowDefinition {
  return {
    code: 'sample-review',
    version: 1,
    label: '示例评审流程',
    roles: ['applicant', 'reviewer', 'admin'],
    initial: 'draft',
    states: {
      draft: { label: '草稿' },
      submitted: { label: '已提交', onEnter: [{ name: 'notify', params: { template: 'application_submitted', to: 'applicant' } }] },
      supplement_requested: {
        label: '待补正',
        timers: [{ kind: 'supplement', action: 'supplement_expired', schedule: { afterContextKey: 'supplementDuration' } }],
      },
      panel: { label: '评审委员会审议' },
      awarded: { label: '已获奖', terminal: true },
      rejected: { label: '未通过', terminal: true },
    },
    transitions: [
      { action: 'submit', label: '提交申报', from: 'draft', to: 'submitted', roles: ['applicant'] },
      { action: 'request_supplement', label: '要求补正', from: 'submitted', to: 'supplement_requested', roles: ['reviewer', 'admin'], requiresComment: true },
      { action: 'resubmit', label: '补正后重新提交', from: 'supplement_requested', to: 'submitted', roles: ['applicant'] },
      { action: 'supplement_expired', label: '补正逾期', from: 'supplement_requested', to: 'rejected', roles: ['system'] },
      { action: 'pass', label: '通过', from: 'submitted', to: 'panel', roles: ['reviewer', 'admin'], guard: { name: 'has_receipt' } },
      { action: 'close_vote', label: '表决通过', from: 'panel', to: 'awarded', roles: ['admin'], guard: { name: 'vote_passed' }, effects: [{ name: 'notify', params: { template: 'awarded', to: 'applicant' } }] },
      { action: 'close_vote', label: '表决未通过', from: 'panel', to: 'rejected', roles: ['admin'], guard: { name: 'vote_passed', not: true } },
      { action: 'withdraw', label: '撤回', from: ['draft', 'submitted', 'supplement_requested'], to: 'rejected', roles: ['applicant'], requiresComment: true },
    ],
    ...overrides,
  };
}

export function sampleRegistries(): { guards: GuardRegistry; effects: EffectRegistry } {
  const guards = new GuardRegistry();
  const effects = new EffectRegistry();
  registerSampleGuardsAndEffects(guards, effects);
  return { guards, effects };
}

export function registerSampleGuardsAndEffects(guards: GuardRegistry, effects: EffectRegistry): void {
  guards.register('has_receipt', ({ context }) => typeof context.receiptNumber === 'string');
  guards.register('vote_passed', ({ payload }) => payload.votePassed === true);
  effects.register('notify', { validateParams: (p) => (typeof p.template === 'string' ? null : 'needs params.template') });
}
