import { describe, expect, it } from '@jest/globals';
import { checkUscc, usccCheckCharacter } from './uscc';

describe('GB 32100-2015 credit codes', () => {
  it.each(['91350100M000100Y43', '91110000600037341L', '91500000MA5U7AB412'.slice(0, 17) + usccCheckCharacter('91500000MA5U7AB41')])('accepts %s', (code) => {
    expect(checkUscc(code)).toEqual({ valid: true });
  });

  it('refuses a wrong check character and says which is right', () => {
    expect(checkUscc('91350100M000100Y44')).toEqual({ valid: false, failure: 'check', reason: '校验位错误（按前 17 位应为 3）' });
  });

  it.each([
    ['91350100M000100Y4', 'length', /^应为 18 位（当前 17 位）$/],
    ['91350100M000100Y433', 'length', /^应为 18 位（当前 19 位）$/],
    ['91350100m000100y43', 'case', /^中的字母须大写$/],
  ])('refuses %s', (code, failure, reason) => {
    const result = checkUscc(code);
    expect(result).toMatchObject({ valid: false, failure });
    expect((result as { reason: string }).reason).toMatch(reason);
  });

  it.each(['I', 'O', 'Z', 'S', 'V'])('refuses the excluded letter %s', (letter) => {
    const code = `91350100M00010${letter}Y43`;
    expect(checkUscc(code)).toEqual({ valid: false, failure: 'charset', reason: `含有字符“${letter}”：只用数字和除 I、O、Z、S、V 以外的大写字母` });
  });
});
