import COMMON_PASSWORDS from './common-passwords.json';

/** Shorter passwords fall to guessing whatever they are made of (NIST SP 800-63B asks for 8; we ask more of office accounts). */
export const MIN_PASSWORD_LENGTH = 12;

/**
 * The 10,000 most common passwords, plus every longer one (12 characters and up) of the 49,233 in
 * the frequency list that zxcvbn-ts ships (@zxcvbn-ts/language-common 4.1.3, MIT), lower-cased.
 * Kept as data rather than a dependency: only membership is needed, not a strength estimator.
 */
const COMMON = new Set<string>(COMMON_PASSWORDS);

export type PasswordProblem = 'too-short' | 'common';

/**
 * Why a password is refused, or null. A common password with digits or symbols appended
 * (`password2024!`, `qwertyuiop123`) counts as common: that is the first thing a guesser tries.
 */
export function passwordProblem(password: string): PasswordProblem | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'too-short';
  const lower = password.toLowerCase();
  const stem = lower.replace(/[^\p{L}]+$/u, '');
  if (COMMON.has(lower) || (stem && COMMON.has(stem))) return 'common';
  return null;
}

/** The refusal in zh-CN, naming the field (e.g. `密码（password）`). */
export function passwordProblemMessage(problem: PasswordProblem, field: string): string {
  return problem === 'too-short'
    ? `${field}至少需要 ${MIN_PASSWORD_LENGTH} 个字符`
    : `${field}过于常见（或只是常见密码加数字、符号），很容易被猜中，请换一个`;
}
