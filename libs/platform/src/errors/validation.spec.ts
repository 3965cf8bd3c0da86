import { describe, expect, it } from '@jest/globals';
import { ArgumentMetadata } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { FieldValidationError } from './domain-error';
import { createValidationPipe } from './validation';

class Contact {
  @IsString() @MinLength(2) @MaxLength(5) name: string;
  @IsOptional() @IsEmail({}, { message: 'email must be an email address' }) email?: string;
}

class Body {
  @IsUUID('all') organizationId: string;
  @IsInt() @Min(1) @Max(10) count: number;
  @IsOptional() @IsInt() @Max(365, { message: '$property 不能大于 $constraint1' }) publicityDays?: number;
  @IsIn(['a', 'b']) kind: string;
  @Matches(/^\d{6}$/, { message: '须为 6 位行政区划代码' }) regionCode: string;
  @ValidateNested() @Type(() => Contact) contact: Contact;
}

async function refusal(value: unknown): Promise<FieldValidationError> {
  const metadata: ArgumentMetadata = { type: 'body', metatype: Body };
  return createValidationPipe()
    .transform(value, metadata)
    .then(() => {
      throw new Error('expected a refusal');
    })
    .catch((error: unknown) => error as FieldValidationError);
}

describe('the validation pipe', () => {
  it('answers every bad field with its Chinese label and Chinese messages carrying the decorator arguments', async () => {
    const error = await refusal({ organizationId: 'x', count: 11, publicityDays: 400, kind: 'c', regionCode: '12', contact: { name: 'a', email: 'nope' }, extra: 1 });
    expect(error).toBeInstanceOf(FieldValidationError);
    expect(error.fields).toEqual(
      expect.arrayContaining([
        { field: 'organizationId', label: '申报单位', messages: ['须为有效的编号'] },
        { field: 'count', label: '“count”', messages: ['不能大于 10'] },
        { field: 'publicityDays', label: '公示天数', messages: ['不能大于 365'] },
        { field: 'kind', label: '类别', messages: ['须为以下之一：a、b'] },
        { field: 'regionCode', label: '行政区划代码', messages: ['须为 6 位行政区划代码'] },
        { field: 'extra', label: '“extra”', messages: ['不是可以填写的字段'] },
        { field: 'contact.name', label: '联系人', messages: ['至少 2 个字符'] },
        { field: 'contact.email', label: '联系邮箱', messages: ['须为有效的邮箱地址'] },
      ]),
    );
    expect(error.fields).toHaveLength(8);
    expect(error.message).toContain('申报单位：须为有效的编号；');
    expect(error.message).not.toMatch(/[A-Za-z]{3,} [A-Za-z]{3,}/);
  });

  it('words a nested object that is not one, and a missing number by its type alone', async () => {
    const error = await refusal({ organizationId: '6c1f4f7e-2d0a-4c59-9a55-1f1f1f1f1f1f', kind: 'a', regionCode: '500103', contact: 'someone' });
    expect(error.fields).toEqual([
      { field: 'count', label: '“count”', messages: ['须为整数'] }, // not also its range: the type is what to fix
      { field: 'contact', label: '联系人信息', messages: ['须为对象或列表'] },
    ]);
  });
});
