import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

export class WorkbenchQuery {
  @ApiPropertyOptional({ description: 'one cycle of an office the caller manages (default: every running cycle of those offices)', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  cycleId?: string;
}

export class WorkbenchStageDto {
  @ApiProperty({ description: 'workflow state' }) state: string;
  @ApiProperty({ description: 'its zh-CN label' }) label: string;
  @ApiProperty() count: number;
}

export class WorkbenchDistrictDto {
  @ApiProperty({ description: 'GB/T 2260 division the organisations are registered in' }) regionCode: string;
  @ApiProperty({ description: 'its name (the office of that division), or the code' }) name: string;
  @ApiProperty({ description: 'submitted applications' }) count: number;
}

/** One thing on the office's desk: an application and what about it (an expert, a kind of deadline, a reason) and when. */
export class WorkbenchItemDto {
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty({ type: String, nullable: true }) receiptNumber: string | null;
  @ApiProperty() organizationName: string;
  @ApiProperty({ description: 'the expert who is late, the deadline, the objection or the flag, in Chinese' }) what: string;
  @ApiProperty({ description: 'when it is due or since when it waits' }) at: Date;
}

export class WorkbenchListDto {
  @ApiProperty({ description: 'how many in all' }) total: number;
  @ApiProperty({ type: [WorkbenchItemDto], description: 'the most pressing ten' }) items: WorkbenchItemDto[];
}

export class WorkbenchCycleDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() awardCode: string;
  @ApiProperty() awardName: string;
  @ApiProperty({ enum: ['open', 'closed'] }) status: string;
  @ApiProperty() applicationClosesAt: Date;
  @ApiProperty({ description: 'submitted applications (drafts not counted)' }) applications: number;
  @ApiProperty({ description: 'drafts not yet submitted' }) drafts: number;
  @ApiProperty({ type: [WorkbenchStageDto], description: 'applications by state, in the order an application goes through them' }) stages: WorkbenchStageDto[];
  @ApiProperty({ type: [WorkbenchDistrictDto], description: 'submitted applications by the 区县 the organisation is registered in' }) districts: WorkbenchDistrictDto[];
  @ApiProperty({ type: WorkbenchListDto, description: 'expert reviews past their due time, with the expert' }) overdueReviews: WorkbenchListDto;
  @ApiProperty({ type: WorkbenchListDto, description: '公示 objections waiting for the office' }) openObjections: WorkbenchListDto;
  @ApiProperty({ type: WorkbenchListDto, description: 'deadlines of the coming 7 days' }) upcomingDeadlines: WorkbenchListDto;
  @ApiProperty({ type: WorkbenchListDto, description: 'applications flagged for the office' }) flagged: WorkbenchListDto;
}

export class WorkbenchDto {
  @ApiProperty({ description: 'when these figures were read (they are live, not a snapshot)' }) generatedAt: Date;
  @ApiProperty({ type: [WorkbenchCycleDto], description: 'the running (open or closed, not archived) cycles, latest deadline first' }) cycles: WorkbenchCycleDto[];
}
