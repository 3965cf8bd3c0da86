import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class ObjectionDto {
  @ApiProperty({ example: '李四', description: 'real name: anonymous objections are refused' }) @IsString() @MinLength(2, { message: '请填写真实姓名' }) @MaxLength(50) objectorName: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) objectorOrganization?: string;
  @ApiProperty({ example: '13800000000' }) @Matches(/^[0-9+\-() ]{6,20}$/, { message: '电话号码格式不正确' }) contactPhone: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() contactEmail?: string;
  @ApiProperty({ description: 'the objection in writing, at least 20 characters' }) @IsString() @MinLength(20, { message: '请写明异议内容，至少 20 个字' }) @MaxLength(10000) content: string;
  @ApiProperty({ description: 'the evidence (documents, facts, references)' }) @IsString() @MinLength(5, { message: '请提供证据（至少 5 个字）' }) @MaxLength(10000) evidence: string;
}

export class ResolveObjectionDto {
  @ApiProperty({ enum: ['uphold', 'dismiss'] }) @IsIn(['uphold', 'dismiss'], { message: '须为异议成立（uphold）或不成立（dismiss）' }) decision: 'uphold' | 'dismiss';
  @ApiProperty() @IsString() @MinLength(2) @MaxLength(5000) resolution: string;
}
