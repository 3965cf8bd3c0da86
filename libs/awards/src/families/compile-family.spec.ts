import { describe, expect, it } from '@jest/globals';
import { EffectRegistry, GuardRegistry, renderMermaid, verifyDefinition } from '@awardflow/workflow';
import { AWARD_CATALOG, getAward } from '../catalog/award-catalog';
import { registerAwardGuardsAndEffects } from './guards-and-effects';
import { compileStagePlan, normalisePlan, planKey, planProblems, stagePlansOf } from './award-families';
import { A, S } from './workflow-names';

const guards = new GuardRegistry();
const effects = new EffectRegistry();
registerAwardGuardsAndEffects(guards, effects);

describe('the award families compiled for a stage plan', () => {
  it.each(AWARD_CATALOG.map((a) => [a.code]))('%s: every stage plan compiles into a definition that verifies and renders', (code) => {
    const award = getAward(code);
    const codes = new Set<string>();
    for (const plan of stagePlansOf(award.family)) {
      const def = compileStagePlan(award, plan);
      expect(() => verifyDefinition(def, guards, effects)).not.toThrow();
      codes.add(def.code);
      const mermaid = renderMermaid(def);
      expect(mermaid.startsWith('stateDiagram-v2')).toBe(true);
      expect(mermaid).toContain('draft : 草稿');
    }
    // Plans that differ in a stage the family has give different definitions.
    expect(codes.size).toBe({ quality: 72, engineering: 8, brand: 4 }[award.family]);
  });

  const path = (def: ReturnType<typeof compileStagePlan>, start: string, actions: string[]) =>
    actions.reduce((state, action) => {
      const t = def.transitions.find((x) => x.action === action && [x.from].flat().includes(state) && !x.guard?.not);
      if (!t) throw new Error(`no ${action} from ${state}`);
      return t.to;
    }, start);

  it('runs Chongqing\'s order: 公示 before the committee, 答辩 and 现场评审 on', () => {
    const def = compileStagePlan(getAward('city-quality-award'), { defense: true, onsiteReview: true, publicity: 'before_panel' });
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
    expect(def.code).toBe('brand:e1-o0');
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
    expect(def.code).toBe('brand:e1-o0-rc');
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

  it('runs the 8th 市长质量管理奖 order: 综合评选 → 审议 → 政府审批 → 社会公示 → 审定', () => {
    const def = compileStagePlan(getAward('city-quality-award'), { comprehensiveSelection: true, publicity: 'after_approval' });
    expect(def.code).toBe('quality:r0-d1-s0-o1-c1-pg');
    expect(
      path(def, S.draft, [
        A.submit, A.startReview, A.passFormalReview, A.finishExpertReview, A.shortlist, A.passDefense, A.passOnsiteReview,
        A.passComprehensiveSelection, A.closePanelVote, A.governmentApprove, A.publishPublicity, A.publicityEnded, A.approve,
      ]),
    ).toBe(S.awarded);
    expect(def.states[S.comprehensiveSelection].label).toBe('综合评选');
    expect(def.states[S.governmentApproval].label).toBe('政府审批');
    expect(path(def, S.comprehensiveSelection, [A.failComprehensiveSelection])).toBe(S.notSelected);
    expect(path(def, S.governmentApproval, [A.governmentDecline])).toBe(S.notSelected);
    // 公示 after the 审批 comes after the committee, so the applicant can no longer withdraw there.
    expect(def.transitions.find((t) => t.action === A.withdraw)!.from).toContain(S.comprehensiveSelection);
    expect(def.transitions.find((t) => t.action === A.withdraw)!.from).not.toContain(S.governmentApproval);
    // Without the option neither stage exists, and the committee leads to 公示.
    const plain = compileStagePlan(getAward('city-quality-award'), { publicity: 'after_panel' });
    expect(plain.states[S.comprehensiveSelection]).toBeUndefined();
    expect(plain.states[S.governmentApproval]).toBeUndefined();
    expect(path(plain, S.onsiteReview, [A.passOnsiteReview, A.closePanelVote])).toBe(S.awaitingPublicity);
  });

  it('scores the 答辩 only with a 答辩, labelled so; the scored plan is its own definition', () => {
    const scored = compileStagePlan(getAward('district-quality-award'), { scoredDefense: true });
    expect(scored.code).toBe('quality:r0-d1-s1-o1-c0-pb');
    expect(scored.states[S.defense].label).toBe('企业答辩（评分）');
    expect(path(scored, S.defense, [A.passDefense])).toBe(S.onsiteReview);
    expect(normalisePlan('quality', { defense: false, scoredDefense: true })).toMatchObject({ defense: false, scoredDefense: false });
    expect(compileStagePlan(getAward('district-quality-award'), { defense: false, scoredDefense: true }).code).toBe('quality:r0-d0-s0-o1-c0-pb');
  });

  it('puts a 区县推荐 before 形式审查 of a quality award when the plan asks', () => {
    const def = compileStagePlan(getAward('city-quality-award'), { districtRecommendation: true });
    expect(path(def, S.draft, [A.submit])).toBe(S.awaitingEndorsement);
    expect(path(def, S.awaitingEndorsement, [A.endorse])).toBe(S.formalReview);
    expect(path(def, S.awaitingEndorsement, [A.declineEndorsement])).toBe(S.notEndorsed);
    expect(def.states[S.submitted]).toBeUndefined();
    expect(def.transitions.find((t) => t.action === A.endorse)!.roles).toEqual(['recommender', 'admin']);
    expect(path(compileStagePlan(getAward('city-quality-award')), S.draft, [A.submit])).toBe(S.submitted);
  });

  it('lets an engineering nomination add 专家评审 (scored on its rubric) after 初审', () => {
    const def = compileStagePlan(getAward('luban-award'), { expertReview: true });
    expect(def.code).toBe('engineering:e1-o1-pa');
    expect(path(def, S.draft, [A.submit, A.endorse, A.passPreliminaryReview, A.finishExpertReview, A.passOnsiteReview, A.closePanelVote])).toBe(S.awaitingPublicity);
    expect(def.states[S.expertReview]).toMatchObject({ label: '专家评审', onEnter: [{ name: 'assign_reviewers' }] });
    expect(getAward('luban-award').rubric.label).not.toBe(getAward('district-quality-award').rubric.label);
    expect(compileStagePlan(getAward('luban-award')).states[S.expertReview]).toBeUndefined();
  });

  it('lets a brand recognition add 现场检查 after its expert review', () => {
    const def = compileStagePlan(getAward('cq-famous-brand-product'), { onsiteReview: true });
    expect(def.code).toBe('brand:e1-o1');
    expect(def.states[S.onsiteReview].label).toBe('现场检查');
    expect(path(def, S.formalReview, [A.passFormalReview, A.finishExpertReview, A.passOnsiteReview])).toBe(S.awaitingPublicity);
    expect(path(def, S.onsiteReview, [A.failOnsiteReview])).toBe(S.notSelected);
  });

  it('reads a plan saved before v3 (publicityBeforePanel) into the same stages, and refuses values a family lacks', () => {
    expect(normalisePlan('quality', { defense: true, onsiteReview: true, publicityBeforePanel: false, expertReview: true })).toMatchObject({ publicity: 'after_panel', publicityBeforePanel: false });
    expect(planKey('quality', normalisePlan('quality', { publicityBeforePanel: true }))).toBe('r0-d1-s0-o1-c0-pb');
    // `publicity` wins over the older flag when both are given.
    expect(normalisePlan('quality', { publicity: 'after_approval', publicityBeforePanel: true })).toMatchObject({ publicity: 'after_approval', publicityBeforePanel: false });
    expect(planProblems('engineering', { publicity: 'after_approval' })).toEqual([{ flag: 'publicity', offered: ['after_panel', 'before_panel'] }]);
    expect(planProblems('quality', { publicity: 'after_approval' })).toEqual([]);
    expect(normalisePlan('engineering', { publicity: 'after_approval' }).publicity).toBe('after_panel');
    // Options a family does not have are held, whatever the cycle asks.
    expect(normalisePlan('brand', { districtRecommendation: false, publicity: 'before_panel', comprehensiveSelection: true })).toMatchObject({ districtRecommendation: true, publicity: 'after_panel', comprehensiveSelection: false });
  });

  it('derives each family\'s plans from its own options', () => {
    expect(stagePlansOf('quality')).toHaveLength(72);
    expect(stagePlansOf('engineering')).toHaveLength(8);
    expect(stagePlansOf('brand')).toHaveLength(4);
  });
});
