import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsArray, IsEmail, IsEnum, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { PageDto, PageQuery } from '@awardflow/platform';
import { Role } from '../roles/role';
import { IsAcceptablePassword } from './acceptable-password.decorator';

export class CreateUserDto {
  @ApiProperty({ example: 'zhangsan', description: 'letters, digits, . _ -; 3 to 64 characters' })
  @Matches(/^[A-Za-z0-9._-]{3,64}$/, { message: '须为 3–64 位字母、数字、点、下划线或连字符' })
  username: string;

  @ApiProperty({ example: '张三' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  displayName: string;

  @ApiProperty({ minLength: 12, description: 'at least 12 characters, not a common password' })
  @IsAcceptablePassword()
  @MaxLength(200)
  password: string;

  @ApiProperty({ enum: Role })
  @IsEnum(Role)
  role: Role;

  @ApiPropertyOptional({ example: 'zhangsan@example.cn' })
  @IsOptional()
  @IsEmail()
  email?: string;

  @ApiPropertyOptional({ description: 'Applicants only: the organisation the user acts for' })
  @ValidateIf((o: CreateUserDto) => o.organizationId !== undefined)
  @IsUUID('all')
  organizationId?: string;

  @ApiPropertyOptional({ type: [String], description: 'Admins and reviewers: the offices they act within (default: all of the creating admin\'s)' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsUUID('all', { each: true })
  officeIds?: string[];

  @ApiPropertyOptional({ example: '500112', nullable: true, type: String, description: 'Recommenders only: the GB/T 2260 division whose organisations it recommends (a 区县市场监管局: its district); null: any' })
  @ValidateIf((o: {recommendsDivisionCode?: unknown}) => o.recommendsDivisionCode !== undefined && o.recommendsDivisionCode !== null)
  @Matches(/^\d{6}$/, { message: '须为 6 位行政区划代码' })
  recommendsDivisionCode?: string | null;

  @ApiPropertyOptional({ type: [String], nullable: true, example: ['luban'], description: 'Recommenders only: the award codes it recommends for (an association: its awards); null: any' })
  @ValidateIf((o: {recommendsAwardCodes?: unknown}) => o.recommendsAwardCodes !== undefined && o.recommendsAwardCodes !== null)
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  recommendsAwardCodes?: string[] | null;
}

export class UserDto {
  @ApiProperty() id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ enum: Role }) role: Role;
  @ApiProperty({ nullable: true, type: String }) organizationId: string | null;
  @ApiProperty({ type: [String] }) officeIds: string[];
  @ApiProperty({ nullable: true, type: String, description: 'Recommenders: the division whose organisations it recommends' }) recommendsDivisionCode: string | null;
  @ApiProperty({ nullable: true, type: [String], description: 'Recommenders: the awards it recommends for' }) recommendsAwardCodes: string[] | null;
  @ApiProperty() isActive: boolean;
  @ApiProperty() createdAt: Date;
}

/** The orders `GET /users` offers: by 用户名 (its unique index), either way; by creation otherwise. */
export const USER_SORTS = ['username', '-username'] as const;

/** `GET /users`: a page of the accounts the admin sees, filtered by role and by a name fragment. */
export class UserQuery extends PageQuery {
  @ApiPropertyOptional({ enum: Role }) @IsOptional() @IsEnum(Role, { message: '不是可选的角色' }) role?: Role;
  @ApiPropertyOptional({ description: 'part of the username or display name' }) @IsOptional() @IsString() @MaxLength(100) search?: string;
  @ApiPropertyOptional({ enum: USER_SORTS }) @IsOptional() @IsIn(USER_SORTS, { message: '只能按用户名排序（username 或 -username）' }) sort?: (typeof USER_SORTS)[number];
}

export const UserPageDto = PageDto(UserDto);
