import { describe, expect, it } from '@jest/globals';
import { S } from '@awardflow/awards';
import { dutyStageOf } from './duty-stage';

describe('dutyStageOf (from the families’ state tags)', () => {
  it.each([
    [S.formalReview, 'formal_review'],
    [S.preliminaryReview, 'formal_review'],
    [S.onsiteReview, 'onsite_review'],
    [S.panel, 'panel'],
  ])('%s is acted on by the %s duty', (state, stage) => {
    expect(dutyStageOf(state)).toBe(stage);
  });

  it.each([S.draft, S.submitted, S.publicity, S.awarded, undefined, 'no_such_state'])('%s asks no expert duty', (state) => {
    expect(dutyStageOf(state)).toBeNull();
  });
});
