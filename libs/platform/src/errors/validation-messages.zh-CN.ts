/**
 * A class-validator constraint, by its name, in Chinese. `args` are the decorator's arguments
 * (`@Min(1)` → [1]); they may be missing (an error built without its metadata), so every
 * message reads well without them.
 */
type ConstraintMessage = (args: readonly unknown[]) => string;

const bound = (value: unknown, text: (v: string) => string, without: string) => (value === undefined || value === null ? without : text(String(value)));
const oneOf = (values: unknown) => (Array.isArray(values) && values.length ? `须为以下之一：${values.join('、')}` : '不是可选的值');

export const CONSTRAINT_MESSAGES: Readonly<Record<string, ConstraintMessage>> = {
  isDefined: () => '必须填写',
  isNotEmpty: () => '不能为空',
  isNotEmptyObject: () => '不能为空',
  isEmpty: () => '必须留空',
  isString: () => '须为文本',
  isInt: () => '须为整数',
  isNumber: () => '须为数字',
  isNumberString: () => '须为数字',
  isPositive: () => '须为正数',
  isNegative: () => '须为负数',
  isBoolean: () => '须为是或否（true 或 false）',
  isArray: () => '须为列表',
  isObject: () => '须为对象',
  isUuid: () => '须为有效的编号',
  isEmail: () => '须为有效的邮箱地址',
  isUrl: () => '须为有效的网址',
  isDateString: () => '须为有效的日期或时间',
  isIso8601: () => '须为有效的日期或时间',
  isDate: () => '须为有效的日期',
  isEnum: (a) => oneOf(a[1] ?? (a[0] && typeof a[0] === 'object' ? Object.values(a[0]) : undefined)),
  isIn: (a) => oneOf(a[0]),
  isNotIn: () => '不是可用的值',
  equals: (a) => bound(a[0], (v) => `须为 ${v}`, '不是要求的值'),
  min: (a) => bound(a[0], (v) => `不能小于 ${v}`, '数值过小'),
  max: (a) => bound(a[0], (v) => `不能大于 ${v}`, '数值过大'),
  minLength: (a) => (Number(a[0]) <= 1 ? '不能为空' : bound(a[0], (v) => `至少 ${v} 个字符`, '内容过短')),
  maxLength: (a) => bound(a[0], (v) => `最多 ${v} 个字符`, '内容过长'),
  isLength: (a) => (a[1] === undefined ? bound(a[0], (v) => `至少 ${v} 个字符`, '长度不符合要求') : `须为 ${a[0]}–${a[1]} 个字符`),
  arrayMinSize: (a) => bound(a[0], (v) => `至少 ${v} 项`, '项数过少'),
  arrayMaxSize: (a) => bound(a[0], (v) => `最多 ${v} 项`, '项数过多'),
  arrayNotEmpty: () => '至少 1 项',
  arrayUnique: () => '不能有重复项',
  matches: () => '格式不正确',
  nestedValidation: () => '须为对象或列表',
  whitelistValidation: () => '不是可以填写的字段',
  unknownValue: () => '不能识别的内容',
};

/** The message of a constraint nobody worded. */
export const UNKNOWN_CONSTRAINT_MESSAGE = '格式不正确';
