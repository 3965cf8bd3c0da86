import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEmail, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';

export class PublicityContactDto {
  @ApiProperty({ example: '渝中区市场监督管理局质量发展科' }) @IsString() @MinLength(2, { message: '请填写受理异议的单位' }) @MaxLength(200) unit: string;
  @ApiProperty({ example: '023-63000000' }) @Matches(/^[0-9+\-() ]{6,40}$/, { message: '电话号码格式不正确' }) phone: string;
  @ApiProperty({ example: '重庆市渝中区中山三路 128 号' }) @IsString() @MinLength(4, { message: '请填写受理异议的地址' }) @MaxLength(300) address: string;
  @ApiProperty({ example: 'zlk@yuzhong.gov.cn' }) @IsEmail({}, { message: '邮箱格式不正确' }) @MaxLength(254) email: string;
}

export class PublishPublicityDto {
  @ApiPropertyOptional({ type: [String], description: 'the applications to name; default: every application of the cycle in 待公示' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: '至少选择一项申报' })
  @ArrayMaxSize(1000, { message: '一批公示至多 1000 项' })
  @IsUUID('all', { each: true, message: '申报编号格式不正确' })
  applicationIds?: string[];

  @ApiProperty({ example: '2025-09-29', description: 'the day the 公示 is published (Beijing); the period counts from the next day' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '须为日期（YYYY-MM-DD）' })
  startsOn: string;

  @ApiPropertyOptional({ example: 'P5WD', description: 'P7D (7 天) or P5WD (5 个工作日); default: the cycle’s 公示 duration' })
  @IsOptional()
  @Matches(/^P([1-9]\d?)(W?)D$/, { message: '须为天数（如 P7D）或工作日数（如 P5WD）' })
  duration?: string;

  @ApiPropertyOptional({ example: '2025年度渝中区区长质量管理奖拟表彰名单公示' }) @IsOptional() @IsString() @MinLength(4) @MaxLength(200) title?: string;

  @ApiProperty({ type: PublicityContactDto }) @ValidateNested() @Type(() => PublicityContactDto) contact: PublicityContactDto;
}

export class PublicityEntryDto {
  @ApiProperty() applicationId: string;
  @ApiProperty({ description: 'what the public page names the entry by' }) publicId: string;
  @ApiProperty() organizationName: string;
  @ApiProperty({ nullable: true, type: String, description: 'the project or product, where the award is given to one' }) subjectName: string | null;
  @ApiProperty() state: string;
  @ApiProperty() stateLabel: string;
  @ApiProperty() openObjections: number;
}

export class PublicityContactViewDto {
  @ApiProperty() unit: string;
  @ApiProperty() phone: string;
  @ApiProperty() address: string;
  @ApiProperty() email: string;
}

export class PublicityBatchDto {
  @ApiProperty() id: string;
  @ApiProperty() seq: number;
  @ApiProperty() title: string;
  @ApiProperty({ example: '2025-09-29' }) startsOn: string;
  @ApiProperty({ example: '2025-10-13' }) endsOn: string;
  @ApiProperty() endsAt: Date;
  @ApiProperty({ example: 'P5WD' }) duration: string;
  @ApiProperty({ example: '5 个工作日' }) durationLabel: string;
  @ApiProperty({ type: PublicityContactViewDto }) contact: PublicityContactViewDto;
  @ApiProperty() publishedAt: Date;
  @ApiProperty({ type: [PublicityEntryDto] }) entries: PublicityEntryDto[];
}

export class PublicityBatchListDto {
  @ApiProperty({ type: [PublicityBatchDto] }) items: PublicityBatchDto[];
}

/** The 公示 an application was published in, as anyone who may see the application reads it (no other entries). */
export class ApplicationPublicityBatchDto extends PickType(PublicityBatchDto, ['id', 'seq', 'title', 'startsOn', 'endsOn', 'endsAt', 'durationLabel', 'contact'] as const) {}

export class ApplicationPublicityDto {
  @ApiProperty({ type: ApplicationPublicityBatchDto, nullable: true, description: 'null until the office publishes a 公示 naming the application' })
  batch: ApplicationPublicityBatchDto | null;
}
