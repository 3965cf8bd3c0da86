import { ValidateBy, ValidationArguments } from 'class-validator';
import { passwordProblem, passwordProblemMessage } from '@awardflow/platform';

/**
 * At least 12 characters and not a common password (libs/platform/src/passwords). `label` names the
 * field in the zh-CN message, e.g. `密码（password）`.
 */
export function IsAcceptablePassword(label: string): PropertyDecorator {
  return ValidateBy({
    name: 'isAcceptablePassword',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && passwordProblem(value) === null,
      defaultMessage: (args?: ValidationArguments) => {
        const value: unknown = args?.value;
        if (typeof value !== 'string') return `${label}必须是文本`;
        return passwordProblemMessage(passwordProblem(value) ?? 'too-short', label);
      },
    },
  });
}
