import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '@awardflow/platform';
import { Type } from 'class-transformer';
import { IsDate, IsIn, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { APPLICATION_SORTS, ApplicationSort } from './application-list';

export class CreateApplicationDto {
  @ApiProperty() @IsUUID('all') cycleId: string;
  @ApiPropertyOptional({ description: "default: the applicant's own organisation" }) @IsOptional() @IsUUID('all') organizationId?: string;
  @ApiPropertyOptional({ description: "the award family's form; drafts may be incomplete" }) @IsOptional() @IsObject() form?: Record<string, unknown>;
  @ApiPropertyOptional({ description: "renewal: the organisation's recognised (or expired) application of the same award in an earlier cycle; its form is copied unless `form` is given" })
  @IsOptional()
  @IsUUID('all', { message: '申报编号格式不正确' })
  renewalOf?: string;
}

export class UpdateApplicationDto {
  @ApiProperty({ description: 'the whole form (replaces the saved one)' }) @IsObject() form: Record<string, unknown>;
}

export class ActionDto {
  @ApiPropertyOptional({ description: 'reason or remark; required by rejections, supplements, withdrawals' }) @IsOptional() @IsString() @MaxLength(5000) comment?: string;
  @ApiPropertyOptional() @IsOptional() @IsObject() payload?: Record<string, unknown>;
}

export class RecommendDto {
  @ApiProperty({ description: 'the open cycle of the award recommended into (e.g. the 市长质量管理奖)' }) @IsUUID('all') cycleId: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) comment?: string;
}

export class ListApplicationsQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID('all') cycleId?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[a-z_]{2,64}$/, { message: '须为状态名（如 formal_review）' }) state?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID('all') organizationId?: string;
  @ApiPropertyOptional({ description: 'organisation name, credit code or receipt number contains' }) @IsOptional() @IsString() @MaxLength(100) search?: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', description: '提交时间 at or after' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: '须为有效的时间' })
  submittedFrom?: Date;
  @ApiPropertyOptional({ type: String, format: 'date-time', description: '提交时间 before' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: '须为有效的时间' })
  submittedTo?: Date;
  @ApiPropertyOptional({ enum: APPLICATION_SORTS, description: 'the column to sort on, `-` first for descending (default -submittedAt)' })
  @IsOptional()
  @IsIn(APPLICATION_SORTS, { message: `只能按受理编号、申报单位、状态或提交时间排序（${APPLICATION_SORTS.join('、')}）` })
  sort?: ApplicationSort;
}

export class AvailableActionDto {
  @ApiProperty() action: string;
  @ApiProperty() label: string;
  @ApiProperty() to: string;
  @ApiProperty() requiresComment: boolean;
  @ApiProperty({ description: 'the action leads to a terminal state: the application ends there and cannot go back' }) ends: boolean;
  @ApiProperty({ example: 'POST /applications/:id/actions/:action', description: 'where to take it: this generic route, or the dedicated one of a decision with its own use case (e.g. POST /applications/:id/votes/close)' })
  route: string;
  @ApiProperty({ description: "the application waits on the caller for it (the office's 待办): it moves the application on, neither ending it nor an exceptional measure such as 撤销" })
  nextStep: boolean;
}

export class ApplicationCycleDto {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty() awardCode: string;
  @ApiProperty() awardName: string;
  @ApiProperty() year: number;
}

export class ApplicantDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() uscc: string;
}

export class ApplicationDto {
  @ApiProperty() id: string;
  @ApiProperty() cycleId: string;
  @ApiProperty({ type: ApplicationCycleDto }) cycle: ApplicationCycleDto;
  @ApiPropertyOptional({ type: ApplicantDto, description: 'omitted for reviewers of a blind cycle' }) organization?: ApplicantDto;
  @ApiProperty({ type: 'object', additionalProperties: true, description: "the award family's form" }) form: Record<string, unknown>;
  @ApiProperty({ nullable: true, type: String, description: 'the project or product the application is for, where the award is given to one (null: the organisation, or not named yet)' })
  subjectName: string | null;
  @ApiProperty() state: string;
  @ApiProperty() stateLabel: string;
  @ApiProperty() terminal: boolean;
  @ApiProperty({ description: 'send it back as If-Match to act on this version' }) version: number;
  @ApiProperty({ nullable: true, type: String }) receiptNumber: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the district application this one was recommended from' }) recommendedFromId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the recognised application of an earlier cycle this one renews' }) renewalOfId: string | null;
  @ApiProperty({ nullable: true, type: Date }) submittedAt: Date | null;
  @ApiProperty({ type: [AvailableActionDto] }) availableActions: AvailableActionDto[];
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class ApplicationPageDto {
  @ApiProperty({ type: [ApplicationDto] }) items: ApplicationDto[];
  @ApiProperty({ description: 'the number of applications the list has; with totalCapped, the cap (1000): there are more' }) total: number;
  @ApiProperty({
    description: 'a search matched more than 1000 applications, so total (1000) is a lower bound: the console shows 1,000+, and later pages are still served while they have rows',
  })
  totalCapped: boolean;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
