import { EffectRegistry, GuardRegistry } from '@awardflow/workflow';
import { EFFECT_ASSIGN_REVIEWERS, EFFECT_CHECK_ELIGIBILITY, EFFECT_NOTIFY, GUARD_OTHER_OBJECTIONS_OPEN, GUARD_PANEL_VOTE_PASSED } from './workflow-names';

const AUDIENCES = ['applicant', 'admins', 'reviewers', 'recommenders'];

/** The guards and effects the award workflows name. Idempotent, so api and worker can both call it. */
export function registerAwardGuardsAndEffects(guards: GuardRegistry, effects: EffectRegistry): void {
  if (!guards.has(GUARD_PANEL_VOTE_PASSED)) {
    guards.register(GUARD_PANEL_VOTE_PASSED, ({ payload }) => payload.votePassed === true, { description: '评审委员会表决通过（由计票结果给出）', readsPayload: ['votePassed'] });
  }
  if (!guards.has(GUARD_OTHER_OBJECTIONS_OPEN)) {
    guards.register(GUARD_OTHER_OBJECTIONS_OPEN, ({ payload }) => payload.otherObjectionsOpen === true, {
      description: '仍有其他异议待处理（由异议记录给出）',
      readsPayload: ['otherObjectionsOpen'],
    });
  }
  effects.register(EFFECT_NOTIFY, {
    description: '通知（站内信与邮件）',
    validateParams: (p) =>
      typeof p.template !== 'string' ? 'needs params.template' : !AUDIENCES.includes(p.to as string) ? `params.to must be one of ${AUDIENCES.join(', ')}` : null,
  });
  effects.register(EFFECT_ASSIGN_REVIEWERS, { description: '分配评审专家' });
  effects.register(EFFECT_CHECK_ELIGIBILITY, {
    description: '资格复核',
    validateParams: (p) => (p.gate === 'publicity' || p.gate === 'approval' ? null : 'params.gate must be publicity or approval'),
  });
}
