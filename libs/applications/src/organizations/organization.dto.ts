import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { PageDto, PageQuery, SortParam, SortValue } from '@awardflow/platform';
import { Checked, email, matching, pastDate, present, text } from './checked-field';
import { IsUscc } from './is-uscc';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class ContactDto {
  @ApiProperty({ example: '王经理' }) @Checked(text(1, 50)) name: string;
  @ApiProperty({ example: '023-63000000' }) @Checked(matching(/^[0-9+\-() ]{6,20}$/, '格式不正确（如 023-63000000）')) phone: string;
  @ApiPropertyOptional({ example: 'quality@example.cn' }) @Checked(email, { optional: true }) email?: string;
}

/** Every field is checked in one pass, so one 400 names every bad field (the credit code too), in Chinese. */
export class CreateOrganizationDto {
  @ApiProperty({ example: '重庆示例精密制造有限公司' }) @Checked(text(2, 200)) name: string;
  @ApiProperty({ example: '91350100M000100Y43', description: '统一社会信用代码 (GB 32100-2015), checked with its check character' })
  @IsUscc()
  uscc: string;
  @ApiProperty({ example: '500103', description: 'GB/T 2260 administrative division' })
  @Checked(matching(/^\d{6}$/, '须为 6 位数字（如 500103 渝中区）'))
  regionCode: string;
  @ApiProperty({ example: '重庆市渝中区解放碑街道民族路 1 号' }) @Checked(text(2, 300)) address: string;
  @ApiProperty({ example: '张三' }) @Checked(text(1, 50)) legalRepresentative: string;
  @ApiProperty({ type: ContactDto }) @Checked(present) @ValidateNested({ message: '联系人须包含姓名和电话' }) @Type(() => ContactDto) contact: ContactDto;
  @ApiProperty({ example: '2010-03-01' }) @Checked(pastDate) foundedAt: string;
  @ApiProperty({ example: 'C3825', description: 'GB/T 4754 industry code' })
  @Checked(matching(/^[A-T]\d{0,4}$/, '须为 GB/T 4754 代码（如 C3825）'))
  industry: string;
  @ApiPropertyOptional({ description: 'admins only: register a real code whose check character is wrong, with the reason (kept in the audit trail)' })
  @Checked(text(5, 500), { optional: true })
  usccOverrideReason?: string;
}

export class OrganizationDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() uscc: string;
  @ApiProperty() regionCode: string;
  @ApiProperty() address: string;
  @ApiProperty() legalRepresentative: string;
  @ApiProperty({ type: ContactDto }) contact: ContactDto;
  @ApiProperty() foundedAt: string;
  @ApiProperty() industry: string;
  @ApiProperty({ nullable: true, type: String, enum: ['A', 'B', 'C', 'D'] }) creditGrade: string | null;
  @ApiProperty() usccOverridden: boolean;
  @ApiProperty() createdAt: Date;
}

export class RegisteredOrganizationDto extends OrganizationDto {
  @ApiPropertyOptional({ description: 'a fresh token carrying the organisation, when an applicant registered it' }) accessToken?: string;
}

export class CreateRecordDto {
  @ApiProperty({ enum: ['blacklist', 'abnormal_operation', 'major_accident', 'sampling_failure', 'penalty', 'reapplication_ban', 'dishonest_debtor'] })
  @IsIn(['blacklist', 'abnormal_operation', 'major_accident', 'sampling_failure', 'penalty', 'reapplication_ban', 'dishonest_debtor'], { message: '须为以下之一：blacklist（严重失信名单）、abnormal_operation（经营异常名录）、major_accident（重大质量安全事故）、sampling_failure（监督抽查不合格）、penalty（行政处罚）、reapplication_ban（禁止再次申报）、dishonest_debtor（失信被执行人）' })
  kind: 'blacklist' | 'abnormal_operation' | 'major_accident' | 'sampling_failure' | 'penalty' | 'reapplication_ban' | 'dishonest_debtor';
  @ApiProperty({ example: '列入市场监管总局严重违法失信名单' }) @IsString() @MinLength(2) @MaxLength(1000) reason: string;
  @ApiPropertyOptional({ description: 'when it happened (accidents, sampling failures, penalties)' }) @IsOptional() @Matches(DATE, { message: '须为日期（YYYY-MM-DD）' }) occurredAt?: string;
  @ApiPropertyOptional({ description: 'listing or ban period start' }) @IsOptional() @Matches(DATE, { message: '须为日期（YYYY-MM-DD）' }) from?: string;
  @ApiPropertyOptional({ description: 'listing or ban period end (open-ended if absent)' }) @IsOptional() @Matches(DATE, { message: '须为日期（YYYY-MM-DD）' }) until?: string;
  @ApiPropertyOptional({ description: 'bans: the award it applies to (all if absent)' }) @IsOptional() @IsString() awardCode?: string;
}

export class RecordDto {
  @ApiProperty() id: string;
  @ApiProperty() organizationId: string;
  @ApiProperty() kind: string;
  @ApiProperty() reason: string;
  @ApiProperty({ nullable: true, type: String }) occurredAt: string | null;
  @ApiProperty({ nullable: true, type: String }) from: string | null;
  @ApiProperty({ nullable: true, type: String }) until: string | null;
  @ApiProperty({ nullable: true, type: String }) awardCode: string | null;
  @ApiProperty() createdAt: Date;
}

export class CreditGradeDto {
  @ApiProperty({ enum: ['A', 'B', 'C', 'D'] }) @IsIn(['A', 'B', 'C', 'D']) grade: 'A' | 'B' | 'C' | 'D';
  /** Why the grade changes (e.g. the 市场监管局's notice); kept in the audit entry, since a grade decides eligibility. */
  @ApiProperty({ description: 'why the grade is set or changed (written into the audit entry)', maxLength: 500 })
  @IsString({ message: '须填写调整理由' })
  @Matches(/\S/, { message: '须填写调整理由' })
  @MaxLength(500, { message: '不能超过 500 字' })
  reason: string;
}

/** The columns `GET /organizations` sorts on (entity properties; `-` first: descending). */
export const ORGANIZATION_SORT_COLUMNS = { name: 'name', uscc: 'uscc', createdAt: 'createdAt' } as const;

export class SearchOrganizationsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'name or credit code contains' }) @IsOptional() @IsString() @MaxLength(100) search?: string;
  @SortParam(Object.keys(ORGANIZATION_SORT_COLUMNS), ['名称', '统一社会信用代码', '注册时间'], 'name')
  sort?: SortValue<keyof typeof ORGANIZATION_SORT_COLUMNS>;
}

export const OrganizationPageDto = PageDto(OrganizationDto);
