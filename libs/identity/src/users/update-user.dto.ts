import { ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { ArrayUnique, IsArray, IsBoolean, IsEnum, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { Role } from '../roles/role';
import { IsAcceptablePassword } from './acceptable-password.decorator';
import { CreateUserDto } from './create-user.dto';

/** What an admin may change about an account; each change applies to the account's next request. */
// A recommender's scope is set and changed with the same fields and checks as at creation.
export class UpdateUserDto extends PickType(CreateUserDto, ['recommendsDivisionCode', 'recommendsAwardCodes'] as const) {
  @ApiPropertyOptional({ enum: Role })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @ApiPropertyOptional({ type: [String], description: 'The offices an admin or reviewer acts within (replaces the current set)' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsUUID('all', { each: true })
  officeIds?: string[];

  @ApiPropertyOptional({ description: 'false disables the account: its tokens stop working at once' })
  @IsOptional()
  @IsBoolean()
  isActive?: boolean;

  @ApiPropertyOptional({ minLength: 12, description: 'A new password (a reset): the account\'s earlier tokens stop working' })
  @IsOptional()
  @IsAcceptablePassword()
  @MaxLength(200)
  password?: string;
}
