import { ValidateBy, ValidationArguments } from 'class-validator';
import { passwordProblem, passwordProblemMessage } from '@awardflow/platform';

/**
 * At least 12 characters and not a common password (libs/platform/src/passwords). `label` names the
 * field in the zh-CN message, e.g. `密码（password）`.
 */
export function IsAcceptablePassword(): PropertyDecorator {
  return ValidateBy({
    name: 'isAcceptablePassword',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && passwordProblem(value) === null,
      defaultMessage: (args?: ValidationArguments) => {
        const value: unknown = args?.value;
        if (typeof value !== 'string') return '须为文本';
        // The 400 names the field by its label before this (密码：至少需要 12 个字符).
        return passwordProblemMessage(passwordProblem(value) ?? 'too-short', '');
      },
    },
  });
}
