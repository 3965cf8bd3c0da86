/** GB 32100-2015 统一社会信用代码: 18 characters from this set (no I, O, Z, S, V). */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = Array.from({ length: 17 }, (_, i) => 3 ** i % 31);

/** `reason` is Chinese: the API sends it as the field's message and the console shows it as typed. */
export type UsccCheck = { valid: true } | { valid: false; reason: string };

/** The check character for the first 17 characters: (31 − Σ value·weight mod 31) mod 31. */
export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARSET.indexOf(first17[i]) * WEIGHTS[i];
  return USCC_CHARSET[(31 - (sum % 31)) % 31];
}

export function checkUscc(code: string): UsccCheck {
  if (typeof code !== 'string' || code.length !== 18) return { valid: false, reason: `应为 18 位（当前 ${typeof code === 'string' ? code.length : 0} 位）` };
  if (/[a-z]/.test(code)) return { valid: false, reason: '字母须大写' };
  const bad = [...code].find((c) => !USCC_CHARSET.includes(c));
  if (bad) return { valid: false, reason: `含有字符“${bad}”，统一社会信用代码不使用 I、O、Z、S、V 及其他符号` };
  const expected = usccCheckCharacter(code.slice(0, 17));
  if (expected !== code[17]) return { valid: false, reason: `校验位错误：按前 17 位应为 ${expected}` };
  return { valid: true };
}
