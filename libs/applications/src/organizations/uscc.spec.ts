import { describe, expect, it } from '@jest/globals';
import { checkUscc, usccCheckCharacter } from './uscc';

describe('GB 32100-2015 credit codes', () => {
  it.each(['91350100M000100Y43', '91110000600037341L', '91500000MA5U7AB412'.slice(0, 17) + usccCheckCharacter('91500000MA5U7AB41')])('accepts %s', (code) => {
    expect(checkUscc(code)).toEqual({ valid: true });
  });

  it('refuses a wrong check character and says which is right', () => {
    expect(checkUscc('91350100M000100Y44')).toEqual({ valid: false, reason: 'check character is wrong (the first 17 characters give 3)' });
  });

  it.each([
    ['91350100M000100Y4', /^must be 18 characters \(got 17\)$/],
    ['91350100M000100Y433', /^must be 18 characters \(got 19\)$/],
    ['91350100m000100y43', /^must be written in capital letters$/],
  ])('refuses %s', (code, reason) => {
    const result = checkUscc(code);
    expect(result.valid).toBe(false);
    expect((result as { reason: string }).reason).toMatch(reason);
  });

  it.each(['I', 'O', 'Z', 'S', 'V'])('refuses the excluded letter %s', (letter) => {
    const code = `91350100M00010${letter}Y43`;
    expect(checkUscc(code)).toEqual({ valid: false, reason: `contains "${letter}", which a credit code never uses (no I, O, Z, S, V)` });
  });
});
