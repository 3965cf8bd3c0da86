import { describe, expect, it } from '@jest/globals';
import { MIN_PASSWORD_LENGTH, passwordProblem, passwordProblemMessage } from './password-policy';

describe('passwordProblem', () => {
  it.each(['short', 'elevenchars', '一二三四五六七八九十十'])('refuses %j: fewer than 12 characters', (password) => {
    expect(passwordProblem(password)).toBe('too-short');
  });

  it.each(['1qaz2wsx3edc', 'qwertyuiop123', 'PASSWORD1234', 'Password2024!', 'iloveyou12345', '123456789012', 'michael19851231'])(
    'refuses %j: a common password, or one with digits or symbols appended',
    (password) => {
      expect(passwordProblem(password)).toBe('common');
    },
  );

  it.each(['admin-password-1', 'user-password-1', 'demo-password-1', 'awardflow-admin', 'correct horse battery staple', '渝中区质量奖评审专家2024'])(
    'accepts %j',
    (password) => {
      expect(passwordProblem(password)).toBeNull();
    },
  );

  it('counts characters, not UTF-16 units', () => {
    expect(passwordProblem('😀'.repeat(MIN_PASSWORD_LENGTH - 1))).toBe('too-short');
  });

  it('words the refusal in zh-CN, naming the field', () => {
    expect(passwordProblemMessage('too-short', '密码（password）')).toBe('密码（password）至少需要 12 个字符');
    expect(passwordProblemMessage('common', '新密码（newPassword）')).toMatch(/^新密码（newPassword）过于常见/);
  });
});
