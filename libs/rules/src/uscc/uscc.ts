/** GB 32100-2015 统一社会信用代码: 18 characters from this set (no I, O, Z, S, V). */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = Array.from({ length: 17 }, (_, i) => 3 ** i % 31);

/** `check` is the only failure an award office may override (a real code issued with a wrong check character). */
export type UsccCheck = { valid: true } | { valid: false; failure: 'length' | 'case' | 'charset' | 'check'; reason: string };

/** The check character for the first 17 characters: (31 − Σ value·weight mod 31) mod 31. */
export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARSET.indexOf(first17[i]) * WEIGHTS[i];
  return USCC_CHARSET[(31 - (sum % 31)) % 31];
}

/** Whether a code is well-formed; the reason (zh-CN) reads after the field's name: 统一社会信用代码应为 18 位. */
export function checkUscc(code: string): UsccCheck {
  if (typeof code !== 'string' || [...code].length !== 18) return { valid: false, failure: 'length', reason: `应为 18 位（当前 ${typeof code === 'string' ? [...code].length : 0} 位）` };
  if (/[a-z]/.test(code)) return { valid: false, failure: 'case', reason: '中的字母须大写' };
  const bad = [...code].find((c) => !USCC_CHARSET.includes(c));
  if (bad) return { valid: false, failure: 'charset', reason: `含有字符“${bad}”：只用数字和除 I、O、Z、S、V 以外的大写字母` };
  const expected = usccCheckCharacter(code.slice(0, 17));
  if (expected !== code[17]) return { valid: false, failure: 'check', reason: `校验位错误（按前 17 位应为 ${expected}）` };
  return { valid: true };
}
