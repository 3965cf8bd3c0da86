import { describe, expect, it } from '@jest/globals';
import { panelOutcome, Vote } from './panel.service';

const twoThirds = { quorum: 5, majority: { numerator: 2, denominator: 3 } };
const votes = (approve: number, reject: number, abstain: number): Vote[] => [
  ...Array<Vote>(approve).fill('approve'),
  ...Array<Vote>(reject).fill('reject'),
  ...Array<Vote>(abstain).fill('abstain'),
];

describe('panelOutcome', () => {
  it('needs the quorum of members present, abstentions included', () => {
    expect(panelOutcome(votes(4, 0, 0), twoThirds)).toMatchObject({ quorate: false, passed: false });
    expect(panelOutcome(votes(4, 0, 1), twoThirds)).toMatchObject({ quorate: true, present: 5, passed: true });
  });

  it('counts the majority among those present, exactly at two thirds', () => {
    expect(panelOutcome(votes(4, 2, 0), twoThirds).passed).toBe(true); // 4/6 = 2/3
    expect(panelOutcome(votes(4, 1, 1), twoThirds).passed).toBe(true);
    expect(panelOutcome(votes(4, 3, 0), twoThirds).passed).toBe(false); // 4/7 < 2/3
    expect(panelOutcome(votes(3, 0, 2), twoThirds).passed).toBe(false); // abstaining is not approving
  });

  it('takes other majorities from the cycle', () => {
    const simple = { quorum: 3, majority: { numerator: 1, denominator: 2 } };
    expect(panelOutcome(votes(2, 2, 0), simple).passed).toBe(true);
    expect(panelOutcome(votes(1, 2, 0), simple).passed).toBe(false);
  });
});
