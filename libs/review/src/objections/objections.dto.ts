import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';

/** 身份证号 (18 位) or 统一社会信用代码 (18 位): the objector is named, never anonymous. */
const ID_NUMBER = /^([0-9]{17}[0-9Xx]|[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10})$/;

export class ObjectionDto {
  @ApiProperty({ example: '李四', description: 'real name: anonymous objections are refused' }) @IsString() @MinLength(2, { message: '请填写真实姓名' }) @MaxLength(50) objectorName: string;
  @ApiPropertyOptional({ description: '身份证号 or the objecting unit’s 统一社会信用代码' })
  @IsOptional()
  @Matches(ID_NUMBER, { message: '须为 18 位身份证号或统一社会信用代码' })
  objectorIdNumber?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) objectorOrganization?: string;
  @ApiProperty({ example: '13800000000' }) @Matches(/^[0-9+\-() ]{6,20}$/, { message: '电话号码格式不正确' }) contactPhone: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail({}, { message: '邮箱格式不正确' }) contactEmail?: string;
  @ApiProperty({ description: 'the objection in writing, at least 20 characters' }) @IsString() @MinLength(20, { message: '请写明异议内容，至少 20 个字' }) @MaxLength(10000) content: string;
  @ApiProperty({ description: 'the evidence (documents, facts, references)' }) @IsString() @MinLength(5, { message: '请提供证据（至少 5 个字）' }) @MaxLength(10000) evidence: string;
  @ApiPropertyOptional({ enum: ['post', 'phone', 'mail'], description: 'the office records one received by post, phone or mail' })
  @IsOptional()
  @IsIn(['post', 'phone', 'mail'], { message: '须为 post（信函）、phone（电话）或 mail（邮件）' })
  channel?: 'post' | 'phone' | 'mail';
  @ApiPropertyOptional({ example: '2025-10-09', description: 'when the office received it (post, phone, mail)' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '须为日期（YYYY-MM-DD）' })
  receivedOn?: string;
}

/** Filed on the public page, without an account: the identity number is required there. */
export class PublicObjectionDto {
  @ApiProperty({ description: 'the entry of the 公示 objected to (its public id)' }) @IsUUID('all', { message: '请选择异议对象' }) publicId: string;
  @ApiProperty({ example: '李四' }) @IsString() @MinLength(2, { message: '请填写真实姓名' }) @MaxLength(50) objectorName: string;
  @ApiProperty({ description: '身份证号 or the objecting unit’s 统一社会信用代码' }) @Matches(ID_NUMBER, { message: '须为 18 位身份证号或统一社会信用代码' }) idNumber: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) objectorOrganization?: string;
  @ApiProperty({ example: '13800000000' }) @Matches(/^[0-9+\-() ]{6,20}$/, { message: '电话号码格式不正确' }) phone: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail({}, { message: '邮箱格式不正确' }) email?: string;
  @ApiProperty() @IsString() @MinLength(20, { message: '请写明异议内容，至少 20 个字' }) @MaxLength(10000) content: string;
  @ApiPropertyOptional({ description: 'the evidence described (the files are uploaded beside it)' }) @IsOptional() @IsString() @MaxLength(10000) evidence?: string;
}

export class ObjectionResponseDto {
  @ApiProperty({ description: 'the enterprise’s 申辩' }) @IsString() @MinLength(10, { message: '请写明申辩意见，至少 10 个字' }) @MaxLength(10000) content: string;
}

export class ResolveObjectionDto {
  @ApiProperty({ enum: ['uphold', 'dismiss'] }) @IsIn(['uphold', 'dismiss'], { message: '须为异议成立（uphold）或不成立（dismiss）' }) decision: 'uphold' | 'dismiss';
  @ApiProperty() @IsString() @MinLength(2, { message: '请写明处理意见' }) @MaxLength(5000) resolution: string;
}

export class ObjectionListQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID('all', { message: '评审周期编号格式不正确' }) cycleId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID('all', { message: '申报编号格式不正确' }) applicationId?: string;
}
