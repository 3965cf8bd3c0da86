import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { IsAcceptablePassword } from './acceptable-password.decorator';

export class ChangePasswordDto {
  @ApiProperty()
  @IsString({ message: '当前密码（currentPassword）必须是文本' })
  @MinLength(1, { message: '请填写当前密码（currentPassword）' })
  @MaxLength(200, { message: '当前密码（currentPassword）最多 200 个字符' })
  currentPassword: string;

  @ApiProperty({ minLength: 12, description: 'at least 12 characters, not a common password' })
  @IsAcceptablePassword('新密码（newPassword）')
  @MaxLength(200, { message: '新密码（newPassword）最多 200 个字符' })
  newPassword: string;
}
