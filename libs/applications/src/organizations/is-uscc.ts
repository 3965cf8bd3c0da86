import { Checked } from './checked-field';
import { checkUscc } from './uscc';

/**
 * 统一社会信用代码 checked with the body's other fields, so a bad code is named in the same 400 as
 * every other bad field. With `usccOverrideReason` (an award office registering a real code issued
 * with a wrong check character) only the check character is excused; who may override is the
 * service's question.
 */
export function IsUscc(): PropertyDecorator {
  return Checked((value, body) => {
    const check = checkUscc(value as string);
    if (check.valid) return null;
    const overridden = typeof body.usccOverrideReason === 'string' && body.usccOverrideReason.trim() !== '';
    return check.failure === 'check' && overridden ? null : check.reason;
  });
}
