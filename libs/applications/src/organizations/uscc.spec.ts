import { describe, expect, it } from '@jest/globals';
import { checkUscc, usccCheckCharacter } from './uscc';

describe('GB 32100-2015 credit codes', () => {
  it.each(['91350100M000100Y43', '91110000600037341L', '91500000MA5U7AB412'.slice(0, 17) + usccCheckCharacter('91500000MA5U7AB41')])('accepts %s', (code) => {
    expect(checkUscc(code)).toEqual({ valid: true });
  });

  it('refuses a wrong check character and says which is right', () => {
    expect(checkUscc('91350100M000100Y44')).toEqual({ valid: false, reason: '校验位错误：按前 17 位应为 3' });
  });

  it.each([
    ['91350100M000100Y4', /^应为 18 位（当前 17 位）$/],
    ['91350100M000100Y433', /^应为 18 位（当前 19 位）$/],
    ['91350100m000100y43', /^字母须大写$/],
  ])('refuses %s', (code, reason) => {
    const result = checkUscc(code);
    expect(result.valid).toBe(false);
    expect((result as { reason: string }).reason).toMatch(reason);
  });

  it.each(['I', 'O', 'Z', 'S', 'V'])('refuses the excluded letter %s', (letter) => {
    const code = `91350100M00010${letter}Y43`;
    expect(checkUscc(code)).toEqual({ valid: false, reason: `含有字符“${letter}”，统一社会信用代码不使用 I、O、Z、S、V 及其他符号` });
  });
});
