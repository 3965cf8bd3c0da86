import { describe, expect, it } from '@jest/globals';
import { EffectRegistry, GuardRegistry, renderMermaid, verifyDefinition } from '@awardflow/workflow';
import { AWARD_CATALOG, getAward } from '../catalog/award-catalog';
import { registerAwardGuardsAndEffects } from './guards-and-effects';
import { ALL_STAGE_PLANS, compileStagePlan } from './award-families';
import { A, S } from './workflow-names';

const guards = new GuardRegistry();
const effects = new EffectRegistry();
registerAwardGuardsAndEffects(guards, effects);

const PLANS = ALL_STAGE_PLANS;

describe('the award families compiled for a stage plan', () => {
  it.each(AWARD_CATALOG.map((a) => [a.code]))('%s: every stage plan compiles into a definition that verifies and renders', (code) => {
    const award = getAward(code);
    const codes = new Set<string>();
    for (const plan of PLANS) {
      const def = compileStagePlan(award, plan);
      expect(() => verifyDefinition(def, guards, effects)).not.toThrow();
      codes.add(def.code);
      const mermaid = renderMermaid(def);
      expect(mermaid.startsWith('stateDiagram-v2')).toBe(true);
      expect(mermaid).toContain('draft : 草稿');
    }
    // Plans that differ in a stage the family has give different definitions.
    expect(codes.size).toBe({ quality: 8, engineering: 4, brand: 2 }[award.family]);
  });

  const path = (def: ReturnType<typeof compileStagePlan>, start: string, actions: string[]) =>
    actions.reduce((state, action) => {
      const t = def.transitions.find((x) => x.action === action && [x.from].flat().includes(state) && !x.guard?.not);
      if (!t) throw new Error(`no ${action} from ${state}`);
      return t.to;
    }, start);

  it('runs Chongqing\'s order: 公示 before the committee, 答辩 and 现场评审 on', () => {
    const def = compileStagePlan(getAward('city-quality-award'), { defense: true, onsiteReview: true, publicityBeforePanel: true });
    expect(
      path(def, S.draft, [A.submit, A.startReview, A.passFormalReview, A.finishExpertReview, A.shortlist, A.passDefense, A.passOnsiteReview, A.publishPublicity, A.publicityEnded, A.closePanelVote, A.approve]),
    ).toBe(S.awarded);
    expect(def.states[S.publicity].label).toBe('社会公示');
  });

  it('runs the committee before 公示 without optional stages when the plan says so', () => {
    const def = compileStagePlan(getAward('district-quality-award'), { defense: false, onsiteReview: false, publicityBeforePanel: false });
    expect(path(def, S.draft, [A.submit, A.startReview, A.passFormalReview, A.finishExpertReview, A.shortlist, A.closePanelVote, A.publishPublicity, A.publicityEnded, A.approveSecondTier])).toBe(S.nominated);
    expect(def.states[S.defense]).toBeUndefined();
    expect(def.states[S.onsiteReview]).toBeUndefined();
  });

  it('lets the applicant withdraw before the panel only', () => {
    const def = compileStagePlan(getAward('district-quality-award'), { publicityBeforePanel: false });
    const withdraw = def.transitions.find((t) => t.action === A.withdraw)!;
    expect(withdraw.from).toEqual(expect.arrayContaining([S.draft, S.submitted, S.formalReview, S.supplementRequested, S.expertReview, S.shortlisting]));
    expect(withdraw.from).not.toContain(S.panel);
    expect(withdraw.from).not.toContain(S.publicity);
    expect(withdraw.requiresComment).toBe(true);
  });

  it('puts the engineering nomination through endorsement, 初审, 现场复查 and a vote', () => {
    const def = compileStagePlan(getAward('luban-award'));
    expect(path(def, S.draft, [A.submit, A.endorse, A.passPreliminaryReview, A.passOnsiteReview, A.closePanelVote, A.publishPublicity, A.publicityEnded, A.approve])).toBe(S.awarded);
    const failing = def.transitions.find((t) => t.action === A.closePanelVote && t.guard?.not);
    expect(failing?.to).toBe(S.notSelected);
  });

  it('gives a 名牌 its batch validity: the notice and the expiry at the moments 审定 gives, no renewal in place', () => {
    const def = compileStagePlan(getAward('cq-famous-brand-product'));
    expect(def.code).toBe('brand:e1');
    expect(path(def, S.draft, [A.submit, A.endorse, A.passFormalReview, A.finishExpertReview, A.publishPublicity, A.publicityEnded, A.approve])).toBe(S.recognised);
    expect(def.states[S.recognised].timers).toEqual([
      { kind: 'recognition_expiry_notice', action: A.recognitionExpiryNotice, schedule: { atContextKey: 'recognitionExpiryNoticeAt' } },
      { kind: 'recognition_expiry', action: A.recognitionExpired, schedule: { atContextKey: 'recognitionExpiresAt' } },
    ]);
    expect(path(def, S.recognised, [A.recognitionExpiryNotice])).toBe(S.recognised);
    expect(path(def, S.recognised, [A.recognitionExpired])).toBe(S.recognitionExpired);
    expect(def.transitions.some((t) => t.action === A.requestRenewal)).toBe(false);
  });

  it('gives a 老字号 no expiry but a 复核: 通过, 限期整改 with its deadline then 复核 again, 撤销认定', () => {
    const def = compileStagePlan(getAward('cq-time-honored-brand'));
    expect(def.code).toBe('brand:e1-rc');
    expect(def.label).toContain('定期复核');
    expect(path(def, S.draft, [A.submit, A.endorse, A.passFormalReview, A.finishExpertReview, A.publishPublicity, A.publicityEnded, A.approve])).toBe(S.recognised);
    expect(def.states[S.recognised].timers ?? []).toEqual([]);
    expect(def.states[S.recognitionExpired]).toBeUndefined();
    expect(path(def, S.recognised, [A.passRecheck])).toBe(S.recognised);
    expect(def.states[S.rectification].timers).toEqual([{ kind: 'rectification_due', action: A.rectificationPeriodEnded, schedule: { atContextKey: 'rectificationDueAt' } }]);
    expect(path(def, S.recognised, [A.orderRectification, A.rectificationPeriodEnded, A.passRecheck])).toBe(S.recognised);
    expect(path(def, S.recognised, [A.orderRectification, A.rectificationPeriodEnded, A.orderRectification, A.revoke])).toBe(S.revoked);
  });

  it('has the deadline kinds the workers fire', () => {
    const def = compileStagePlan(getAward('district-quality-award'));
    const kinds = Object.values(def.states).flatMap((s) => (s.timers ?? []).map((t) => t.kind));
    expect(new Set(kinds)).toEqual(new Set(['application_window_close', 'supplement', 'publicity_end']));
  });
});
