import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { IsAcceptablePassword } from '../users/acceptable-password.decorator';

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  currentPassword: string;

  @ApiProperty({ minLength: 12, description: 'at least 12 characters, not a common password' })
  @IsAcceptablePassword()
  @MaxLength(200)
  newPassword: string;
}
