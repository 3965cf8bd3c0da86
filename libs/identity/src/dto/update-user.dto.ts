import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayUnique, IsArray, IsBoolean, IsEnum, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { Role } from '../role';
import { IsAcceptablePassword } from './acceptable-password.decorator';

/** What an admin may change about an account; each change applies to the account's next request. */
export class UpdateUserDto {
  @ApiPropertyOptional({ enum: Role })
  @IsOptional()
  @IsEnum(Role, { message: `角色（role）必须是以下之一：${Object.values(Role).join(', ')}` })
  role?: Role;

  @ApiPropertyOptional({ type: [String], description: 'The offices an admin or reviewer acts within (replaces the current set)' })
  @IsOptional()
  @IsArray({ message: '所属办公室（officeIds）必须是数组' })
  @ArrayUnique({ message: '所属办公室（officeIds）不能重复' })
  @IsUUID('all', { each: true, message: '所属办公室（officeIds）必须是 UUID' })
  officeIds?: string[];

  @ApiPropertyOptional({ description: 'false disables the account: its tokens stop working at once' })
  @IsOptional()
  @IsBoolean({ message: '启用状态（isActive）必须是 true 或 false' })
  isActive?: boolean;

  @ApiPropertyOptional({ minLength: 12, description: 'A new password (a reset): the account\'s earlier tokens stop working' })
  @IsOptional()
  @IsAcceptablePassword('密码（password）')
  @MaxLength(200, { message: '密码（password）最多 200 个字符' })
  password?: string;
}
