import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsArray, IsBoolean, IsEnum, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateIf } from 'class-validator';
import { Role } from '../roles/role';
import { IsAcceptablePassword } from './acceptable-password.decorator';

/** What an admin may change about an account; each change applies to the account's next request. */
export class UpdateUserDto {
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
