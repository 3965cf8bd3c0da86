import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayUnique, IsArray, IsEmail, IsEnum, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
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
}

export class UserDto {
  @ApiProperty() id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ enum: Role }) role: Role;
  @ApiProperty({ nullable: true, type: String }) organizationId: string | null;
  @ApiProperty({ type: [String] }) officeIds: string[];
  @ApiProperty() isActive: boolean;
  @ApiProperty() createdAt: Date;
}
