// The algorithm is the backend's own module (pure TypeScript, no dependencies), bundled in.
import { USCC_CHARSET, usccCheckCharacter } from '../../../../libs/applications/src/organizations/uscc';

export { checkUscc, USCC_CHARSET, usccCheckCharacter } from '../../../../libs/applications/src/organizations/uscc';

/** The same check with its reason in Chinese, for the registration form (checked as it is typed). */
export function checkUsccZh(code: string): { valid: true } | { valid: false; reason: string } {
  if (code.length !== 18) return { valid: false, reason: `统一社会信用代码应为 18 位（当前 ${code.length} 位）` };
  if (/[a-z]/.test(code)) return { valid: false, reason: '统一社会信用代码中的字母须大写' };
  const bad = [...code].find((c) => !USCC_CHARSET.includes(c));
  if (bad) return { valid: false, reason: `统一社会信用代码含有字符“${bad}”，而代码中不使用 I、O、Z、S、V 及其他符号` };
  const expected = usccCheckCharacter(code.slice(0, 17));
  if (expected !== code[17]) return { valid: false, reason: `统一社会信用代码校验位错误：按前 17 位应为 ${expected}` };
  return { valid: true };
}
