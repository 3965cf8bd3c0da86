import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateBy } from 'class-validator';
import { PageQuery } from '@awardflow/platform';
import { Role } from '../roles/role';
import { isDivisionCode } from './division-code';


function IsDivisionCode(): PropertyDecorator {
  return ValidateBy({ name: 'isDivisionCode', validator: { validate: isDivisionCode } }, { message: '须为 6 位 GB/T 2260 行政区划代码（如 500101），前两位为省级代码' });
}

export class CreateOfficeDto {
  @ApiProperty({ example: '重庆市万州区市场监督管理局' })
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  name: string;

  @ApiProperty({ example: 'CQ-500101', description: 'short unique code: capital letters, digits and -; 2 to 32 characters' })
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,31}$/, { message: '须为 2–32 位大写字母、数字或连字符，且不以连字符开头' })
  code: string;

  @ApiProperty({ example: '500101', description: 'GB/T 2260 administrative division code (6 digits); one office per division' })
  @IsDivisionCode()
  divisionCode: string;

  @ApiPropertyOptional({ description: 'the office above (the city above its districts); omitted: a top office' })
  @IsOptional()
  @IsUUID('all')
  parentId?: string;
}

export class OfficeQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'only the offices directly under this one' })
  @IsOptional()
  @IsUUID('all')
  parentId?: string;
}

export class OfficeDto {
  @ApiProperty() id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'GB/T 2260 administrative division code' }) divisionCode: string;
  @ApiProperty({ nullable: true, type: String }) parentId: string | null;
  @ApiProperty() createdAt: Date;
}

export class OfficePageDto {
  @ApiProperty({ type: [OfficeDto] }) items: OfficeDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

/** A user's membership of an office: its role is the account's own (one role per account). */
export class OfficeMemberDto {
  @ApiProperty() officeId: string;
  @ApiProperty() userId: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: [Role.Admin, Role.Reviewer, Role.Recommender] }) role: Role;
  @ApiProperty() isActive: boolean;
}

/** Who an enterprise calls at the office: a department and a phone, an address and an email if given. */
export class OfficeContactInputDto {
  @ApiProperty({ example: '渝中区市场监督管理局质量发展科' }) @IsString() @MinLength(2, { message: '请填写联系部门' }) @MaxLength(200) contactUnit: string;
  @ApiProperty({ example: '023-63000000' }) @Matches(/^[0-9+\-() ]{6,40}$/, { message: '电话号码格式不正确' }) contactPhone: string;
  @ApiPropertyOptional({ example: '重庆市渝中区中山三路 128 号' }) @IsOptional() @IsString() @MinLength(4) @MaxLength(300) contactAddress?: string;
  @ApiPropertyOptional({ example: 'zlk@yuzhong.gov.cn' }) @IsOptional() @IsEmail({}, { message: '邮箱格式不正确' }) @MaxLength(254) contactEmail?: string;
}

/** An office's name and contact, for anyone signed in (it is printed on every 申报通知). */
export class OfficeContactDto {
  @ApiProperty() officeId: string;
  @ApiProperty() officeName: string;
  @ApiProperty({ nullable: true, type: String, description: 'null: the office has not said who to call' }) unit: string | null;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
  @ApiProperty({ nullable: true, type: String }) address: string | null;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
}
